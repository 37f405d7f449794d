// SPDX-License-Identifier: GPL-2.0
/* An MMIO window mapped uncached with io_remap_pfn_range(). */
#include <linux/fs.h>
#include <linux/mm.h>

static phys_addr_t mmio_base;

static int mmio_mmap(struct file *filp, struct vm_area_struct *area)
{
	area->vm_page_prot = pgprot_noncached(area->vm_page_prot);
	return io_remap_pfn_range(area, area->vm_start,
				  (mmio_base >> PAGE_SHIFT) + area->vm_pgoff,
				  vma_pages(area) << PAGE_SHIFT,
				  area->vm_page_prot);
}

static const struct file_operations mmio_fops = {
	.mmap = mmio_mmap,
};
