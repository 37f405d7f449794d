// SPDX-License-Identifier: GPL-2.0
/* The ops tables of the filesystem, in another file than their hooks. */
#include <linux/fs.h>
#include <linux/module.h>
#include "xf.h"

const struct file_operations xf_file_ops = {
	.owner		= THIS_MODULE,
	.llseek		= noop_llseek,
	.mmap		= xf_mmap,
};

const struct file_operations xf_file_nolock_ops = {
	.owner		= THIS_MODULE,
	.mmap		= xf_mmap,
};

const struct file_operations xf_file_strict_ops = {
	.owner		= THIS_MODULE,
	.mmap		= xf_strict_mmap,
};
