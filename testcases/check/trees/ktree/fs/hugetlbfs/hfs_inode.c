// SPDX-License-Identifier: GPL-2.0
/*
 * Input of action-direct-tree.c: hugetlbfs, whose own field hide_from_rmap_until_complete is
 * fine here; writing the action type by hand is not.
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int hfs_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.hide_from_rmap_until_complete = true;
	desc->action.type = MMAP_NOTHING;
	return 0;
}

const struct file_operations hfs_file_operations = {
	.mmap_prepare = hfs_mmap_prepare,
};
