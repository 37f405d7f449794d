// SPDX-License-Identifier: GPL-2.0
/*
 * An old driver: its file_operations hook does not parse (a stand-in for the
 * macro-heavy code spatch gives up on), and its uio_info hook is another
 * mmap-style hook type.
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct uio_info;

static int legacy_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = 0;
	return 0 +;
}

static int legacy_info_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	return -EINVAL;
}

static const struct file_operations legacy_fops = {
	.mmap = legacy_mmap,
};

static struct uio_info legacy_info = {
	.name = "legacy",
	.mmap = legacy_info_mmap,
};
