// SPDX-License-Identifier: GPL-2.0
/* A zero-page device: shared mappings are shmem, private ones anonymous. */
#include <linux/fs.h>
#include <linux/mm.h>

static bool zdev_shared;

static int zdev_private_success(const struct vm_area_struct *vma)
{
	/*
	 * A private mapping of this device becomes anonymous memory,
	 * although it has a file.
	 */
	vma_set_anonymous((struct vm_area_struct *)vma);

	return 0;
}

static int zdev_mmap_prepare(struct vm_area_desc *desc)
{
#ifndef CONFIG_MMU
	return -ENOSYS;
#endif
	if (zdev_shared)
		return shmem_zero_setup_desc(desc);

	desc->action.success_hook = zdev_private_success;
	return 0;
}

static const struct file_operations zdev_fops = {
	.mmap_prepare = zdev_mmap_prepare,
};
