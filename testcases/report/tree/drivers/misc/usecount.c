// SPDX-License-Identifier: GPL-2.0
/*
 * Counts the mappings of its device but never gives the count back when
 * a mapping goes: the count cannot move to vm_ops->mapped (no close
 * undoes it), so a human has to look.
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct usecount_dev {
	atomic_t maps;
};

static struct usecount_dev usecount_dev;

static int usecount_mmap(struct file *file, struct vm_area_struct *vma)
{
	atomic_inc(&usecount_dev.maps);
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations usecount_fops = {
	.mmap	= usecount_mmap,
};
