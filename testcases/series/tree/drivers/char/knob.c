// SPDX-License-Identifier: GPL-2.0
/*
 * knob: a page of settings that user space maps read-only.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static const struct vm_operations_struct knob_vm_ops;

static int knob_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff)
		return -EINVAL;
	vma->vm_ops = &knob_vm_ops;
	vma->vm_private_data = file->private_data;
	return 0;
}

static const struct file_operations knob_fops = {
	.owner		= THIS_MODULE,
	.mmap		= knob_mmap,
};
