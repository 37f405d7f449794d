// SPDX-License-Identifier: GPL-2.0
/*
 * foofs: fast symlinks, read-only.
 */
#include <linux/fs.h>
#include <linux/mm.h>

const struct file_operations foofs_symlink_operations = {
	.llseek		= generic_file_llseek,
	.mmap		= generic_file_readonly_mmap,
};
