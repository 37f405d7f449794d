// SPDX-License-Identifier: GPL-2.0
/* A board driver: its window is a fixed run of pages, refcounted per map. */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include "board.h"

struct sensor {
	struct board_info info;
	struct kref kref;
	unsigned long npages;
};

static void sensor_vma_open(struct vm_area_struct *vma)
{
	struct sensor *s = vma->vm_private_data;

	kref_get(&s->kref);
}

static const struct vm_operations_struct sensor_vm_ops = {
	.open = sensor_vma_open,
};

static int sensor_mmap(struct board_info *info, struct vm_area_struct *vma)
{
	struct sensor *s = container_of(info, struct sensor, info);

	if (vma_pages(vma) != s->npages)
		return -EINVAL;

	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &sensor_vm_ops;
	vma->vm_private_data = s;
	sensor_vma_open(vma);
	return 0;
}

void sensor_setup(struct sensor *s)
{
	s->info.name = "sensor";
	s->info.mmap = sensor_mmap;
}
