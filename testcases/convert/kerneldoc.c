// SPDX-License-Identifier: GPL-2.0
/* A documented hook: kernel-doc follows the conversion. */
#include <linux/fs.h>
#include <linux/mm.h>

static const struct vm_operations_struct doc_vm_ops;

/**
 * doc_mmap() - set up a mapping of the doc device
 * @file: the open device file
 * @vma: the new mapping; its size must not exceed
 *	the device window
 *
 * Return: 0 or a negative errno.
 */
static int doc_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff)
		return -EINVAL;
	vma->vm_ops = &doc_vm_ops;
	return 0;
}

static const struct file_operations doc_fops = {
	.mmap = doc_mmap,
};
