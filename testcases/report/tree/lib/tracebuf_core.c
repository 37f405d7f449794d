// SPDX-License-Identifier: GPL-2.0
/* Trace buffers as files: page-cache backed mappings. */
#include <linux/fs.h>
#include <linux/mm.h>

static int tracebuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	return generic_file_mmap(file, vma);
}

static const struct file_operations tracebuf_fops = {
	.mmap		= tracebuf_mmap,
	.llseek		= generic_file_llseek,
};
