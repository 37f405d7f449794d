// SPDX-License-Identifier: GPL-2.0
/* A physical-memory window that reports any remap failure as -EAGAIN. */
#include <linux/fs.h>
#include <linux/mm.h>

static int window_filter_error(int err)
{
	return -EAGAIN;
}

static int window_mmap_prepare(struct vm_area_desc *desc)
{
	if (desc->pgoff > 0x1000)
		return -EINVAL;

	/* The remap marks the range VM_IO. */
	mmap_action_remap_full(desc, desc->pgoff);
	/* Remap errors are reported as -EAGAIN. */
	desc->action.error_hook = window_filter_error;

	return 0;
}

static const struct file_operations window_fops = {
	.mmap_prepare = window_mmap_prepare,
};
