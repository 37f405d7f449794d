/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/device.h>
#include <linux/skbuff.h>

struct net_device {
	char name[16];
	struct device dev;
};

#endif
