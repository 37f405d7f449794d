/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MEMREMAP_H
#define _LINUX_MEMREMAP_H

#include <linux/mm.h>
#include <linux/device.h>

enum memory_type {
	MEMORY_DEVICE_PRIVATE = 1,
	MEMORY_DEVICE_COHERENT,
	MEMORY_DEVICE_FS_DAX,
	MEMORY_DEVICE_GENERIC,
	MEMORY_DEVICE_PCI_P2PDMA,
};

struct range {
	u64 start;
	u64 end;
};

struct dev_pagemap {
	struct percpu_ref *ref;
	enum memory_type type;
	unsigned int flags;
	unsigned long vmemmap_shift;
	int nr_range;
	struct range range;
};

void *devm_memremap_pages(struct device *dev, struct dev_pagemap *pgmap);
void devm_memunmap_pages(struct device *dev, struct dev_pagemap *pgmap);
void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);
#define MEMREMAP_WB	(1 << 0)
#define MEMREMAP_WT	(1 << 1)
#define MEMREMAP_WC	(1 << 2)

#endif
