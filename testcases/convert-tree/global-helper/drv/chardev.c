// SPDX-License-Identifier: GPL-2.0
/*
 * Two device nodes: one bound to stuck_mmap() of stuck.c, one to a hook of
 * this file that asks a helper of priv.h, which takes the VMA, first.
 */
#include <linux/fs.h>
#include <linux/module.h>
#include "priv.h"

static int chardev_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!drv_mapping_ok(vma))
		return -EOPNOTSUPP;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	return 0;
}

static const struct file_operations chardev_fops = {
	.owner		= THIS_MODULE,
	.mmap		= chardev_mmap,
};

static const struct file_operations stuck_fops = {
	.owner		= THIS_MODULE,
	.mmap		= stuck_mmap,
};
