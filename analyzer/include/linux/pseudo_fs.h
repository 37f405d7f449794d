/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PSEUDO_FS_H
#define _LINUX_PSEUDO_FS_H

#include <linux/fs.h>

struct fs_context;

struct pseudo_fs_context {
	const void *ops;
	const void *xattr;
	const void *dops;
	unsigned long magic;
};

struct pseudo_fs_context *init_pseudo(struct fs_context *fc, unsigned long magic);

#endif
