// SPDX-License-Identifier: GPL-2.0
/* A file name with a space and an ampersand: links and tables must escape it. */
#include <linux/fs.h>
#include <linux/mm.h>

static int odd_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	return 0;
}

static const struct file_operations odd_fops = {
	.mmap = odd_mmap,
};
