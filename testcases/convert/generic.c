// SPDX-License-Identifier: GPL-2.0
/* A filesystem that wraps generic_file_mmap() and uses it directly. */
#include <linux/fs.h>
#include <linux/mm.h>

static const struct vm_operations_struct leaf_vm_ops;

static int leaf_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = generic_file_mmap(file, vma);
	if (ret)
		return ret;
	vma->vm_ops = &leaf_vm_ops;
	return 0;
}

static const struct file_operations leaf_file_fops = {
	.mmap		= leaf_file_mmap,
	.llseek		= generic_file_llseek,
};

static const struct file_operations leaf_ro_fops = {
	.mmap		= generic_file_readonly_mmap,
	.llseek		= generic_file_llseek,
};
