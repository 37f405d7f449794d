// SPDX-License-Identifier: GPL-2.0
/* Calls the hook directly: that call cannot follow the rename. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include "yf.h"

static int yf_dax_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return yf_mmap(file, vma);
}

static const struct file_operations yf_dax_ops = {
	.owner		= THIS_MODULE,
	.mmap		= yf_dax_mmap,
};

/* A static hook of this file: not the one of mmap.c. */
static int yf_shadow_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations yf_shadow_ops = {
	.mmap		= yf_shadow_mmap,
};
