// SPDX-License-Identifier: GPL-2.0
/* Another file system with the same helper. */
#include "../../include/linux/pgsync.h"

static const struct vm_operations_struct beta_vm_ops = {
};

static int
beta_file_mmap(
	struct file		*file,
	struct vm_area_struct	*vma)
{
	struct pg_dev		*pg = file->private_data;

	if (!pgdev_mapping_supported(vma, pg))
		return -EOPNOTSUPP;
	vma->vm_ops = &beta_vm_ops;
	return 0;
}

const struct file_operations beta_file_operations = {
	.mmap		= beta_file_mmap,
};
