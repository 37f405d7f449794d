/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep shim: struct page, mm_struct, vm_area_struct (6.12 layout), the VMA flag bits,
 * and struct vm_area_desc / struct mmap_action laid out as at MMPREP_API.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/mmprep_api.h>
#include <linux/types.h>
#include <linux/bits.h>
#include <linux/list.h>
#include <asm/page.h>

struct file;
struct vm_operations_struct;
struct anon_vma;

typedef unsigned long vm_flags_t;
typedef unsigned long pgprotval_t;

typedef struct pgprot {
	pgprotval_t pgprot;
} pgprot_t;

#define pgprot_val(x)	((x).pgprot)
#define __pgprot(x)	((pgprot_t) { (x) })

struct page {
	unsigned long flags;
	struct address_space *mapping;
	pgoff_t index;
	unsigned long private;
	atomic_t _refcount;
};

struct folio {
	struct page page;
};

struct mm_struct {
	unsigned long mmap_base;
	unsigned long task_size;
	atomic_t mm_users;
	unsigned long total_vm;
	unsigned long locked_vm;
};

/* VMA flag bits (6.19+: DECLARE_VMA_BIT), numbered like the VM_* masks. */
typedef int __bitwise vma_flag_t;

enum {
	VMA_READ_BIT = 0,
	VMA_WRITE_BIT = 1,
	VMA_EXEC_BIT = 2,
	VMA_SHARED_BIT = 3,
	VMA_MAYREAD_BIT = 4,
	VMA_MAYWRITE_BIT = 5,
	VMA_MAYEXEC_BIT = 6,
	VMA_MAYSHARE_BIT = 7,
	VMA_GROWSDOWN_BIT = 8,
	VMA_UFFD_MISSING_BIT = 9,
	VMA_PFNMAP_BIT = 10,
	VMA_MAYBE_GUARD_BIT = 11,
	VMA_UFFD_WP_BIT = 12,
	VMA_LOCKED_BIT = 13,
	VMA_IO_BIT = 14,
	VMA_SEQ_READ_BIT = 15,
	VMA_RAND_READ_BIT = 16,
	VMA_DONTCOPY_BIT = 17,
	VMA_DONTEXPAND_BIT = 18,
	VMA_LOCKONFAULT_BIT = 19,
	VMA_ACCOUNT_BIT = 20,
	VMA_NORESERVE_BIT = 21,
	VMA_HUGETLB_BIT = 22,
	VMA_SYNC_BIT = 23,
	VMA_ARCH_1_BIT = 24,
	VMA_WIPEONFORK_BIT = 25,
	VMA_DONTDUMP_BIT = 26,
	VMA_SOFTDIRTY_BIT = 27,
	VMA_MIXEDMAP_BIT = 28,
	VMA_HUGEPAGE_BIT = 29,
	VMA_NOHUGEPAGE_BIT = 30,
	VMA_MERGEABLE_BIT = 31,
	VMA_HIGH_ARCH_0_BIT = 32,
	VMA_HIGH_ARCH_1_BIT = 33,
	VMA_HIGH_ARCH_2_BIT = 34,
	VMA_HIGH_ARCH_3_BIT = 35,
	VMA_HIGH_ARCH_4_BIT = 36,
	VMA_HIGH_ARCH_5_BIT = 37,
	VMA_HIGH_ARCH_6_BIT = 38,
	VMA_ALLOW_ANY_UNCACHED_BIT = 39,
	VMA_DROPPABLE_BIT = 40,
	VMA_UFFD_MINOR_BIT = 41,
	VMA_SEALED_BIT = 42,
};

#define NUM_VMA_FLAG_BITS BITS_PER_LONG

typedef struct {
	DECLARE_BITMAP(__vma_flags, NUM_VMA_FLAG_BITS);
} vma_flags_t;

#define VM_NONE		0x00000000UL
#define VM_READ		BIT(VMA_READ_BIT)
#define VM_WRITE	BIT(VMA_WRITE_BIT)
#define VM_EXEC		BIT(VMA_EXEC_BIT)
#define VM_SHARED	BIT(VMA_SHARED_BIT)
#define VM_MAYREAD	BIT(VMA_MAYREAD_BIT)
#define VM_MAYWRITE	BIT(VMA_MAYWRITE_BIT)
#define VM_MAYEXEC	BIT(VMA_MAYEXEC_BIT)
#define VM_MAYSHARE	BIT(VMA_MAYSHARE_BIT)
#define VM_GROWSDOWN	BIT(VMA_GROWSDOWN_BIT)
#define VM_UFFD_MISSING	BIT(VMA_UFFD_MISSING_BIT)
#define VM_PFNMAP	BIT(VMA_PFNMAP_BIT)
#define VM_MAYBE_GUARD	BIT(VMA_MAYBE_GUARD_BIT)
#define VM_UFFD_WP	BIT(VMA_UFFD_WP_BIT)
#define VM_LOCKED	BIT(VMA_LOCKED_BIT)
#define VM_IO		BIT(VMA_IO_BIT)
#define VM_SEQ_READ	BIT(VMA_SEQ_READ_BIT)
#define VM_RAND_READ	BIT(VMA_RAND_READ_BIT)
#define VM_DONTCOPY	BIT(VMA_DONTCOPY_BIT)
#define VM_DONTEXPAND	BIT(VMA_DONTEXPAND_BIT)
#define VM_LOCKONFAULT	BIT(VMA_LOCKONFAULT_BIT)
#define VM_ACCOUNT	BIT(VMA_ACCOUNT_BIT)
#define VM_NORESERVE	BIT(VMA_NORESERVE_BIT)
#define VM_HUGETLB	BIT(VMA_HUGETLB_BIT)
#define VM_SYNC		BIT(VMA_SYNC_BIT)
#define VM_ARCH_1	BIT(VMA_ARCH_1_BIT)
#define VM_WIPEONFORK	BIT(VMA_WIPEONFORK_BIT)
#define VM_DONTDUMP	BIT(VMA_DONTDUMP_BIT)
#define VM_SOFTDIRTY	BIT(VMA_SOFTDIRTY_BIT)
#define VM_MIXEDMAP	BIT(VMA_MIXEDMAP_BIT)
#define VM_HUGEPAGE	BIT(VMA_HUGEPAGE_BIT)
#define VM_NOHUGEPAGE	BIT(VMA_NOHUGEPAGE_BIT)
#define VM_MERGEABLE	BIT(VMA_MERGEABLE_BIT)
#define VM_DROPPABLE	BIT(VMA_DROPPABLE_BIT)
#define VM_SEALED	BIT(VMA_SEALED_BIT)
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)

/* The VMA as a 6.12 .mmap hook sees it. */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	union {
		const vm_flags_t vm_flags;
		vm_flags_t __private __vm_flags;
	};
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
	const struct vm_operations_struct *vm_ops;
	struct anon_vma *anon_vma;
};

/* The requested action of an mmap_prepare hook (6.19+). */
enum mmap_action_type {
	MMAP_NOTHING,
	MMAP_REMAP_PFN,
	MMAP_IO_REMAP_PFN,
#if MMPREP_API >= 701
	MMAP_SIMPLE_IO_REMAP,
	MMAP_MAP_KERNEL_PAGES,
#endif
};

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

/* What an mmap_prepare hook sees: the mapping before any VMA exists. */
struct vm_area_desc {
	/* Immutable state. */
#if MMPREP_API >= 701
	struct mm_struct *mm;
	struct file *file;
#else
	const struct mm_struct *const mm;
	struct file *const file;
#endif
	unsigned long start;
	unsigned long end;

	/* Mutable fields, populated with initial state. */
	pgoff_t pgoff;
	struct file *vm_file;
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

	/* Take further action? */
	struct mmap_action action;
};

#endif
