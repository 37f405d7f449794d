// SPDX-License-Identifier: GPL-2.0
/* Ring buffers made of kernel pages, mapped with vm_map_pages[_zero](). */
#include <linux/fs.h>
#include <linux/mm.h>

struct ring {
	struct page **pages;
	unsigned long nr_pages;
};

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring *r = file->private_data;

	return vm_map_pages(vma, r->pages, r->nr_pages);
}

static int ring0_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring *r = file->private_data;

	return vm_map_pages_zero(vma, r->pages, r->nr_pages);
}

static const struct file_operations ring_fops = {
	.mmap = ring_mmap,
};

static const struct file_operations ring0_fops = {
	.mmap = ring0_mmap,
};
