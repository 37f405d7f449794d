// SPDX-License-Identifier: GPL-2.0
/*
 * widget: the second device node, on the same buffer.
 */
#include <linux/fs.h>
#include <linux/module.h>
#include "widget.h"

const struct file_operations widget_raw_fops = {
	.owner		= THIS_MODULE,
	.mmap		= widget_mmap,
	.llseek		= noop_llseek,
};
