// SPDX-License-Identifier: GPL-2.0
/*
 * Family 7: a driver-private hook type called from an outer .mmap.  The
 * implementation takes a descriptor, the outer call is bridged.
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/module.h>

struct cam_info {
	const char *name;
	int (*mmap)(struct cam_info *info, struct vm_area_struct *vma);
};

struct cam {
	struct cam_info info;
	struct kref kref;
	unsigned long frame_pfn;
};

static void cam_vma_open(struct vm_area_struct *vma)
{
	struct cam *cam = vma->vm_private_data;

	kref_get(&cam->kref);
}

static const struct vm_operations_struct cam_vm_ops = {
	.open = cam_vma_open,
};

static int cam_frame_mmap(struct cam_info *info, struct vm_area_struct *vma)
{
	struct cam *cam = container_of(info, struct cam, info);

	vm_flags_set(vma, VM_DONTEXPAND);
	vma->vm_ops = &cam_vm_ops;
	vma->vm_private_data = cam;
	cam_vma_open(vma);
	return 0;
}

static int cam_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct cam_info *info = filp->private_data;

	if (!info->mmap)
		return -ENODEV;
	return info->mmap(info, vma);
}

static const struct file_operations cam_fops = {
	.owner	= THIS_MODULE,
	.mmap	= cam_mmap,
};

void cam_setup(struct cam *cam)
{
	cam->info.mmap = cam_frame_mmap;
}
