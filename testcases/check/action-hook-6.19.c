// SPDX-License-Identifier: GPL-2.0
/*
 * success_hook and error_hook on 6.19 headers, where they still exist: set in a hook, set
 * in an initializer, read.
 *
 * check-name: action-hook: 6.19 messages
 * check-command: mmprep-check --api=6.19 $file
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
action-hook-6.19.c:24:15: note: zdev_prepare(): sets action.success_hook; success_hook hands the driver the VMA and is removed in 7.2; before 7.1 there is no replacement (vm_ops->mapped): keep this driver on .mmap [action-hook]
action-hook-6.19.c:25:15: note: zdev_prepare(): sets action.error_hook; error_hook is removed in 7.2, where a constant desc->action.error_override = -E...; replaces it [action-hook]
action-hook-6.19.c:31:2: warning: zdev_prepare_literal(): overwrites desc->action by hand in the mmap_prepare hook zdev_prepare_literal(); request the action with an mmap_action_*() helper instead [action-direct]
action-hook-6.19.c:32:12: note: zdev_prepare_literal(): sets action.error_hook; error_hook is removed in 7.2, where a constant desc->action.error_override = -E...; replaces it [action-hook]
action-hook-6.19.c:33:22: note: zdev_prepare_literal(): reads action.success_hook; success_hook hands the driver the VMA and is removed in 7.2; before 7.1 there is no replacement (vm_ops->mapped): keep this driver on .mmap [action-hook]
 * check-output-end
 */
