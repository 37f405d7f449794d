// SPDX-License-Identifier: GPL-2.0
/* Two devices: a coherent DMA buffer, and a flags-only control page. */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct glob_dev {
	struct device *dev;
	void *cpu;
	dma_addr_t handle;
	size_t size;
};

static int glob_dma_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct glob_dev *g = file->private_data;

	return dma_mmap_coherent(g->dev, vma, g->cpu, g->handle, g->size);
}

static int glob_ctl_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations glob_dma_fops[] = {
	{
		.mmap = glob_dma_mmap,
	},
	{
		.mmap = glob_ctl_mmap,
	},
};
