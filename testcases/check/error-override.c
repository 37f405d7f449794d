// SPDX-License-Identifier: GPL-2.0
/*
 * error_override values: a negative errno is right; a positive number, 0, something beyond
 * -4095, a variable, a computed update and the unmerged name error_filter are reported.
 *
 * check-name: error-override
 */
#include <linux/fs.h>
#include <linux/mm.h>

#define EDEV_RETRY	(-EAGAIN)

static int edev_ok(struct vm_area_desc *desc)
{
	desc->action.error_override = -EAGAIN;
	if (desc->pgoff)
		desc->action.error_override = EDEV_RETRY;
	return 0;
}

static int edev_positive(struct vm_area_desc *desc)
{
	desc->action.error_override = EAGAIN;
	return 0;
}

static int edev_zero(struct vm_area_desc *desc)
{
	desc->action.error_override = 0;
	return 0;
}

static int edev_too_big(struct vm_area_desc *desc)
{
	desc->action.error_override = -5000;
	return 0;
}

static int edev_variable(struct vm_area_desc *desc)
{
	int err = desc->pgoff ? -EIO : -EAGAIN;

	desc->action.error_override = err;
	desc->action.error_override -= 1;
	return 0;
}

static int edev_filter(struct vm_area_desc *desc)
{
	desc->action.error_filter = -EAGAIN;
	return 0;
}

const struct file_operations edev_fops[] = {
	{ .mmap_prepare = edev_ok },
	{ .mmap_prepare = edev_positive },
	{ .mmap_prepare = edev_zero },
	{ .mmap_prepare = edev_too_big },
	{ .mmap_prepare = edev_variable },
	{ .mmap_prepare = edev_filter },
};

/*
 * check-output-start
error-override.c:23:2: warning: edev_positive(): sets action.error_override to 11, which is not a -errno in -4095..-1: mmap_action_prepare() WARNs and fails the mmap with -EINVAL; use a negative errno such as -EAGAIN [error-override]
error-override.c:29:2: warning: edev_zero(): sets action.error_override to 0, which means no override; drop the assignment [error-override]
error-override.c:35:2: warning: edev_too_big(): sets action.error_override to -5000, which is not a -errno in -4095..-1: mmap_action_prepare() WARNs and fails the mmap with -EINVAL; use a negative errno such as -EAGAIN [error-override]
error-override.c:43:2: warning: edev_variable(): sets action.error_override to 'err', which is not a constant; it must be a constant -errno in -4095..-1 (e.g. -EAGAIN) [error-override]
error-override.c:44:2: warning: edev_variable(): computes action.error_override in place; it must be a constant -errno in -4095..-1 (e.g. -EAGAIN) [error-override]
error-override.c:50:15: warning: edev_filter(): uses action.error_filter, a name that was never merged: the field is desc->action.error_override (7.2) [error-override]
 * check-output-end
 */
