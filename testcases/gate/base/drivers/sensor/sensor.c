// SPDX-License-Identifier: GPL-2.0
/* sensor: maps its register window; the sizes come from a sibling folder. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

#include "../sensor_hw/sensor_regs.h"

static int sensor_mmap_prepare(struct vm_area_desc *desc)
{
	if (desc->end - desc->start > SENSOR_WINDOW_PAGES * PAGE_SIZE)
		return -EINVAL;
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static const struct file_operations sensor_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= sensor_mmap_prepare,
};

const struct file_operations *sensor_get_fops(void);

const struct file_operations *sensor_get_fops(void)
{
	return &sensor_fops;
}
