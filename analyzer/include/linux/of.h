/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/types.h>
#include <linux/device.h>

struct device_node {
	const char *name;
	const char *full_name;
	struct device_node *parent;
};

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

#define of_match_ptr(ptr)	(ptr)
int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out);
int of_property_read_u64(const struct device_node *np, const char *propname, u64 *out);
int of_property_read_string(const struct device_node *np, const char *propname,
			    const char **out);
bool of_property_read_bool(const struct device_node *np, const char *propname);
const void *of_get_property(const struct device_node *np, const char *name, int *lenp);
struct device_node *of_parse_phandle(const struct device_node *np, const char *name,
				     int index);
void of_node_put(struct device_node *node);
const void *of_device_get_match_data(const struct device *dev);

#endif
