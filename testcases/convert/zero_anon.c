// SPDX-License-Identifier: GPL-2.0
/* Zero devices: shared mappings are shmem, private ones anonymous. */
#include <linux/fs.h>
#include <linux/mm.h>

/* The /dev/zero shape: the shared mapping has returned. */
static int zdev_mmap(struct file *file, struct vm_area_struct *vma)
{
#ifndef CONFIG_MMU
	return -ENOSYS;
#endif
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma_set_anonymous(vma);
	return 0;
}

/* The private case under its own test. */
static int zpriv_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED)) {
		vma_set_anonymous(vma);
		return 0;
	}
	return shmem_zero_setup(vma);
}

/* Anonymous whatever the mapping: not the /dev/zero trick. */
static int zany_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma_set_anonymous(vma);
	return 0;
}

static const struct file_operations zdev_fops = {
	.mmap		= zdev_mmap,
};

static const struct file_operations zpriv_fops = {
	.mmap		= zpriv_mmap,
};

static const struct file_operations zany_fops = {
	.mmap		= zany_mmap,
};
