// SPDX-License-Identifier: GPL-2.0
/*
 * foofs: regular files.
 */
#include <linux/fs.h>
#include <linux/mm.h>

static const struct vm_operations_struct foofs_vm_ops;

static int foofs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = generic_file_mmap(file, vma);
	if (!ret)
		vma->vm_ops = &foofs_vm_ops;
	return ret;
}

const struct file_operations foofs_file_operations = {
	.llseek		= generic_file_llseek,
	.mmap		= foofs_file_mmap,
};
