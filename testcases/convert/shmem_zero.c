// SPDX-License-Identifier: GPL-2.0
/* Shared anonymous memory backed by shmem. */
#include <linux/fs.h>
#include <linux/mm.h>

static int anon_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	return shmem_zero_setup(vma);
}

static const struct file_operations anon_fops = {
	.mmap = anon_mmap,
};
