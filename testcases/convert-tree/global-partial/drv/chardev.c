// SPDX-License-Identifier: GPL-2.0
/* Two device nodes, one for each hook. */
#include <linux/fs.h>
#include <linux/module.h>
#include "priv.h"

static const struct file_operations good_fops = {
	.owner		= THIS_MODULE,
	.mmap		= good_mmap,
};

static const struct file_operations stuck_fops = {
	.owner		= THIS_MODULE,
	.mmap		= stuck_mmap,
};
