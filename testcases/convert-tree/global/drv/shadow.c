// SPDX-License-Identifier: GPL-2.0
/* A file with its own static lone_mmap(): not the global one of core.c. */
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/module.h>

static int lone_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

static const struct file_operations shadow_fops = {
	.owner		= THIS_MODULE,
	.mmap		= lone_mmap,
};

static int call_lone(struct file *file, struct vm_area_struct *vma)
{
	return lone_mmap(file, vma);
}
