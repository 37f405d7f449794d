/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OF_ADDRESS_H
#define _LINUX_OF_ADDRESS_H

#include <linux/of.h>
#include <linux/ioport.h>

int of_address_to_resource(struct device_node *dev, int index, struct resource *r);
void __iomem *of_iomap(struct device_node *node, int index);

#endif
