// SPDX-License-Identifier: GPL-2.0
/*
 * Remap and page-map ranges that provably leave [desc->start, desc->end), and ones that
 * stay inside or cannot be decided (not reported).
 *
 * check-name: remap-range
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct gdev {
	unsigned long pfn;
	unsigned long len;
	struct page *pages[8];
};

static int gdev_past_end(struct vm_area_desc *desc)
{
	struct gdev *g = desc->file->private_data;

	mmap_action_remap(desc, desc->start + PAGE_SIZE, g->pfn, vma_desc_size(desc));
	return 0;
}

static int gdev_before_start(struct vm_area_desc *desc)
{
	struct gdev *g = desc->file->private_data;

	mmap_action_ioremap(desc, desc->start - PAGE_SIZE, g->pfn, PAGE_SIZE);
	return 0;
}

static int gdev_at_end(struct vm_area_desc *desc)
{
	struct gdev *g = desc->file->private_data;

	mmap_action_remap(desc, desc->end, g->pfn, PAGE_SIZE);
	return 0;
}

static int gdev_pages(struct vm_area_desc *desc)
{
	struct gdev *g = desc->file->private_data;
	unsigned long nr = vma_desc_pages(desc) + 1;

	mmap_action_map_kernel_pages(desc, desc->start, g->pages, nr);
	return 0;
}

static int gdev_inside(struct vm_area_desc *desc)
{
	struct gdev *g = desc->file->private_data;
	unsigned long size = vma_desc_size(desc) - PAGE_SIZE;

	if (desc->pgoff == 1) {
		mmap_action_remap(desc, desc->start + PAGE_SIZE, g->pfn, size);
		return 0;
	}
	if (desc->pgoff == 2) {
		mmap_action_remap(desc, desc->start, g->pfn, g->len);
		return 0;
	}
	if (desc->pgoff == 3) {
		mmap_action_map_kernel_pages(desc, desc->start, g->pages, vma_desc_pages(desc));
		return 0;
	}
	mmap_action_remap(desc, desc->start, g->pfn, desc->end - desc->start);
	return 0;
}

const struct file_operations gdev_fops[] = {
	{ .mmap_prepare = gdev_past_end },
	{ .mmap_prepare = gdev_before_start },
	{ .mmap_prepare = gdev_at_end },
	{ .mmap_prepare = gdev_pages },
	{ .mmap_prepare = gdev_inside },
};

/*
 * check-output-start
remap-range.c:21:2: warning: gdev_past_end(): the range given to mmap_action_remap() ends 4096 bytes past desc->end; it must lie within [desc->start, desc->end) (7.1+ fails the mmap with -EFAULT); mmap_action_remap_full() maps the whole VMA [remap-range]
remap-range.c:29:2: warning: gdev_before_start(): the range given to mmap_action_ioremap() starts 4096 bytes below desc->start; it must lie within [desc->start, desc->end) (7.1+ fails the mmap with -EFAULT); mmap_action_ioremap_full() maps the whole VMA [remap-range]
remap-range.c:37:2: warning: gdev_at_end(): the range given to mmap_action_remap() starts at or past desc->end; it must lie within [desc->start, desc->end) (7.1+ fails the mmap with -EFAULT); mmap_action_remap_full() maps the whole VMA [remap-range]
remap-range.c:46:2: warning: gdev_pages(): the range given to mmap_action_map_kernel_pages() ends 4096 bytes past desc->end; it must lie within [desc->start, desc->end) (7.1+ fails the mmap with -EFAULT) [remap-range]
 * check-output-end
 */
