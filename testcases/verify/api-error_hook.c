// SPDX-License-Identifier: GPL-2.0
/* 7.2 replaced mmap_action.error_hook by error_override. */
#include <linux/mm.h>

int error_hook_prepare(struct vm_area_desc *desc);
int error_hook_prepare(struct vm_area_desc *desc)
{
	desc->action.error_hook = NULL;
	return 0;
}
