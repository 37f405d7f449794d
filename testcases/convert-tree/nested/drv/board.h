/* SPDX-License-Identifier: GPL-2.0 */
/* A board core with two driver-private mmap hooks of its own. */
#ifndef DRV_BOARD_H
#define DRV_BOARD_H

#include <linux/fs.h>
#include <linux/mm.h>

/**
 * struct board_info - one board behind /dev/board
 * @name: what the board is called
 * @mmap: maps the board's window; called from the core's .mmap
 */
struct board_info {
	const char *name;
	int (*mmap)(struct board_info *info, struct vm_area_struct *vma);
	int (*open)(struct board_info *info);
};

/* A channel whose ring a client driver maps through sysfs. */
struct board_chan {
	void *ring;
	unsigned long ring_phys;
	int (*map_ring)(struct board_chan *chan, struct vm_area_struct *vma);
};

/* A table of attribute files, each with its own mmap. */
struct board_attr {
	const char *name;
	int (*mmap)(struct file *filp, struct board_chan *chan,
		    struct vm_area_struct *vma);
};

/* An LED whose blink pattern is mapped. */
struct board_led {
	unsigned long pattern_pfn;
	int (*blink_map)(struct board_led *led, struct vm_area_struct *vma);
};

int board_chan_set_ring(struct board_chan *chan,
			int (*map)(struct board_chan *chan,
				   struct vm_area_struct *vma));

struct board_dev {
	struct board_info *info;
	unsigned long pages;
};

#endif
