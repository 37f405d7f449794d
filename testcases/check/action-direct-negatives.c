// SPDX-License-Identifier: GPL-2.0
/*
 * The helpers, the one field drivers set directly (error_override), reading the action,
 * and compat code setting up a descriptor of its own: nothing to report.
 *
 * check-name: action-direct: true negatives
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int bdev_prepare(struct vm_area_desc *desc)
{
	if (desc->action.type != MMAP_NOTHING)
		return -EINVAL;
	desc->action.error_override = -EAGAIN;
	if (desc->pgoff)
		mmap_action_ioremap_full(desc, desc->pgoff);
	else
		mmap_action_simple_ioremap(desc, 0x1000, PAGE_SIZE);
	return 0;
}

static int bdev_bridge(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc = {};

	desc.start = vma->vm_start;
	desc.end = vma->vm_end;
	desc.file = file;
	desc.action.type = MMAP_NOTHING;
	return bdev_prepare(&desc);
}

const struct file_operations bdev_fops[] = {
	{ .mmap_prepare = bdev_prepare },
	{ .mmap = bdev_bridge },
};

/*
 * check-output-start
 * check-output-end
 */
