/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DMA_BUF_H
#define _LINUX_DMA_BUF_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/device.h>
#include <linux/scatterlist.h>
#include <linux/module.h>

struct dma_buf;
struct dma_buf_attachment;
struct iosys_map;

struct dma_buf_ops {
	int (*attach)(struct dma_buf *dmabuf, struct dma_buf_attachment *attach);
	void (*detach)(struct dma_buf *dmabuf, struct dma_buf_attachment *attach);
	struct sg_table *(*map_dma_buf)(struct dma_buf_attachment *attach, int dir);
	void (*unmap_dma_buf)(struct dma_buf_attachment *attach, struct sg_table *sgt, int dir);
	void (*release)(struct dma_buf *dmabuf);
	int (*begin_cpu_access)(struct dma_buf *dmabuf, int dir);
	int (*end_cpu_access)(struct dma_buf *dmabuf, int dir);
	int (*mmap)(struct dma_buf *dmabuf, struct vm_area_struct *vma);
	int (*vmap)(struct dma_buf *dmabuf, struct iosys_map *map);
	void (*vunmap)(struct dma_buf *dmabuf, struct iosys_map *map);
};

struct dma_buf {
	size_t size;
	struct file *file;
	const struct dma_buf_ops *ops;
	void *priv;
};

struct dma_buf_attachment {
	struct dma_buf *dmabuf;
	struct device *dev;
	void *priv;
};

struct dma_buf_export_info {
	const char *exp_name;
	struct module *owner;
	const struct dma_buf_ops *ops;
	size_t size;
	int flags;
	void *priv;
};

#define DEFINE_DMA_BUF_EXPORT_INFO(name) \
	struct dma_buf_export_info name = { .exp_name = KBUILD_MODNAME, .owner = THIS_MODULE }
struct dma_buf *dma_buf_export(const struct dma_buf_export_info *exp_info);
int dma_buf_fd(struct dma_buf *dmabuf, int flags);
struct dma_buf *dma_buf_get(int fd);
void dma_buf_put(struct dma_buf *dmabuf);
int dma_buf_mmap(struct dma_buf *dmabuf, struct vm_area_struct *vma, unsigned long pgoff);

#endif
