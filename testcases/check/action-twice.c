// SPDX-License-Identifier: GPL-2.0
/*
 * Two action requests on one path (reported): in sequence, and after a conditional one.
 * One request per path (fine): if/else, early return, a loop-free switch.
 *
 * check-name: action-twice
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int wdev_chunks(struct vm_area_desc *desc)
{
	mmap_action_remap(desc, desc->start, desc->pgoff, PAGE_SIZE);
	mmap_action_remap(desc, desc->start + PAGE_SIZE, desc->pgoff + 1, PAGE_SIZE);
	return 0;
}

static int wdev_maybe(struct vm_area_desc *desc)
{
	if (desc->pgoff)
		mmap_action_ioremap_full(desc, desc->pgoff);
	mmap_action_remap_full(desc, 0);
	return 0;
}

static int wdev_choice(struct vm_area_desc *desc)
{
	if (desc->pgoff)
		mmap_action_ioremap_full(desc, desc->pgoff);
	else
		mmap_action_remap_full(desc, 0);
	return 0;
}

static int wdev_early(struct vm_area_desc *desc)
{
	if (desc->pgoff) {
		mmap_action_ioremap_full(desc, desc->pgoff);
		return 0;
	}
	mmap_action_remap_full(desc, 0);
	return 0;
}

static int wdev_switch(struct vm_area_desc *desc)
{
	switch (desc->pgoff) {
	case 0:
		mmap_action_remap_full(desc, 0);
		break;
	case 1:
		mmap_action_ioremap_full(desc, 1);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

const struct file_operations wdev_fops[] = {
	{ .mmap_prepare = wdev_chunks },
	{ .mmap_prepare = wdev_maybe },
	{ .mmap_prepare = wdev_choice },
	{ .mmap_prepare = wdev_early },
	{ .mmap_prepare = wdev_switch },
};

/*
 * check-output-start
action-twice.c:14:2: warning: wdev_chunks(): mmap_action_remap() replaces the action already requested by mmap_action_remap() on line 13; a descriptor carries one action: request a single range (or keep the driver on .mmap) [action-twice]
action-twice.c:22:2: warning: wdev_maybe(): mmap_action_remap_full() replaces the action already requested by mmap_action_ioremap_full() on line 21; a descriptor carries one action: request a single range (or keep the driver on .mmap) [action-twice]
 * check-output-end
 */
