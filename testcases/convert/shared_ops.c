// SPDX-License-Identifier: GPL-2.0
/* One hook, declared ahead and named by two ops tables. */
#include <linux/fs.h>
#include <linux/mm.h>

static int twin_mmap(struct file *file, struct vm_area_struct *vma);

static const struct file_operations twin_a_fops = {
	.open		= nonseekable_open,
	.mmap		= twin_mmap,
};

static const struct file_operations twin_b_fops = {
	.mmap = twin_mmap,
};

static int twin_mmap(struct file *file, struct vm_area_struct *vma)
{
	file_accessed(file);
	vma->vm_private_data = file->private_data;
	return 0;
}

/* An array of ops tables, as sound/core does. */
static int pair_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations pair_fops[2] = {
	{
		.owner =	NULL,
		.mmap =		pair_mmap,
	},
	{
		.mmap =		pair_mmap,
	}
};
