// SPDX-License-Identifier: GPL-2.0
/*
 * What replaces the hooks on 7.2: a constant error_override and vma_desc_set_anonymous().
 * A struct of our own with a success_hook member is not struct mmap_action.
 *
 * check-name: action-hook: true negatives
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct my_callbacks {
	int (*success_hook)(void);
};

static int mdev_ok(void)
{
	return 0;
}

static struct my_callbacks mdev_cb = { .success_hook = mdev_ok };

static int mdev_prepare(struct vm_area_desc *desc)
{
	desc->action.error_override = -EAGAIN;
	if (!vma_desc_test(desc, VMA_SHARED_BIT))
		vma_desc_set_anonymous(desc);
	return mdev_cb.success_hook();
}

const struct file_operations mdev_fops = {
	.mmap_prepare = mdev_prepare,
};

/*
 * check-output-start
 * check-output-end
 */
