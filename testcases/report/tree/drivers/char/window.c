// SPDX-License-Identifier: GPL-2.0
/*
 * Converted on the 6.19 action API: its error hook only maps every remap
 * error to -EAGAIN, which 7.2 says with error_override.
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int window_filter_error(int err)
{
	return -EAGAIN;
}

static int window_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = window_filter_error;
	return 0;
}

static const struct file_operations window_fops = {
	.mmap_prepare = window_mmap_prepare,
};
