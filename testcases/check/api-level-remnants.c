// SPDX-License-Identifier: GPL-2.0
/*
 * Valid code of its level that a later level renames or removes: desc->vm_flags at
 * --api=6.19 (removed in 7.0) and vma_desc_test_flags() at --api=7.0 (renamed in 7.1) are
 * notes naming that level, and the run exits 0. At 7.1 the old name is a warning (see
 * api-level.c).
 *
 * check-name: api-level: remnants of a later level are notes
 * check-command: mmprep-check --api=6.19 $file; mmprep-check --api=7.0 -DLEVEL_700 $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int rdev_prepare(struct vm_area_desc *desc)
{
#ifdef LEVEL_700
	if (vma_desc_test_flags(desc, VMA_WRITE_BIT, VMA_SHARED_BIT))
		return -EPERM;
	vma_desc_set_flags(desc, VMA_DONTCOPY_BIT);
#else
	if (desc->vm_flags & VM_WRITE)
		return -EPERM;
	desc->vm_flags |= VM_DONTCOPY;
#endif
	return 0;
}

const struct file_operations rdev_fops = {
	.mmap_prepare = rdev_prepare,
};

/*
 * check-output-start
api-level-remnants.c:21:12: note: rdev_prepare(): desc->vm_flags is replaced by desc->vma_flags in 7.0: from 7.0 use vma_desc_set_flags(), vma_desc_clear_flags() and vma_desc_test*() with VMA_*_BIT numbers [api-level]
api-level-remnants.c:23:8: note: rdev_prepare(): desc->vm_flags is replaced by desc->vma_flags in 7.0: from 7.0 use vma_desc_set_flags(), vma_desc_clear_flags() and vma_desc_test*() with VMA_*_BIT numbers [api-level]
api-level-remnants.c:17:6: note: rdev_prepare(): vma_desc_test_flags(): it is renamed in 7.1: use vma_desc_test_any() for 'any of' or vma_desc_test() for one bit [api-level]
 * check-output-end
 */
