// SPDX-License-Identifier: GPL-2.0
/*
 * Code written for another API level: the 7.0 flag test on 7.1 headers, 7.2 and 7.1 helpers
 * on 7.1 and 7.0 headers, desc->vm_flags on 7.0+, vm_ops->mapped before 7.1, and VM_*
 * masks handed to the VMA_*_BIT helpers.
 *
 * check-name: api-level
 * check-command: mmprep-check --api=7.1 $file; mmprep-check --api=7.0 -Wno-desc-uninit --enable=api-level include/api-level-7.0.c
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int ldev_old_name(struct vm_area_desc *desc)
{
	if (vma_desc_test_flags(desc, VMA_SHARED_BIT))
		return -EINVAL;
	vma_desc_set_anonymous(desc);
	return 0;
}

static int ldev_masks(struct vm_area_desc *desc)
{
	vma_desc_set_flags(desc, VMA_DONTCOPY_BIT, VM_DONTEXPAND);
	if (vma_desc_test(desc, VM_SHARED))
		return -EINVAL;
	return vma_desc_test_any(desc, VMA_WRITE_BIT, VMA_MAYWRITE_BIT) ? 0 : -EPERM;
}

const struct file_operations ldev_fops[] = {
	{ .mmap_prepare = ldev_old_name },
	{ .mmap_prepare = ldev_masks },
};

/*
 * check-output-start
api-level.c:15:6: warning: ldev_old_name(): vma_desc_test_flags() is not declared at --api=7.1; it is the 7.0 name: from 7.1 use vma_desc_test_any() for 'any of' or vma_desc_test() for one bit [api-level]
api-level.c:17:2: warning: ldev_old_name(): vma_desc_set_anonymous() is not declared at --api=7.1; it exists from 7.2; before, keep the driver on .mmap (do not use success_hook) [api-level]
api-level.c:23:2: warning: ldev_masks(): vma_desc_set_flags() is given VM_DONTEXPAND, a VM_* mask; the VMA flag helpers take bit numbers: use VMA_DONTEXPAND_BIT [api-level]
api-level.c:24:6: warning: ldev_masks(): vma_desc_test() is given VM_SHARED, a VM_* mask; the VMA flag helpers take bit numbers: use VMA_SHARED_BIT [api-level]
include/api-level-7.0.c:17:3: warning: vm_operations_struct.mapped exists from 7.1; before it there is nowhere to do per-mapping work: keep the driver on .mmap [api-level]
include/api-level-7.0.c:22:8: warning: mdev_prepare(): desc->vm_flags was replaced by desc->vma_flags in 7.0: use vma_desc_set_flags(), vma_desc_clear_flags() and vma_desc_test*() with VMA_*_BIT numbers [api-level]
include/api-level-7.0.c:24:6: warning: mdev_prepare(): vma_desc_test() is not declared at --api=7.0; it exists from 7.1 (one bit); on 7.0 use vma_desc_test_flags(), on 6.19 desc->vm_flags & VM_* [api-level]
include/api-level-7.0.c:25:3: warning: mdev_prepare(): mmap_action_simple_ioremap() is not declared at --api=7.0; it exists from 7.1; before, keep vm_iomap_memory() in .mmap [api-level]
 * check-output-end
 */
