// SPDX-License-Identifier: GPL-2.0
/*
 * Before 7.1 there is no vm_ops->mapped to move the reference to; the message says so.
 *
 * check-name: prepare-resource: message below 7.1
 * check-command: mmprep-check --api=6.19 $file
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>

struct tdev {
	struct kref ref;
};

static int tdev_prepare(struct vm_area_desc *desc)
{
	struct tdev *d = desc->file->private_data;

	kref_get(&d->ref);
	desc->private_data = d;
	return 0;
}

const struct file_operations tdev_fops = {
	.mmap_prepare = tdev_prepare,
};

/*
 * check-output-start
prepare-resource-6.19.c:20:2: warning: tdev_prepare(): kref_get() takes a reference in the mmap_prepare hook tdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: before 7.1 there is no vm_ops->mapped to move it to: keep this driver on .mmap [prepare-resource]
 * check-output-end
 */
