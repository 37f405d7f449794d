// SPDX-License-Identifier: GPL-2.0
/*
 * stackfs: files that map the file below them.
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int stackfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;

	if (!lower->f_op->mmap)
		return -ENODEV;
	return vfs_mmap(lower, vma);
}

const struct file_operations stackfs_file_operations = {
	.llseek		= generic_file_llseek,
	.mmap		= stackfs_mmap,
};
