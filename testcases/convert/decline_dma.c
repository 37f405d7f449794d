// SPDX-License-Identifier: GPL-2.0
/* DMA-coherent buffers: dma_mmap_coherent() has no action yet. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

struct dbuf {
	struct device *dev;
	void *cpu;
	dma_addr_t handle;
	size_t size;
};

static int dbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dbuf *b = file->private_data;

	return dma_mmap_coherent(b->dev, vma, b->cpu, b->handle, b->size);
}

static const struct file_operations dbuf_fops = {
	.mmap = dbuf_mmap,
};
