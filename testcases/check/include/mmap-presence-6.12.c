// SPDX-License-Identifier: GPL-2.0
/*
 * Input of mmap-presence-negatives.c: 6.12 declarations (no mmap_prepare in struct
 * file_operations), where testing ->mmap is how a file's mappability is known.
 */
struct vm_area_struct;

struct file_operations {
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

struct file {
	const struct file_operations *f_op;
};

int old_load_binary(struct file *file)
{
	if (!file->f_op->mmap)
		return -8;
	return 0;
}
