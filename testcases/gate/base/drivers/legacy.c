// SPDX-License-Identifier: GPL-2.0
/* legacy: an mmap_prepare hook with a known problem, left for later. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static int legacy_mmap_prepare(struct vm_area_desc *desc)
{
	struct vm_area_struct *prev = find_vma(desc->mm, desc->start - PAGE_SIZE);

	if (prev && prev->vm_file == desc->file)
		return -EBUSY;
	return 0;
}

static int legacy_open(struct inode *inode, struct file *file)
{
	void *priv = inode->i_private;

	if (!priv)
		return -ENODEV;
	if (file->f_mode & FMODE_WRITE)
		return -EINVAL;
	file->private_data = priv;
	return 0;
}

static const struct file_operations legacy_fops = {
	.owner		= THIS_MODULE,
	.open		= legacy_open,
	.mmap_prepare	= legacy_mmap_prepare,
};

const struct file_operations *legacy_get_fops(void);

const struct file_operations *legacy_get_fops(void)
{
	return &legacy_fops;
}
