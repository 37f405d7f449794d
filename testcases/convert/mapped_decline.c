// SPDX-License-Identifier: GPL-2.0
/* vm_ops->open callbacks that cannot become vm_ops->mapped. */
#include <linux/fs.h>
#include <linux/mm.h>

struct stat_dev {
	unsigned long maps;
};

/* Needs more of the VMA than mapped() receives. */
static void wide_vm_open(struct vm_area_struct *vma)
{
	struct stat_dev *sd = vma->vm_private_data;

	if (vma->vm_flags & VM_WRITE)
		sd->maps++;
}

static const struct vm_operations_struct wide_vm_ops = {
	.open = wide_vm_open,
};

static int wide_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &wide_vm_ops;
	vma->vm_private_data = file->private_data;
	wide_vm_open(vma);
	return 0;
}

/* Its vm_ops also serve a hook that stays on .mmap. */
static void shared_vm_open(struct vm_area_struct *vma)
{
	struct stat_dev *sd = vma->vm_private_data;

	sd->maps++;
}

static const struct vm_operations_struct shared_vm_ops = {
	.open = shared_vm_open,
};

static int shared_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shared_vm_ops;
	vma->vm_private_data = file->private_data;
	shared_vm_open(vma);
	return 0;
}

static int legacy_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shared_vm_ops;
	return remap_vmalloc_range(vma, file->private_data, 0);
}

static const struct file_operations wide_fops = {
	.mmap = wide_mmap,
};

static const struct file_operations shared_fops = {
	.mmap = shared_mmap,
};

static const struct file_operations legacy_fops = {
	.mmap = legacy_mmap,
};
