// SPDX-License-Identifier: GPL-2.0
/*
 * One hook per table: .mmap = NULL next to .mmap_prepare, two separate tables, a choice
 * made at run time in the two arms of an if, a hook cleared when the other is set.
 *
 * check-name: both-hooks: true negatives
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int cdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	(void)vma;
	return 0;
}

static int cdev_prepare(struct vm_area_desc *desc)
{
	(void)desc;
	return 0;
}

static const struct file_operations cdev_null_fops = {
	.mmap = NULL,
	.mmap_prepare = cdev_prepare,
};

static const struct file_operations cdev_old_fops = {
	.mmap = cdev_mmap,
};

static const struct file_operations cdev_new_fops = {
	.mmap_prepare = cdev_prepare,
};

static struct file_operations cdev_pick_fops;
static struct file_operations cdev_swap_fops = {
	.mmap = cdev_mmap,
};

void cdev_setup(int new_api);
void cdev_setup(int new_api)
{
	if (new_api)
		cdev_pick_fops.mmap_prepare = cdev_prepare;
	else
		cdev_pick_fops.mmap = cdev_mmap;
	cdev_swap_fops.mmap_prepare = cdev_prepare;
	cdev_swap_fops.mmap = NULL;
	(void)cdev_null_fops;
	(void)cdev_old_fops;
	(void)cdev_new_fops;
}

/*
 * check-output-start
 * check-output-end
 */
