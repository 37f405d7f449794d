/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPLICE_H
#define _LINUX_SPLICE_H

#include <linux/fs.h>

ssize_t filemap_splice_read(struct file *in, loff_t *ppos, void *pipe, size_t len,
			    unsigned int flags);
ssize_t iter_file_splice_write(void *pipe, struct file *out, loff_t *ppos, size_t len,
			       unsigned int flags);

#endif
