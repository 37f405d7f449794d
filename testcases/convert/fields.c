// SPDX-License-Identifier: GPL-2.0
/* Only sets up the VMA: ops, private data, flags, offset. */
#include <linux/fs.h>
#include <linux/mm.h>

struct cell {
	unsigned long size;
};

static const struct vm_operations_struct cell_vm_ops;

static int cell_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct cell *c = filp->private_data;

	if (!filp->f_mapping || vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_end - vma->vm_start > c->size)
		return -EINVAL;
	vma->vm_ops = &cell_vm_ops;
	vma->vm_private_data = c;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vm_flags_clear(vma, VM_MAYEXEC);
	return 0;
}

static const struct file_operations cell_fops = {
	.mmap = cell_mmap,
};
