// SPDX-License-Identifier: GPL-2.0
/*
 * The mapping code of a small filesystem: its hooks are bound by the ops
 * tables of another file and declared in a header.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include "xf.h"

static const struct vm_operations_struct xf_file_vm_ops;

/**
 * xf_mmap - map a file of the filesystem
 * @file: the file being mapped
 * @vma: the new mapping
 *
 * Return: 0.
 */
int xf_mmap(struct file *file, struct vm_area_struct *vma)
{
	file_accessed(file);
	vma->vm_ops = &xf_file_vm_ops;
	return 0;
}

/**
 * xf_strict_mmap() - map a file through the generic helper
 * @file: the file being mapped
 * @vma: the new mapping
 *
 * Its prototype spans two lines in the header.
 *
 * Return: 0 or a negative error code.
 */
int xf_strict_mmap(struct file *file, struct vm_area_struct *vma)
{
	int rc;

	rc = generic_file_mmap(file, vma);
	if (!rc)
		vma->vm_ops = &xf_file_vm_ops;
	return rc;
}
