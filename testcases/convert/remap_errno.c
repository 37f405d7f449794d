// SPDX-License-Identifier: GPL-2.0
/* Translates any remap failure into -EAGAIN, the /dev/mem way. */
#include <linux/fs.h>
#include <linux/mm.h>

static int window_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff > 0x1000)
		return -EINVAL;
	if (remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations window_fops = {
	.mmap = window_mmap,
};
