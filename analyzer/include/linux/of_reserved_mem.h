/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OF_RESERVED_MEM_H
#define _LINUX_OF_RESERVED_MEM_H

#include <linux/of.h>

struct reserved_mem {
	const char *name;
	phys_addr_t base;
	phys_addr_t size;
	void *priv;
};

struct reserved_mem *of_reserved_mem_lookup(struct device_node *np);
int of_reserved_mem_device_init(struct device *dev);

#endif
