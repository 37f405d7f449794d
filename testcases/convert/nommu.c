// SPDX-License-Identifier: GPL-2.0
/* nommu file systems: only mappings shared with the file are allowed. */
#include <linux/fs.h>
#include <linux/mm.h>

/* The ramfs shape: refuse a private mapping, then the generic ops. */
static int flatfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!is_nommu_shared_mapping(vma->vm_flags))
		return -ENOSYS;

	file_accessed(file);
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

/* The romfs shape: the test is the result. */
static int rodisk_mmap(struct file *file, struct vm_area_struct *vma)
{
	return is_nommu_shared_mapping(vma->vm_flags) ? 0 : -ENOSYS;
}

/* The flags are copied first: the test of the copy is not understood. */
static int copyfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;

	return is_nommu_shared_mapping(flags) ? 0 : -ENOSYS;
}

static const struct file_operations flatfs_fops = {
	.mmap		= flatfs_mmap,
	.llseek		= generic_file_llseek,
};

static const struct file_operations rodisk_fops = {
	.mmap		= rodisk_mmap,
};

static const struct file_operations copyfs_fops = {
	.mmap		= copyfs_mmap,
};
