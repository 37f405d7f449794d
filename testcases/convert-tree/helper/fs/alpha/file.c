// SPDX-License-Identifier: GPL-2.0
/* A file system whose mmap asks the shared helper first. */
#include "../../include/linux/pgsync.h"

struct alpha_sb {
	struct pg_dev *pg;
};

static const struct vm_operations_struct alpha_vm_ops = {
};

static int alpha_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct alpha_sb *sb = file->private_data;

	if (!pgdev_mapping_supported(vma, sb->pg))
		return -EOPNOTSUPP;
	file_accessed(file);
	vma->vm_ops = &alpha_vm_ops;
	vm_flags_set(vma, VM_HUGEPAGE);
	return 0;
}

const struct file_operations alpha_file_operations = {
	.mmap		= alpha_file_mmap,
};
