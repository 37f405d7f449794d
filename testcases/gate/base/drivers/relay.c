// SPDX-License-Identifier: GPL-2.0
/* relay: maps the file it stacks on. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static int relay_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;

	if (!lower->f_op->mmap)
		return -ENODEV;
	return lower->f_op->mmap(lower, vma);
}

static const struct file_operations relay_fops = {
	.owner		= THIS_MODULE,
	.mmap		= relay_mmap,
};

const struct file_operations *relay_get_fops(void);

const struct file_operations *relay_get_fops(void)
{
	return &relay_fops;
}
