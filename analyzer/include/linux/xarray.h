/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>

struct xarray {
	spinlock_t xa_lock;
	unsigned int xa_flags;
	void *xa_head;
};

#define DEFINE_XARRAY(name)		struct xarray name = { 0 }
#define DEFINE_XARRAY_ALLOC(name)	struct xarray name = { 0 }
#define XA_FLAGS_ALLOC			4U
void xa_init(struct xarray *xa);
void xa_init_flags(struct xarray *xa, unsigned int flags);
void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
struct xa_limit {
	u32 max;
	u32 min;
};

#define XA_LIMIT(_min, _max)	((struct xa_limit) { .min = (_min), .max = (_max) })
#define xa_limit_32b		XA_LIMIT(0, 0xffffffff)
int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp);
void xa_destroy(struct xarray *xa);

#endif
