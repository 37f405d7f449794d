// SPDX-License-Identifier: GPL-2.0
/*
 * Uses every declaration of the mmap_prepare API backport (scripts/api-backport)
 * once, the way a converted driver would, so that a build with W=1 and sparse
 * shows that the backported headers are type-correct and sparse-clean.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/shmem_fs.h>

static struct page *bp_pages[4];

static int bp_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	*vm_private_data = (void *)file;
	return start < end && pgoff < ULONG_MAX ? 0 : -EINVAL;
}

static const struct vm_operations_struct bp_vm_ops = {
	.mapped = bp_mapped,
};

/* Flags on the descriptor. */
static int bp_flags_prepare(struct vm_area_desc *desc)
{
	vma_flags_t mask = mk_vma_flags(VMA_IO_BIT, VMA_DONTEXPAND_BIT);

	if (vma_desc_test(desc, VMA_WRITE_BIT) && !is_shared_maywrite(&desc->vma_flags))
		return -EINVAL;
	if (vma_desc_test_any(desc, VMA_EXEC_BIT, VMA_MAYEXEC_BIT))
		return -EPERM;
	if (!vma_desc_test_all(desc, VMA_READ_BIT, VMA_MAYREAD_BIT))
		return -EACCES;
	if (vma_desc_test_any_mask(desc, VMA_REMAP_FLAGS) ||
	    vma_desc_test_all_mask(desc, VMA_SPECIAL_FLAGS))
		return -EBUSY;
	if (vma_desc_is_cow_mapping(desc))
		return -ENODEV;
	vma_desc_set_flags(desc, VMA_DONTCOPY_BIT, VMA_DONTDUMP_BIT);
	vma_desc_clear_flags(desc, VMA_MAYWRITE_BIT);
	vma_desc_set_flags_mask(desc, mask);
	vma_desc_clear_flags_mask(desc, mk_vma_flags(VMA_LOCKED_BIT));
	vma_flags_set(&desc->vma_flags, VMA_NORESERVE_BIT);
	vma_flags_clear(&desc->vma_flags, VMA_SEQ_READ_BIT, VMA_RAND_READ_BIT);
	if (vma_flags_test(&desc->vma_flags, VMA_HUGETLB_BIT) ||
	    vma_flags_test_any(&desc->vma_flags, VMA_SYNC_BIT) ||
	    vma_flags_test_all(&desc->vma_flags, VMA_MIXEDMAP_BIT, VMA_PFNMAP_BIT) ||
	    vma_flags_empty(&desc->vma_flags))
		return -EINVAL;
	if (vma_flags_to_legacy(desc->vma_flags) & VM_SHARED)
		desc->vma_flags = legacy_to_vma_flags(VM_READ | VM_SHARED);
	desc->page_prot = pgprot_noncached(desc->page_prot);
	desc->vm_ops = &bp_vm_ops;
	desc->private_data = NULL;
	return 0;
}

/* One action per hook: each helper in its own hook. */
static int bp_remap_prepare(struct vm_area_desc *desc)
{
	if (!range_in_vma_desc(desc, desc->start, desc->start + PAGE_SIZE))
		return -EINVAL;
	mmap_action_remap(desc, desc->start, desc->pgoff, PAGE_SIZE);
	return 0;
}

static int bp_remap_full_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_override = -EAGAIN;
	return 0;
}

static int bp_ioremap_prepare(struct vm_area_desc *desc)
{
	if (!range_is_subset(desc->start, desc->end, desc->start, desc->end))
		return -EINVAL;
	mmap_action_ioremap(desc, desc->start, desc->pgoff, vma_desc_size(desc));
	return 0;
}

static int bp_ioremap_full_prepare(struct vm_area_desc *desc)
{
	mmap_action_ioremap_full(desc, desc->pgoff);
	return 0;
}

static int bp_simple_ioremap_prepare(struct vm_area_desc *desc)
{
	mmap_action_simple_ioremap(desc, (phys_addr_t)desc->pgoff << PAGE_SHIFT,
				   vma_desc_size(desc));
	return 0;
}

static int bp_map_pages_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_pages(desc) > ARRAY_SIZE(bp_pages))
		return -ENXIO;
	mmap_action_map_kernel_pages(desc, desc->start, bp_pages, vma_desc_pages(desc));
	return 0;
}

static int bp_map_pages_full_prepare(struct vm_area_desc *desc)
{
	mmap_action_map_kernel_pages_full(desc, bp_pages);
	return 0;
}

/* /dev/zero's shape: shmem for shared mappings, anonymous otherwise. */
static int bp_zero_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_test(desc, VMA_SHARED_BIT))
		return shmem_zero_setup_desc(desc);
	vma_desc_set_anonymous(desc);
	return 0;
}

static int bp_file_prepare(struct vm_area_desc *desc)
{
	if (!(desc->file->f_mode & FMODE_WRITE))
		return generic_file_readonly_mmap_prepare(desc);
	desc->vm_file = desc->file;
	return generic_file_mmap_prepare(desc);
}

/* The .mmap side: a stacking caller, and the VMA flag helpers. */
static int bp_stacked_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;
	struct vm_area_desc desc;
	int err;

	if (vma_test(vma, VMA_SHARED_BIT) || vma_test_any(vma, VMA_IO_BIT, VMA_PFNMAP_BIT) ||
	    vma_test_all(vma, VMA_READ_BIT, VMA_WRITE_BIT) ||
	    vma_test_any_mask(vma, VMA_SPECIAL_FLAGS) || vma_test_all_mask(vma, VMA_REMAP_FLAGS))
		return -EINVAL;
	vma_set_flags(vma, VMA_DONTEXPAND_BIT);
	vma_clear_flags(vma, VMA_MAYEXEC_BIT);
	vma_set_flags_mask(vma, mk_vma_flags(VMA_DONTDUMP_BIT));
	vma_clear_flags_mask(vma, mk_vma_flags(VMA_MAYSHARE_BIT));
	if (!can_mmap_file(lower))
		return -ENODEV;
	if (!lower->f_op->mmap_prepare)
		return vfs_mmap(lower, vma);
	if (file->f_flags & O_SYNC)
		return compat_vma_mmap(lower, vma);
	compat_set_desc_from_vma(&desc, lower, vma);
	err = vfs_mmap_prepare(lower, &desc);
	if (!err)
		err = __compat_vma_mmap(&desc, vma);
	return err ?: __vma_check_mmap_hook(vma);
}

/* Core-only entry points: referenced to show they are declared. */
static void *const bp_core[] __maybe_unused = {
	mmap_action_prepare, mmap_action_complete, map_kernel_pages_prepare,
	map_kernel_pages_complete,
};

static const struct file_operations bp_fops[] = {
	{ .owner = THIS_MODULE, .mmap_prepare = bp_flags_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_remap_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_remap_full_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_ioremap_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_ioremap_full_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_simple_ioremap_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_map_pages_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_map_pages_full_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_zero_prepare },
	{ .owner = THIS_MODULE, .mmap_prepare = bp_file_prepare },
	{ .owner = THIS_MODULE, .mmap = bp_stacked_mmap },
};

const struct file_operations *bp_fops_get(unsigned int i);
const struct file_operations *bp_fops_get(unsigned int i)
{
	return i < ARRAY_SIZE(bp_fops) ? &bp_fops[i] : NULL;
}
EXPORT_SYMBOL_GPL(bp_fops_get);

MODULE_DESCRIPTION("mmprep: every declaration of the mmap_prepare API backport");
MODULE_LICENSE("GPL");
