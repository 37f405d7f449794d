// SPDX-License-Identifier: GPL-2.0
/* A frame buffer mapped write-combined through a custom prot argument. */
#include <linux/fs.h>
#include <linux/mm.h>

struct wcfb {
	unsigned long pfn;
};

static struct wcfb the_fb;

static int wcfb_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, the_fb.pfn,
			       vma->vm_end - vma->vm_start,
			       pgprot_writecombine(vma->vm_page_prot));
}

static const struct file_operations wcfb_fops = {
	.mmap = wcfb_mmap,
};
