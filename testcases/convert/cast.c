// SPDX-License-Identifier: GPL-2.0
/* A cast of a VMA field keeps the kernel's style: no space after the cast. */
#include <linux/fs.h>
#include <linux/mm.h>

struct plate {
	phys_addr_t base;
	unsigned long size;
};

static int plate_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct plate *p = file->private_data;
	phys_addr_t offset = (phys_addr_t)vma->vm_pgoff << PAGE_SHIFT;

	if (offset + (phys_addr_t) (vma->vm_end - vma->vm_start) > p->size)
		return -EINVAL;
	return 0;
}

static const struct file_operations plate_fops = {
	.mmap		= plate_mmap,
};
