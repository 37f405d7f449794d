/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BACKING_DEV_H
#define _LINUX_BACKING_DEV_H

#include <linux/fs.h>

struct backing_dev_info {
	unsigned long ra_pages;
	unsigned int capabilities;
};

#endif
