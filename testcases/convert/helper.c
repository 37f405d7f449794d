// SPDX-License-Identifier: GPL-2.0
/* Helpers that take the VMA change with their hooks. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dax.h>

struct ring {
	unsigned long size;
	bool sync_ok;
};

static const struct vm_operations_struct ring_vm_ops = {
};

/**
 * ring_map - map a ring into user space
 * @r: the ring
 * @vma: the VMA to map it into
 *
 * Return: 0 or an error.
 */
static int ring_map(struct ring *r, struct vm_area_struct *vma)
{
	unsigned long length = vma->vm_end - vma->vm_start;

	if (length != r->size)
		return -EINVAL;
	vma->vm_ops = &ring_vm_ops;
	vm_flags_set(vma, VM_DONTEXPAND);
	vma->vm_private_data = r;
	return 0;
}

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring *r = file->private_data;

	return ring_map(r, vma);
}

/* Only reads the mapping: its descriptor is const. */
static inline bool ring_sync_ok(struct vm_area_struct *vma, struct ring *r)
{
	if (!(vma->vm_flags & VM_SYNC))
		return true;
	if (!IS_DAX(file_inode(vma->vm_file)))
		return false;
	return r->sync_ok;
}

static int ring_sync_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring *r = file->private_data;

	if (!ring_sync_ok(vma, r))
		return -EOPNOTSUPP;
	vma->vm_ops = &ring_vm_ops;
	return 0;
}

/* A variant per configuration; one does not use the VMA at all. */
#ifndef CONFIG_MMU
static inline int ring_private_ok(struct vm_area_struct *vma)
{
	return is_nommu_shared_mapping(vma->vm_flags);
}
#else
static inline int ring_private_ok(struct vm_area_struct *vma)
{
	return 1;
}
#endif

static int ring_mem_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!ring_private_ok(vma))
		return -ENOSYS;
	vma->vm_ops = &ring_vm_ops;
	return 0;
}

static const struct file_operations ring_fops = {
	.mmap		= ring_mmap,
};

static const struct file_operations ring_sync_fops = {
	.mmap		= ring_sync_mmap,
};

static const struct file_operations ring_mem_fops = {
	.mmap		= ring_mem_mmap,
};
