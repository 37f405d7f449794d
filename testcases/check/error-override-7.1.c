// SPDX-License-Identifier: GPL-2.0
/*
 * error_override exists from 7.2 on: code written for 7.2 checked against 7.1 headers.
 *
 * check-name: error-override: used below 7.2
 * check-command: mmprep-check --api=7.1 $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int odev_prepare(struct vm_area_desc *desc)
{
	desc->action.error_override = -EAGAIN;
	return 0;
}

const struct file_operations odev_fops = {
	.mmap_prepare = odev_prepare,
};

/*
 * check-output-start
error-override-7.1.c:13:15: warning: odev_prepare(): uses action.error_override, which exists from 7.2 on; with --api=7.1 there is no errno override (error_hook is removed in 7.2) [error-override]
 * check-output-end
 */
