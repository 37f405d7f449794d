// SPDX-License-Identifier: GPL-2.0
/* A driver removed since: its hook leaves the report. */
#include <linux/fs.h>
#include <linux/mm.h>

static int gone_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations gone_fops = {
	.mmap = gone_mmap,
};
