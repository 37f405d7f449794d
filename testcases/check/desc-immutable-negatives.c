// SPDX-License-Identifier: GPL-2.0
/*
 * The mutable fields (pgoff, vm_file, page_prot, vm_ops, private_data) written by a
 * hook, and compat code filling a descriptor of its own: nothing to report.
 *
 * check-name: desc-immutable: true negatives
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int kdev_prepare(struct vm_area_desc *desc)
{
	struct file *backing = desc->file->private_data;

	desc->pgoff += 1;
	desc->vm_file = backing;
	desc->page_prot = pgprot_noncached(desc->page_prot);
	desc->private_data = backing;
	return desc->end - desc->start > PAGE_SIZE ? -EINVAL : 0;
}

static void kdev_fill(struct vm_area_desc *desc, struct file *file,
		      struct vm_area_struct *vma)
{
	desc->mm = vma->vm_mm;
	desc->file = file;
	desc->start = vma->vm_start;
	desc->end = vma->vm_end;
}

static int kdev_bridge(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc = {};

	kdev_fill(&desc, file, vma);
	desc.start = vma->vm_start;
	return kdev_prepare(&desc);
}

const struct file_operations kdev_fops[] = {
	{ .mmap_prepare = kdev_prepare },
	{ .mmap = kdev_bridge },
};

/*
 * check-output-start
 * check-output-end
 */
