/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep shim: enum mmap_action_type, struct mmap_action and struct vm_area_desc as at
 * MMPREP_API, included by <linux/mm_types.h>.  This is their only declaration:
 * scripts/api-backport/apply copies the text between the two marker comments, with
 * MMPREP_API fixed at 702 (python3 -m mmprep.api backport-types), into the backport's
 * <linux/mmap_prepare_backport_types.h> for Linux 6.12.
 */
#ifndef _LINUX_MMAP_PREPARE_TYPES_H
#define _LINUX_MMAP_PREPARE_TYPES_H

#include <linux/mmprep_api.h>
#include <linux/mm_types.h>		/* which includes this header at its end */

/* mmprep: mmap_prepare types begin */
/* What the core does once the VMA exists, as requested by mmap_prepare. */
enum mmap_action_type {
	MMAP_NOTHING,		/* nothing: the default */
	MMAP_REMAP_PFN,		/* remap a PFN range, as remap_pfn_range() */
	MMAP_IO_REMAP_PFN,	/* the same for I/O memory, as io_remap_pfn_range() */
#if MMPREP_API >= 701
	MMAP_SIMPLE_IO_REMAP,	/* map a physical range, as vm_iomap_memory() */
	MMAP_MAP_KERNEL_PAGES,	/* insert an array of pages, as vm_insert_pages() */
#endif
};

#if MMPREP_API >= 702
/*
 * Set through the mmap_action_*() helpers only.  error_override, when not
 * zero, is the errno (-4095..-1) to return when the action fails.
 */
#else
/*
 * Set through the mmap_action_*() helpers only.  success_hook runs once the
 * action succeeded; error_hook may replace the error of a failed action.
 */
#endif
struct mmap_action {
	union {
		struct {
			unsigned long start;
			unsigned long start_pfn;
			unsigned long size;
			pgprot_t pgprot;
		} remap;
#if MMPREP_API >= 701
		struct {
			phys_addr_t start_phys_addr;
			unsigned long size;
		} simple_ioremap;
		struct {
			unsigned long start;
			struct page **pages;
			unsigned long nr_pages;
			pgoff_t pgoff;
		} map_kernel;
#endif
	};
	enum mmap_action_type type;
#if MMPREP_API >= 702
	int error_override;
#else
	int (*success_hook)(const struct vm_area_struct *vma);
	int (*error_hook)(int err);
#endif
	bool hide_from_rmap_until_complete :1;
};

#if MMPREP_API >= 702
/*
 * What f_op->mmap_prepare receives: the mapping about to be made, before any
 * VMA exists.  mm, file, start and end are read-only; pgoff, vm_file,
 * vma_flags and page_prot may be changed; vm_ops and private_data are
 * write-only.  vm_ops starts as &vma_dummy_vm_ops, and NULL (only through
 * vma_desc_set_anonymous()) makes the mapping anonymous.
 */
#else
/*
 * What f_op->mmap_prepare receives: the mapping about to be made, before any
 * VMA exists.  mm, file, start and end are read-only; pgoff, vm_file,
 * vma_flags and page_prot may be changed; vm_ops and private_data are
 * write-only.
 */
#endif
struct vm_area_desc {
	/* Immutable state. */
#if MMPREP_API >= 701
	struct mm_struct *mm;
	struct file *file;	/* the file being mmap()ed */
#else
	const struct mm_struct *const mm;
	struct file *const file;	/* the file being mmap()ed */
#endif
	unsigned long start;
	unsigned long end;

	/* Mutable fields, populated with the initial state. */
	pgoff_t pgoff;
	struct file *vm_file;	/* the file the VMA will hold */
#if MMPREP_API >= 700
	vma_flags_t vma_flags;
#else
	union {
		vm_flags_t vm_flags;
		vma_flags_t vma_flags;
	};
#endif
	pgprot_t page_prot;

	/* Write-only fields. */
	const struct vm_operations_struct *vm_ops;
	void *private_data;

	/* Further action to take once the VMA exists. */
	struct mmap_action action;
};
/* mmprep: mmap_prepare types end */

#endif /* _LINUX_MMAP_PREPARE_TYPES_H */
