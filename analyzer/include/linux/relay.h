/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RELAY_H
#define _LINUX_RELAY_H

#include <linux/fs.h>
#include <linux/kref.h>

struct rchan;

struct rchan_buf {
	void *start;
	void *data;
	size_t offset;
	size_t subbufs_produced;
	size_t subbufs_consumed;
	struct rchan *chan;
	struct page **page_array;
	unsigned int page_count;
	struct dentry *dentry;
	struct kref kref;
	unsigned int cpu;
};

struct rchan_callbacks {
	int (*subbuf_start)(struct rchan_buf *buf, void *subbuf, void *prev_subbuf);
	struct dentry *(*create_buf_file)(const char *filename, struct dentry *parent,
					  umode_t mode, struct rchan_buf *buf, int *is_global);
	int (*remove_buf_file)(struct dentry *dentry);
};

struct rchan {
	size_t subbuf_size;
	size_t n_subbufs;
	size_t alloc_size;
	const struct rchan_callbacks *cb;
	struct kref kref;
	void *private_data;
};

struct rchan *relay_open(const char *base_filename, struct dentry *parent,
			 size_t subbuf_size, size_t n_subbufs,
			 const struct rchan_callbacks *cb, void *private_data);
void relay_close(struct rchan *chan);
void relay_flush(struct rchan *chan);
void relay_write(struct rchan *chan, const void *data, size_t length);
extern const struct file_operations relay_file_operations;

#endif
