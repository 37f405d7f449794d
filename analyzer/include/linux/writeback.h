/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WRITEBACK_H
#define _LINUX_WRITEBACK_H

#include <linux/fs.h>

struct writeback_control {
	long nr_to_write;
	loff_t range_start;
	loff_t range_end;
	int sync_mode;
};

#define WB_SYNC_NONE	0
#define WB_SYNC_ALL	1

#endif
