// SPDX-License-Identifier: GPL-2.0
/* 7.1 changed mmap_action_prepare(action, desc) to mmap_action_prepare(desc). */
#include <linux/mm.h>

int action_prepare_prepare(struct vm_area_desc *desc);
int action_prepare_prepare(struct vm_area_desc *desc)
{
	mmap_action_prepare(&desc->action, desc);
	return 0;
}
