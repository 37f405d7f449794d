// SPDX-License-Identifier: GPL-2.0
/* Remaps that are not the last statement: what follows only sets fields,
 * releases the lock the hook took and returns 0. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/string.h>

struct region {
	void *kmem;
	unsigned long base_pfn;
	unsigned long size;
};

static DEFINE_MUTEX(region_mutex);

static const struct vm_operations_struct region_vm_ops = {
};

/* The lock is released on every way out, the remap failure is -EAGAIN. */
static int region_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long vsize = vma->vm_end - vma->vm_start;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	struct region *r;

	mutex_lock(&region_mutex);
	r = filp->private_data;
	if (!r || off > r->size || vsize > r->size - off) {
		mutex_unlock(&region_mutex);
		return -ENOSPC;
	}

	memset(r->kmem + off, 0, vsize);

	if (remap_pfn_range(vma, vma->vm_start, r->base_pfn + vma->vm_pgoff,
			    vsize, vma->vm_page_prot)) {
		mutex_unlock(&region_mutex);
		return -EAGAIN;
	}
	vma->vm_ops = &region_vm_ops;
	vma->vm_private_data = r;
	mutex_unlock(&region_mutex);
	return 0;
}

/* Braces around the error return, the /dev/mem way. */
static int window_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff > 0x1000)
		return -EINVAL;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &region_vm_ops;

	if (remap_pfn_range(vma,
			    vma->vm_start,
			    vma->vm_pgoff,
			    vma->vm_end - vma->vm_start,
			    vma->vm_page_prot)) {
		return -EAGAIN;
	}
	return 0;
}

/* The size local is written again: the remap is not known to be full. */
static int grown_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > PAGE_SIZE)
		size = PAGE_SIZE;
	if (remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, size,
			    vma->vm_page_prot))
		return -EAGAIN;
	vma->vm_ops = &region_vm_ops;
	return 0;
}

static const struct file_operations region_fops = {
	.mmap = region_mmap,
};

static const struct file_operations window_fops = {
	.mmap = window_mmap,
};

static const struct file_operations grown_fops = {
	.mmap = grown_mmap,
};
