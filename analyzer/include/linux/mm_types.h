/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep shim: struct page, mm_struct, vm_area_struct (6.12 layout), the VMA flag bits,
 * and struct vm_area_desc / struct mmap_action laid out as at MMPREP_API (declared in
 * <linux/mmap_prepare_types.h>).
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

/* VMA_<name>_BIT, typed vma_flag_t for sparse as in the kernel's DECLARE_VMA_BIT() */
#define DECLARE_VMA_BIT(name, bitnum) \
	VMA_ ## name ## _BIT = ((__force vma_flag_t)(bitnum))

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
	DECLARE_VMA_BIT(UFFD_MISSING, 9),
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
	DECLARE_VMA_BIT(HIGH_ARCH_0, 32),
	DECLARE_VMA_BIT(HIGH_ARCH_1, 33),
	DECLARE_VMA_BIT(HIGH_ARCH_2, 34),
	DECLARE_VMA_BIT(HIGH_ARCH_3, 35),
	DECLARE_VMA_BIT(HIGH_ARCH_4, 36),
	DECLARE_VMA_BIT(HIGH_ARCH_5, 37),
	DECLARE_VMA_BIT(HIGH_ARCH_6, 38),
	DECLARE_VMA_BIT(ALLOW_ANY_UNCACHED, 39),
	DECLARE_VMA_BIT(DROPPABLE, 40),
	DECLARE_VMA_BIT(UFFD_MINOR, 41),
	DECLARE_VMA_BIT(SEALED, 42),
};

#define NUM_VMA_FLAG_BITS BITS_PER_LONG

typedef struct {
	DECLARE_BITMAP(__vma_flags, NUM_VMA_FLAG_BITS);
} vma_flags_t;

#define INIT_VM_FLAG(name)	BIT((__force int)VMA_ ## name ## _BIT)

#define VM_NONE		0x00000000UL
#define VM_READ		INIT_VM_FLAG(READ)
#define VM_WRITE	INIT_VM_FLAG(WRITE)
#define VM_EXEC		INIT_VM_FLAG(EXEC)
#define VM_SHARED	INIT_VM_FLAG(SHARED)
#define VM_MAYREAD	INIT_VM_FLAG(MAYREAD)
#define VM_MAYWRITE	INIT_VM_FLAG(MAYWRITE)
#define VM_MAYEXEC	INIT_VM_FLAG(MAYEXEC)
#define VM_MAYSHARE	INIT_VM_FLAG(MAYSHARE)
#define VM_GROWSDOWN	INIT_VM_FLAG(GROWSDOWN)
#define VM_UFFD_MISSING	INIT_VM_FLAG(UFFD_MISSING)
#define VM_PFNMAP	INIT_VM_FLAG(PFNMAP)
#define VM_MAYBE_GUARD	INIT_VM_FLAG(MAYBE_GUARD)
#define VM_UFFD_WP	INIT_VM_FLAG(UFFD_WP)
#define VM_LOCKED	INIT_VM_FLAG(LOCKED)
#define VM_IO		INIT_VM_FLAG(IO)
#define VM_SEQ_READ	INIT_VM_FLAG(SEQ_READ)
#define VM_RAND_READ	INIT_VM_FLAG(RAND_READ)
#define VM_DONTCOPY	INIT_VM_FLAG(DONTCOPY)
#define VM_DONTEXPAND	INIT_VM_FLAG(DONTEXPAND)
#define VM_LOCKONFAULT	INIT_VM_FLAG(LOCKONFAULT)
#define VM_ACCOUNT	INIT_VM_FLAG(ACCOUNT)
#define VM_NORESERVE	INIT_VM_FLAG(NORESERVE)
#define VM_HUGETLB	INIT_VM_FLAG(HUGETLB)
#define VM_SYNC		INIT_VM_FLAG(SYNC)
#define VM_ARCH_1	INIT_VM_FLAG(ARCH_1)
#define VM_WIPEONFORK	INIT_VM_FLAG(WIPEONFORK)
#define VM_DONTDUMP	INIT_VM_FLAG(DONTDUMP)
#define VM_SOFTDIRTY	INIT_VM_FLAG(SOFTDIRTY)
#define VM_MIXEDMAP	INIT_VM_FLAG(MIXEDMAP)
#define VM_HUGEPAGE	INIT_VM_FLAG(HUGEPAGE)
#define VM_NOHUGEPAGE	INIT_VM_FLAG(NOHUGEPAGE)
#define VM_MERGEABLE	INIT_VM_FLAG(MERGEABLE)
#define VM_DROPPABLE	INIT_VM_FLAG(DROPPABLE)
#define VM_SEALED	INIT_VM_FLAG(SEALED)
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
#if MMPREP_API >= 700
		vma_flags_t flags;	/* 7.0+: the bitmap form, vma_test(vma, VMA_*_BIT) */
#endif
	};
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
	const struct vm_operations_struct *vm_ops;
	struct anon_vma *anon_vma;
};

/* enum mmap_action_type, struct mmap_action (6.19+) and struct vm_area_desc, per level. */
#include <linux/mmap_prepare_types.h>

#endif
