/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep test fixture: the f_op->mmap_prepare API as of 7.2, declared on a
 * 6.12 tree so that a driver converted to it type-checks with the tree's
 * own Kbuild flags (testcases/run-real-gate).  Declarations and trivial
 * bodies only; nothing here maps anything.  testcases/run-real-gate
 * includes it at the end of include/linux/mm.h and adds the hook to
 * struct file_operations.
 */
#ifndef _LINUX_MMPREP_BACKPORT_H
#define _LINUX_MMPREP_BACKPORT_H

#include <linux/bitmap.h>
#include <linux/mm_types.h>

typedef int __bitwise vma_flag_t;

#define DECLARE_VMA_BIT(name, bitnum) \
	VMA_ ## name ## _BIT = ((__force vma_flag_t)(bitnum))

/* numbered like the VM_* masks of include/linux/mm.h */
enum {
	DECLARE_VMA_BIT(READ, 0),
	DECLARE_VMA_BIT(WRITE, 1),
	DECLARE_VMA_BIT(EXEC, 2),
	DECLARE_VMA_BIT(SHARED, 3),
	DECLARE_VMA_BIT(MAYREAD, 4),
	DECLARE_VMA_BIT(MAYWRITE, 5),
	DECLARE_VMA_BIT(MAYEXEC, 6),
	DECLARE_VMA_BIT(MAYSHARE, 7),
	DECLARE_VMA_BIT(PFNMAP, 10),
	DECLARE_VMA_BIT(LOCKED, 13),
	DECLARE_VMA_BIT(IO, 14),
	DECLARE_VMA_BIT(DONTCOPY, 17),
	DECLARE_VMA_BIT(DONTEXPAND, 18),
	DECLARE_VMA_BIT(NORESERVE, 21),
	DECLARE_VMA_BIT(DONTDUMP, 26),
	DECLARE_VMA_BIT(MIXEDMAP, 28),
};

typedef struct {
	DECLARE_BITMAP(__vma_flags, BITS_PER_LONG);
} vma_flags_t;

enum mmap_action_type {
	MMAP_NOTHING,
	MMAP_REMAP_PFN,
	MMAP_IO_REMAP_PFN,
	MMAP_SIMPLE_IO_REMAP,
	MMAP_MAP_KERNEL_PAGES,
};

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

struct vm_area_desc {
	struct mm_struct *mm;
	struct file *file;
	unsigned long start;
	unsigned long end;
	pgoff_t pgoff;
	struct file *vm_file;
	vma_flags_t vma_flags;
	pgprot_t page_prot;
	const struct vm_operations_struct *vm_ops;
	void *private_data;
	struct mmap_action action;
};

static inline unsigned long vma_desc_size(const struct vm_area_desc *desc)
{
	return desc->end - desc->start;
}

static inline unsigned long vma_desc_pages(const struct vm_area_desc *desc)
{
	return vma_desc_size(desc) >> PAGE_SHIFT;
}

static inline vma_flags_t __mk_vma_flags(size_t count, const vma_flag_t *bits)
{
	vma_flags_t flags = { { 0 } };
	size_t i;

	for (i = 0; i < count; i++)
		flags.__vma_flags[0] |= 1UL << (__force int)bits[i];
	return flags;
}

#define mk_vma_flags(...)							\
	__mk_vma_flags(sizeof((const vma_flag_t []){ __VA_ARGS__ }) /		\
		       sizeof(vma_flag_t), (const vma_flag_t []){ __VA_ARGS__ })

static inline bool vma_desc_test(const struct vm_area_desc *desc, vma_flag_t bit)
{
	return desc->vma_flags.__vma_flags[0] & (1UL << (__force int)bit);
}

static inline bool vma_desc_test_any_mask(const struct vm_area_desc *desc, vma_flags_t flags)
{
	return desc->vma_flags.__vma_flags[0] & flags.__vma_flags[0];
}

#define vma_desc_test_any(desc, ...)	\
	vma_desc_test_any_mask(desc, mk_vma_flags(__VA_ARGS__))

static inline void vma_desc_set_flags_mask(struct vm_area_desc *desc, vma_flags_t flags)
{
	desc->vma_flags.__vma_flags[0] |= flags.__vma_flags[0];
}

static inline void vma_desc_clear_flags_mask(struct vm_area_desc *desc, vma_flags_t flags)
{
	desc->vma_flags.__vma_flags[0] &= ~flags.__vma_flags[0];
}

#define vma_desc_set_flags(desc, ...)	\
	vma_desc_set_flags_mask(desc, mk_vma_flags(__VA_ARGS__))
#define vma_desc_clear_flags(desc, ...)	\
	vma_desc_clear_flags_mask(desc, mk_vma_flags(__VA_ARGS__))

static inline void mmap_action_remap(struct vm_area_desc *desc, unsigned long start,
				     unsigned long start_pfn, unsigned long size)
{
	desc->action.type = MMAP_REMAP_PFN;
	desc->action.remap.start = start;
	desc->action.remap.start_pfn = start_pfn;
	desc->action.remap.size = size;
	desc->action.remap.pgprot = desc->page_prot;
}

static inline void mmap_action_remap_full(struct vm_area_desc *desc, unsigned long start_pfn)
{
	mmap_action_remap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

static inline void mmap_action_simple_ioremap(struct vm_area_desc *desc,
					      phys_addr_t start_phys_addr, unsigned long size)
{
	desc->action.type = MMAP_SIMPLE_IO_REMAP;
	desc->action.simple_ioremap.start_phys_addr = start_phys_addr;
	desc->action.simple_ioremap.size = size;
}

#endif /* _LINUX_MMPREP_BACKPORT_H */
