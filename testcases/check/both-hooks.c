// SPDX-License-Identifier: GPL-2.0
/*
 * .mmap and .mmap_prepare in one file_operations: in the initializer, and split between
 * the initializer and an assignment.
 *
 * check-name: both-hooks: positives
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int bdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	(void)vma;
	return 0;
}

static int bdev_prepare(struct vm_area_desc *desc)
{
	(void)desc;
	return 0;
}

static const struct file_operations bdev_fops = {
	.mmap = bdev_mmap,
	.mmap_prepare = bdev_prepare,
};

static struct file_operations bdev_late_fops = {
	.mmap = bdev_mmap,
};

void bdev_setup(void);
void bdev_setup(void)
{
	bdev_late_fops.mmap_prepare = bdev_prepare;
	(void)bdev_fops;
}

/*
 * check-output-start
both-hooks.c:26:3: warning: 'bdev_fops' sets both .mmap (bdev_mmap) and .mmap_prepare (bdev_prepare); they are mutually exclusive: can_mmap_file() WARNs and mmap() fails with -ENODEV. Drop .mmap and keep .mmap_prepare [both-hooks]
both-hooks.c:36:17: warning: bdev_setup(): 'bdev_late_fops' sets both .mmap (bdev_mmap) and .mmap_prepare (bdev_prepare); they are mutually exclusive: can_mmap_file() WARNs and mmap() fails with -ENODEV. Drop .mmap and keep .mmap_prepare [both-hooks]
 * check-output-end
 */
