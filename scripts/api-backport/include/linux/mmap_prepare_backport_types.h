/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_prepare API backport for Linux 6.12: the types.
 *
 * Written by mmprep (scripts/api-backport) from the description of the API
 * at its newest level (7.2): the VMA flag bit numbers and vma_flags_t, the
 * action an mmap_prepare hook may request, and the descriptor the hook
 * receives.  Included at the end of <linux/mm_types.h>; the helpers live in
 * <linux/mmap_prepare_backport.h>, included at the end of <linux/mm.h>.
 *
 * This header exists so that code converted to f_op->mmap_prepare can be
 * compiled (and checked with sparse) against real 6.12 headers.  Nothing
 * here is wired into the mm core: no mapping ever calls ->mmap_prepare.
 */
#ifndef _LINUX_MMAP_PREPARE_BACKPORT_TYPES_H
#define _LINUX_MMAP_PREPARE_BACKPORT_TYPES_H

#ifndef _LINUX_MM_TYPES_H
#error "include <linux/mm_types.h> instead"
#endif

/*
 * One VMA flag, as a bit number.  __bitwise so that sparse reports a VM_*
 * mask passed where a VMA_*_BIT is expected.
 */
typedef int __bitwise vma_flag_t;

#define DECLARE_VMA_BIT(name, bitnum)	\
	VMA_ ## name ## _BIT = ((__force vma_flag_t)(bitnum))
#define DECLARE_VMA_BIT_ALIAS(name, aliased)	\
	VMA_ ## name ## _BIT = VMA_ ## aliased ## _BIT

/*
 * The bits are numbered like the VM_* masks of this tree, so that
 * desc->vma_flags and vma->vm_flags agree; <linux/mmap_prepare_backport.h>
 * checks that at build time.  Two bits sit elsewhere than in 7.x, where
 * the VM_* masks were renumbered: UFFD_MINOR (38 here, 41 in 7.x) and
 * SEALED (63 here, 42 in 7.x).  Code that uses the names does not care.
 */
enum {
	DECLARE_VMA_BIT(READ, 0),
	DECLARE_VMA_BIT(WRITE, 1),
	DECLARE_VMA_BIT(EXEC, 2),
	DECLARE_VMA_BIT(SHARED, 3),
	DECLARE_VMA_BIT(MAYREAD, 4),
	DECLARE_VMA_BIT(MAYWRITE, 5),
	DECLARE_VMA_BIT(MAYEXEC, 6),
	DECLARE_VMA_BIT(MAYSHARE, 7),
	DECLARE_VMA_BIT(GROWSDOWN, 8),
#ifdef CONFIG_MMU
	DECLARE_VMA_BIT(UFFD_MISSING, 9),
#else
	DECLARE_VMA_BIT(MAYOVERLAY, 9),
	DECLARE_VMA_BIT_ALIAS(UFFD_MISSING, MAYOVERLAY),
#endif
	DECLARE_VMA_BIT(PFNMAP, 10),
	DECLARE_VMA_BIT(MAYBE_GUARD, 11),
	DECLARE_VMA_BIT(UFFD_WP, 12),
	DECLARE_VMA_BIT(LOCKED, 13),
	DECLARE_VMA_BIT(IO, 14),
	DECLARE_VMA_BIT(SEQ_READ, 15),
	DECLARE_VMA_BIT(RAND_READ, 16),
	DECLARE_VMA_BIT(DONTCOPY, 17),
	DECLARE_VMA_BIT(DONTEXPAND, 18),
	DECLARE_VMA_BIT(LOCKONFAULT, 19),
	DECLARE_VMA_BIT(ACCOUNT, 20),
	DECLARE_VMA_BIT(NORESERVE, 21),
	DECLARE_VMA_BIT(HUGETLB, 22),
	DECLARE_VMA_BIT(SYNC, 23),
	DECLARE_VMA_BIT(ARCH_1, 24),
	DECLARE_VMA_BIT(WIPEONFORK, 25),
	DECLARE_VMA_BIT(DONTDUMP, 26),
	DECLARE_VMA_BIT(SOFTDIRTY, 27),
	DECLARE_VMA_BIT(MIXEDMAP, 28),
	DECLARE_VMA_BIT(HUGEPAGE, 29),
	DECLARE_VMA_BIT(NOHUGEPAGE, 30),
	DECLARE_VMA_BIT(MERGEABLE, 31),
#ifdef CONFIG_64BIT
	DECLARE_VMA_BIT(HIGH_ARCH_0, 32),
	DECLARE_VMA_BIT(HIGH_ARCH_1, 33),
	DECLARE_VMA_BIT(HIGH_ARCH_2, 34),
	DECLARE_VMA_BIT(HIGH_ARCH_3, 35),
	DECLARE_VMA_BIT(HIGH_ARCH_4, 36),
	DECLARE_VMA_BIT(HIGH_ARCH_5, 37),
	DECLARE_VMA_BIT(UFFD_MINOR, 38),
	DECLARE_VMA_BIT(ALLOW_ANY_UNCACHED, 39),
	DECLARE_VMA_BIT(DROPPABLE, 40),
	DECLARE_VMA_BIT(SEALED, 63),
#elif defined(CONFIG_PPC32)
	DECLARE_VMA_BIT_ALIAS(DROPPABLE, ARCH_1),
#endif
	/* Architecture aliases, under the conditions <linux/mm.h> uses. */
#ifdef CONFIG_ARCH_HAS_PKEYS
	DECLARE_VMA_BIT_ALIAS(PKEY_BIT0, HIGH_ARCH_0),
	DECLARE_VMA_BIT_ALIAS(PKEY_BIT1, HIGH_ARCH_1),
	DECLARE_VMA_BIT_ALIAS(PKEY_BIT2, HIGH_ARCH_2),
#if CONFIG_ARCH_PKEY_BITS > 3
	DECLARE_VMA_BIT_ALIAS(PKEY_BIT3, HIGH_ARCH_3),
#endif
#if CONFIG_ARCH_PKEY_BITS > 4
	DECLARE_VMA_BIT_ALIAS(PKEY_BIT4, HIGH_ARCH_4),
#endif
#endif
#ifdef CONFIG_X86_USER_SHADOW_STACK
	DECLARE_VMA_BIT_ALIAS(SHADOW_STACK, HIGH_ARCH_5),
#endif
#if defined(CONFIG_X86)
	DECLARE_VMA_BIT_ALIAS(PAT, ARCH_1),
#elif defined(CONFIG_PPC64)
	DECLARE_VMA_BIT_ALIAS(SAO, ARCH_1),
#elif defined(CONFIG_PARISC)
	DECLARE_VMA_BIT_ALIAS(GROWSUP, ARCH_1),
#elif defined(CONFIG_SPARC64)
	DECLARE_VMA_BIT_ALIAS(SPARC_ADI, ARCH_1),
	DECLARE_VMA_BIT_ALIAS(ARCH_CLEAR, ARCH_1),
#elif defined(CONFIG_ARM64)
	DECLARE_VMA_BIT_ALIAS(ARM64_BTI, ARCH_1),
	DECLARE_VMA_BIT_ALIAS(ARCH_CLEAR, ARCH_1),
#elif !defined(CONFIG_MMU)
	DECLARE_VMA_BIT_ALIAS(MAPPED_COPY, ARCH_1),
#endif
#ifdef CONFIG_ARM64_MTE
	DECLARE_VMA_BIT_ALIAS(MTE, HIGH_ARCH_4),
	DECLARE_VMA_BIT_ALIAS(MTE_ALLOWED, HIGH_ARCH_5),
#endif
#ifdef CONFIG_STACK_GROWSUP
	DECLARE_VMA_BIT_ALIAS(STACK, GROWSUP),
	DECLARE_VMA_BIT_ALIAS(STACK_EARLY, GROWSDOWN),
#else
	DECLARE_VMA_BIT_ALIAS(STACK, GROWSDOWN),
#endif
};

#define NUM_VMA_FLAG_BITS	BITS_PER_LONG

/*
 * The flags of a mapping as a bitmap.  Use the vma_flags_*() and
 * vma_desc_*() helpers rather than the field.
 */
typedef struct {
	DECLARE_BITMAP(__vma_flags, NUM_VMA_FLAG_BITS);
} vma_flags_t;

/* What the core does once the VMA exists, as requested by mmap_prepare. */
enum mmap_action_type {
	MMAP_NOTHING,		/* nothing: the default */
	MMAP_REMAP_PFN,		/* remap a PFN range, as remap_pfn_range() */
	MMAP_IO_REMAP_PFN,	/* the same for I/O memory, as io_remap_pfn_range() */
	MMAP_SIMPLE_IO_REMAP,	/* map a physical range, as vm_iomap_memory() */
	MMAP_MAP_KERNEL_PAGES,	/* insert an array of pages, as vm_insert_pages() */
};

/*
 * Set through the mmap_action_*() helpers only.  error_override, when not
 * zero, is the errno (-4095..-1) to return when the action fails.
 */
struct mmap_action {
	union {
		struct {
			unsigned long start;
			unsigned long start_pfn;
			unsigned long size;
			pgprot_t pgprot;
		} remap;
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
	};
	enum mmap_action_type type;
	int error_override;
	bool hide_from_rmap_until_complete :1;
};

/*
 * What f_op->mmap_prepare receives: the mapping about to be made, before any
 * VMA exists.  mm, file, start and end are read-only; pgoff, vm_file,
 * vma_flags and page_prot may be changed; vm_ops and private_data are
 * write-only.  vm_ops starts as &vma_dummy_vm_ops, and NULL (only through
 * vma_desc_set_anonymous()) makes the mapping anonymous.
 */
struct vm_area_desc {
	/* Immutable state. */
	struct mm_struct *mm;
	struct file *file;	/* the file being mmap()ed */
	unsigned long start;
	unsigned long end;

	/* Mutable fields, populated with the initial state. */
	pgoff_t pgoff;
	struct file *vm_file;	/* the file the VMA will hold */
	vma_flags_t vma_flags;
	pgprot_t page_prot;

	/* Write-only fields. */
	const struct vm_operations_struct *vm_ops;
	void *private_data;

	/* Further action to take once the VMA exists. */
	struct mmap_action action;
};

#endif /* _LINUX_MMAP_PREPARE_BACKPORT_TYPES_H */
