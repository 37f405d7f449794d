// SPDX-License-Identifier: GPL-2.0
/* Input of cli-prefilter.c: no word of the new mmap API appears in this file. */
#include "cli-local.h"

static int qdev_hook(hdesc_t *d)
{
	return find_vma(d->mm, d->start) ? -EBUSY : 0;
}

const struct file_operations qdev_fops = {
	.HOOK_FIELD = qdev_hook,
};
