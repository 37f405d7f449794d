// SPDX-License-Identifier: GPL-2.0
/* Page-by-page remapping in a loop. */
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long chunk_pfn[16];

static int chunky_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long addr;
	int i = 0;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		if (remap_pfn_range(vma, addr, chunk_pfn[i++], PAGE_SIZE,
				    vma->vm_page_prot))
			return -EAGAIN;
	}
	return 0;
}

static const struct file_operations chunky_fops = {
	.mmap = chunky_mmap,
};
