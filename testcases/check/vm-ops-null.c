// SPDX-License-Identifier: GPL-2.0
/*
 * desc->vm_ops = NULL on 7.2 makes the mapping anonymous (reported); the helper that means
 * it, and other ops, are fine; on 7.1 NULL still means "keep the default" (second run).
 *
 * check-name: vm-ops-null
 * check-command: mmprep-check $file; mmprep-check --api=7.1 $file
 * check-exit-value: 0
 */
#include <linux/fs.h>
#include <linux/mm.h>

static const struct vm_operations_struct ndev_vm_ops;

static int ndev_clear(struct vm_area_desc *desc)
{
	desc->vm_ops = NULL;
	return 0;
}

static int ndev_fine(struct vm_area_desc *desc)
{
	if (desc->pgoff)
		desc->vm_ops = &ndev_vm_ops;
#if MMPREP_API >= 702
	else
		vma_desc_set_anonymous(desc);
#endif
	return 0;
}

const struct file_operations ndev_fops[] = {
	{ .mmap_prepare = ndev_clear },
	{ .mmap_prepare = ndev_fine },
};

/*
 * check-output-start
vm-ops-null.c:17:2: warning: ndev_clear(): sets desc->vm_ops to NULL, which from 7.2 makes the mapping anonymous; if that is meant (a /dev/zero-like private mapping) call vma_desc_set_anonymous(desc), otherwise leave vm_ops alone to keep the default [vm-ops-null]
 * check-output-end
 */
