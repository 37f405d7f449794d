// SPDX-License-Identifier: GPL-2.0
/*
 * stuck: remembers the last mapping, which mmap_prepare cannot give it.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static struct vm_area_struct *stuck_last;

static int stuck_mmap(struct file *file, struct vm_area_struct *vma)
{
	stuck_last = vma;
	return 0;
}

static const struct file_operations stuck_fops = {
	.owner		= THIS_MODULE,
	.mmap		= stuck_mmap,
};
