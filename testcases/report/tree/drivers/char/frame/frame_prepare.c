// SPDX-License-Identifier: GPL-2.0
/* Already on mmap_prepare, but allocates per-mapping state in the hook. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct frame_map {
	unsigned long start;
};

static int frame_mmap_prepare(struct vm_area_desc *desc)
{
	struct frame_map *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->start = desc->start;
	desc->private_data = m;
	return 0;
}

static const struct file_operations frame_fops = {
	.mmap_prepare = frame_mmap_prepare,
};
