// SPDX-License-Identifier: GPL-2.0
/*
 * Input of action-direct-tree.c: a driver in the same tree that copies the hugetlb field
 * and calls the core's prepare step.
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int hdev_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.hide_from_rmap_until_complete = true;
	mmap_action_remap_full(desc, desc->pgoff);
	return mmap_action_prepare(desc);
}

const struct file_operations hdev_fops = {
	.mmap_prepare = hdev_mmap_prepare,
};
