// SPDX-License-Identifier: GPL-2.0
/*
 * gizmo: the register window of a gizmo board, mapped uncached.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

struct gizmo {
	unsigned long base_pfn;
	unsigned long len;
};

static int gizmo_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gizmo *gz = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > gz->len)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, gz->base_pfn + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations gizmo_fops = {
	.owner		= THIS_MODULE,
	.mmap		= gizmo_mmap,
	.llseek		= noop_llseek,
};
