/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/fs.h>

struct block_device {
	dev_t bd_dev;
	struct inode *bd_inode;
	struct gendisk *bd_disk;
};

struct gendisk {
	int major;
	int first_minor;
	char disk_name[32];
	void *private_data;
};

u64 bdev_nr_sectors(struct block_device *bdev);
unsigned int bdev_logical_block_size(struct block_device *bdev);

#endif
