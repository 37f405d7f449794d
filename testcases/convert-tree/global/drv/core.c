// SPDX-License-Identifier: GPL-2.0
/*
 * A core module whose mmap hooks are shared with other files: the kind of
 * hook that must be renamed across the tree or not at all.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include "priv.h"

static const struct vm_operations_struct core_vm_ops;

/**
 * core_mmap - map the core buffer
 * @file: the file being mapped
 * @vma: the new mapping
 *
 * Return: 0.
 */
int core_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &core_vm_ops;
	vma->vm_private_data = file->private_data;
	return 0;
}
EXPORT_SYMBOL_GPL(core_mmap);

/* Called directly from another file: that call cannot follow the rename. */
int busy_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return 0;
}

/* Not static, and nothing else names it. */
int lone_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations core_fops = {
	.owner		= THIS_MODULE,
	.mmap		= core_mmap,
};

static const struct file_operations busy_fops = {
	.owner		= THIS_MODULE,
	.mmap		= busy_mmap,
};

static const struct file_operations lone_fops = {
	.owner		= THIS_MODULE,
	.mmap		= lone_mmap,
};
