// SPDX-License-Identifier: GPL-2.0
/* A second device node that shares the core's hook. */
#include <linux/fs.h>
#include <linux/module.h>
#include "priv.h"

static const struct file_operations extra_fops = {
	.owner		= THIS_MODULE,
	.mmap		= core_mmap,
	.llseek		= noop_llseek,
};

static int wrap_mmap(struct file *file, struct vm_area_struct *vma)
{
	return busy_mmap(file, vma);
}

static const struct file_operations wrap_fops = {
	.mmap		= wrap_mmap,
};
