/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VFIO_H
#define _LINUX_VFIO_H

#include <linux/device.h>
#include <linux/mm.h>

struct vfio_device;

struct vfio_device_ops {
	char *name;
	int (*open_device)(struct vfio_device *vdev);
	void (*close_device)(struct vfio_device *vdev);
	long (*ioctl)(struct vfio_device *vdev, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct vfio_device *vdev, struct vm_area_struct *vma);
};

struct vfio_device {
	struct device *dev;
	const struct vfio_device_ops *ops;
};

#endif
