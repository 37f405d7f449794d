// SPDX-License-Identifier: GPL-2.0
/* The board core: its .mmap hands the mapping to the board's own hook. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include "board.h"

static DEFINE_MUTEX(board_lock);

static int board_mmap(struct file *filep, struct vm_area_struct *vma)
{
	struct board_dev *bdev = filep->private_data;
	int ret = -EINVAL;

	if (vma->vm_end < vma->vm_start)
		return -EINVAL;

	vma->vm_private_data = bdev;

	mutex_lock(&board_lock);
	if (bdev->info->mmap) {
		ret = bdev->info->mmap(bdev->info, vma);
		goto out;
	}
	ret = remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
out:
	mutex_unlock(&board_lock);
	return ret;
}

static const struct file_operations board_fops = {
	.owner		= THIS_MODULE,
	.mmap		= board_mmap,
};

/* The attribute side of a channel: a mapping goes to its ring hook. */
static int board_chan_mmap(struct file *filp, struct board_chan *chan,
			   struct vm_area_struct *vma)
{
	if (!chan)
		return -ENODEV;

	return chan->map_ring(chan, vma);
}

static const struct board_attr board_chan_attr = {
	.name = "ring",
	.mmap = board_chan_mmap,
};

/* LEDs map their pattern memory through a hook of their own. */
static int board_led_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct board_led *led = filp->private_data;

	return led->blink_map(led, vma);
}

static const struct file_operations board_led_fops = {
	.owner		= THIS_MODULE,
	.mmap		= board_led_mmap,
};

int board_chan_set_ring(struct board_chan *chan,
			int (*map)(struct board_chan *chan,
				   struct vm_area_struct *vma))
{
	chan->map_ring = map;
	return 0;
}
