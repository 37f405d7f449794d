// SPDX-License-Identifier: GPL-2.0
/* Remembers the VMA to zap it later. */
#include <linux/fs.h>
#include <linux/mm.h>

struct keeper {
	struct vm_area_struct *vma;
};

static int keep_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct keeper *k = file->private_data;

	k->vma = vma;
	vma->vm_private_data = k;
	return 0;
}

static const struct file_operations keep_fops = {
	.mmap = keep_mmap,
};
