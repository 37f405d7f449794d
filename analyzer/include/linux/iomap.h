/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IOMAP_H
#define _LINUX_IOMAP_H

#include <linux/mm.h>
#include <linux/uio.h>

struct iomap {
	u64 addr;
	loff_t offset;
	u64 length;
	u16 type;
	u16 flags;
	void *private;
};

struct iomap_ops {
	int (*iomap_begin)(struct inode *inode, loff_t pos, loff_t length, unsigned int flags,
			   struct iomap *iomap, struct iomap *srcmap);
	int (*iomap_end)(struct inode *inode, loff_t pos, loff_t length, ssize_t written,
			 unsigned int flags, struct iomap *iomap);
};

#define IOMAP_HOLE	0
#define IOMAP_DELALLOC	1
#define IOMAP_MAPPED	2
#define IOMAP_UNWRITTEN	3
#define IOMAP_INLINE	4
vm_fault_t iomap_page_mkwrite(struct vm_fault *vmf, const struct iomap_ops *ops, void *priv);
ssize_t iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter, const struct iomap_ops *ops,
		     const void *dops, unsigned int flags, void *private, size_t done);
int iomap_fiemap(struct inode *inode, void *fieinfo, u64 start, u64 len,
		 const struct iomap_ops *ops);

#endif
