// SPDX-License-Identifier: GPL-2.0
/* One physical window, mapped whole. */
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long memdev_base_pfn;

static int memdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	return remap_pfn_range(vma, vma->vm_start, memdev_base_pfn + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations memdev_fops = {
	.mmap		= memdev_mmap,
	.llseek		= noop_llseek,
};
