// SPDX-License-Identifier: GPL-2.0
/* Maps the device state through its own fault handler. */
#include <linux/fs.h>
#include <linux/mm.h>

struct uio_core {
	unsigned long size;
};

static const struct vm_operations_struct uio_core_vm_ops;

static int uio_core_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct uio_core *u = file->private_data;

	if (vma->vm_pgoff)
		return -EINVAL;
	vma->vm_ops = &uio_core_vm_ops;
	vma->vm_private_data = u;
	return 0;
}

static const struct file_operations uio_core_fops = {
	.mmap = uio_core_mmap,
};
