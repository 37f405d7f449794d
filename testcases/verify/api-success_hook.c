// SPDX-License-Identifier: GPL-2.0
/* 7.2 removed mmap_action.success_hook: code that sets it must not build. */
#include <linux/mm.h>

int success_hook_prepare(struct vm_area_desc *desc);
int success_hook_prepare(struct vm_area_desc *desc)
{
	desc->action.success_hook = NULL;
	return 0;
}
