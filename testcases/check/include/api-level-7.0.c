// SPDX-License-Identifier: GPL-2.0
/* Input of api-level.c, checked at --api=7.0: 6.19 and 7.1 spellings. */
#include <linux/fs.h>
#include <linux/mm.h>

static int mdev_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		       const struct file *file, void **vm_private_data)
{
	(void)start;
	(void)end;
	(void)pgoff;
	*vm_private_data = file->private_data;
	return 0;
}

static const struct vm_operations_struct mdev_vm_ops = {
	.mapped = mdev_mapped,
};

static int mdev_prepare(struct vm_area_desc *desc)
{
	desc->vm_flags |= VM_DONTCOPY;
	desc->vm_ops = &mdev_vm_ops;
	if (vma_desc_test(desc, VMA_SHARED_BIT))
		mmap_action_simple_ioremap(desc, 0x1000, PAGE_SIZE);
	return 0;
}

const struct file_operations mdev_fops = {
	.mmap_prepare = mdev_prepare,
};
