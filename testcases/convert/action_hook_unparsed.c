// SPDX-License-Identifier: GPL-2.0
/* Hook uses that spatch does not see as code are still reported. */
#include <linux/fs.h>
#include <linux/mm.h>

static int fb_again(int err)
{
	return -EAGAIN;
}

/* spatch 1.1.1 cannot parse asm goto: the function is not converted. */
static int fb_fast_mmap_prepare(struct vm_area_desc *desc)
{
	asm volatile goto("" :::: slow);
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = fb_again;
	return 0;
slow:
	return -EBUSY;
}

/* A template in an initialiser. */
static const struct mmap_action fb_template = {
	.type = MMAP_NOTHING,
	.error_hook = fb_again,
};

static const struct file_operations fb_fops = {
	.mmap_prepare = fb_fast_mmap_prepare,
};
