/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <linux/types.h>
#include <linux/gfp.h>

struct idr {
	void *idr_rt;
	unsigned int idr_base;
	unsigned int idr_next;
};

struct ida {
	void *xa;
};

#define DEFINE_IDR(name)	struct idr name = { 0 }
#define DEFINE_IDA(name)	struct ida name = { 0 }
void idr_init(struct idr *idr);
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_find(const struct idr *idr, unsigned long id);
void *idr_remove(struct idr *idr, unsigned long id);
void idr_destroy(struct idr *idr);
int ida_alloc(struct ida *ida, gfp_t gfp);
int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp);
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

#endif
