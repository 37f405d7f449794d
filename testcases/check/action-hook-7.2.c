// SPDX-License-Identifier: GPL-2.0
/*
 * success_hook and error_hook on 7.2 headers, where they are gone: set in a hook, set
 * in an initializer, read.
 *
 * check-name: action-hook: 7.2 headers, where the fields are gone
 * check-command: mmprep-check $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int zdev_success(const struct vm_area_struct *vma)
{
	return vma->vm_start ? 0 : -EINVAL;
}

static int zdev_error(int err)
{
	return err == -ENOMEM ? -EAGAIN : err;
}

static int zdev_prepare(struct vm_area_desc *desc)
{
	desc->action.success_hook = zdev_success;
	desc->action.error_hook = zdev_error;
	return 0;
}

static int zdev_prepare_literal(struct vm_area_desc *desc)
{
	desc->action = (struct mmap_action){ .type = MMAP_NOTHING,
					     .error_hook = zdev_error };
	return desc->action.success_hook ? -EINVAL : 0;
}

const struct file_operations zdev_fops[] = {
	{ .mmap_prepare = zdev_prepare },
	{ .mmap_prepare = zdev_prepare_literal },
};

/*
 * check-output-start
action-hook-7.2.c:24:15: warning: zdev_prepare(): uses action.success_hook; success_hook was removed in 7.2: do work on the new mapping in vm_ops->mapped, or call vma_desc_set_anonymous(desc) for a /dev/zero-style private mapping [action-hook]
action-hook-7.2.c:25:15: warning: zdev_prepare(): uses action.error_hook; error_hook was replaced in 7.2 by a constant: desc->action.error_override = -EAGAIN; (any -errno in -4095..-1) [action-hook]
action-hook-7.2.c:32:12: warning: zdev_prepare_literal(): uses action.error_hook; error_hook was replaced in 7.2 by a constant: desc->action.error_override = -EAGAIN; (any -errno in -4095..-1) [action-hook]
action-hook-7.2.c:33:22: warning: zdev_prepare_literal(): uses action.success_hook; success_hook was removed in 7.2: do work on the new mapping in vm_ops->mapped, or call vma_desc_set_anonymous(desc) for a /dev/zero-style private mapping [action-hook]
 * check-output-end
 */
