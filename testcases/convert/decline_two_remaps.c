// SPDX-License-Identifier: GPL-2.0
/* Two physical chunks mapped back to back: one action per mapping. */
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long lo_pfn, hi_pfn;

static int split_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long half = (vma->vm_end - vma->vm_start) / 2;
	int ret;

	ret = remap_pfn_range(vma, vma->vm_start, lo_pfn, half,
			      vma->vm_page_prot);
	if (ret)
		return ret;
	return remap_pfn_range(vma, vma->vm_start + half, hi_pfn, half,
			       vma->vm_page_prot);
}

static const struct file_operations split_fops = {
	.mmap = split_mmap,
};
