// SPDX-License-Identifier: GPL-2.0
/* The ops tables of the filesystem. */
#include <linux/fs.h>
#include <linux/module.h>
#include "yf.h"

const struct file_operations yf_file_ops = {
	.owner		= THIS_MODULE,
	.mmap		= yf_mmap,
};

const struct file_operations yf_lone_ops = {
	.owner		= THIS_MODULE,
	.mmap		= yf_lone_mmap,
};

/* Not defined in this tree with the hook signature. */
int yf_missing_mmap(struct file *file, struct vm_area_struct *vma);

const struct file_operations yf_missing_ops = {
	.owner		= THIS_MODULE,
	.mmap		= yf_missing_mmap,
};

const struct file_operations yf_dev_fops = {
	.owner		= THIS_MODULE,
	.mmap		= yf_dev_mmap,
};

struct yf_dev_ops {
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

const struct yf_dev_ops yf_dev_ops = {
	.mmap		= yf_dev_mmap,
};
