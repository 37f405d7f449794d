/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep shim: UIO. 7.1 gave struct uio_info a driver-private mmap_prepare hook next to
 * the .mmap one (the uio core builds the descriptor with compat_set_desc_from_vma()).
 */
#ifndef _LINUX_UIO_DRIVER_H
#define _LINUX_UIO_DRIVER_H

#include <linux/mmprep_api.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/module.h>

struct uio_map;
struct uio_device;
struct vm_area_struct;
struct vm_area_desc;

#define MAX_UIO_MAPS		5
#define MAX_UIO_PORT_REGIONS	5

#define UIO_MEM_NONE		0
#define UIO_MEM_PHYS		1
#define UIO_MEM_LOGICAL		2
#define UIO_MEM_VIRTUAL		3
#define UIO_MEM_IOVA		4
#define UIO_MEM_DMA_COHERENT	5

#define UIO_IRQ_CUSTOM		-1
#define UIO_IRQ_NONE		0

struct uio_mem {
	const char *name;
	phys_addr_t addr;
	dma_addr_t dma_addr;
	unsigned long offs;
	resource_size_t size;
	int memtype;
	void __iomem *internal_addr;
	struct device *dma_device;
	struct uio_map *map;
};

struct uio_info {
	struct uio_device *uio_dev;
	const char *name;
	const char *version;
	struct uio_mem mem[MAX_UIO_MAPS];
	long irq;
	unsigned long irq_flags;
	void *priv;
	irqreturn_t (*handler)(int irq, struct uio_info *dev_info);
	int (*mmap)(struct uio_info *info, struct vm_area_struct *vma);
#if MMPREP_API >= 701
	int (*mmap_prepare)(struct uio_info *info, struct vm_area_desc *desc);
#endif
	int (*open)(struct uio_info *info, struct inode *inode);
	int (*release)(struct uio_info *info, struct inode *inode);
	int (*irqcontrol)(struct uio_info *info, s32 irq_on);
};

int __uio_register_device(struct module *owner, struct device *parent, struct uio_info *info);
#define uio_register_device(parent, info) \
	__uio_register_device(THIS_MODULE, parent, info)
void uio_unregister_device(struct uio_info *info);
void uio_event_notify(struct uio_info *info);

#endif
