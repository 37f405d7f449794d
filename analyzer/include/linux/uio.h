/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>
#include <linux/mm_types.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

struct iov_iter {
	u8 iter_type;
	bool data_source;
	size_t iov_offset;
	size_t count;
};

#define ITER_SOURCE	1
#define ITER_DEST	0
static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes, struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);

#endif
