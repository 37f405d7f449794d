// SPDX-License-Identifier: GPL-2.0
/* Before the conversion: an .mmap hook that allocates per-mapping state. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct frame_map {
	unsigned long start;
};

static int frame_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct frame_map *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->start = vma->vm_start;
	vma->vm_private_data = m;
	return 0;
}

static const struct file_operations frame_fops = {
	.mmap = frame_mmap,
};
