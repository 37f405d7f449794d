// SPDX-License-Identifier: GPL-2.0
/* Binds hooks that live elsewhere: one in ringbuf.c, one in a video core. */
#include <linux/fs.h>
#include <linux/mm.h>

int ringbuf_export_mmap(struct file *file, struct vm_area_struct *vma);

static const struct file_operations alias_fops = {
	.mmap = ringbuf_export_mmap,
};

static const struct vid_file_operations alias_vops = {
	.mmap = vid_core_mmap,
};
