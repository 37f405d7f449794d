/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RAMFS_H
#define _LINUX_RAMFS_H

#include <linux/fs.h>

struct super_block;

struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev);
extern const struct file_operations ramfs_file_operations;

#endif
