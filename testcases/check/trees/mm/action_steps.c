// SPDX-License-Identifier: GPL-2.0
/*
 * Input of action-direct-tree.c: an mm/ file passed as "mm/action_steps.c" with no kernel
 * tree top above it: the path as given says mm core.
 */
#include <linux/fs.h>
#include <linux/mm.h>

int steps_complete(struct vm_area_struct *vma, struct vm_area_desc *desc)
{
	desc->action.type = MMAP_NOTHING;
	return mmap_action_complete(vma, &desc->action, false);
}
