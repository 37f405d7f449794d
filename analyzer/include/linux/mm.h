/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep shim: the .mmap API of 6.12 (vm_operations_struct, remap_pfn_range, vm_flags_*, ...)
 * and the mmap_prepare API (descriptor helpers, actions, VMA flag helpers) as at MMPREP_API.
 * Declarations and trivial bodies only; enough to type-check and analyse a driver.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/mmprep_api.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/fs.h>
#include <linux/pfn.h>
#include <asm/page.h>

typedef unsigned int vm_fault_t;

#define VM_FAULT_OOM		((vm_fault_t)0x000001)
#define VM_FAULT_SIGBUS		((vm_fault_t)0x000002)
#define VM_FAULT_MAJOR		((vm_fault_t)0x000004)
#define VM_FAULT_NOPAGE		((vm_fault_t)0x000100)
#define VM_FAULT_LOCKED		((vm_fault_t)0x000200)

struct vm_fault {
	struct vm_area_struct *vma;
	gfp_t gfp_mask;
	pgoff_t pgoff;
	unsigned long address;
	unsigned int flags;
	struct page *page;
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*may_split)(struct vm_area_struct *area, unsigned long addr);
	int (*mremap)(struct vm_area_struct *area);
#if MMPREP_API >= 701
	/* Called once a new mapping exists (not on merge); 7.1+. */
	int (*mapped)(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data);
#endif
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
	int (*access)(struct vm_area_struct *vma, unsigned long addr, void *buf, int len,
		      int write);
	const char *(*name)(struct vm_area_struct *vma);
};

extern const struct vm_operations_struct vma_dummy_vm_ops;
extern const struct vm_operations_struct generic_file_vm_ops;

/* Page protection */

#define _PAGE_PCD	(1UL << 4)
#define _PAGE_PWT	(1UL << 3)
#define _PAGE_NX	(1UL << 63)

static inline pgprot_t pgprot_noncached(pgprot_t prot)
{
	return __pgprot(pgprot_val(prot) | _PAGE_PCD | _PAGE_PWT);
}

static inline pgprot_t pgprot_writecombine(pgprot_t prot)
{
	return __pgprot(pgprot_val(prot) | _PAGE_PWT);
}

static inline pgprot_t pgprot_device(pgprot_t prot)
{
	return pgprot_noncached(prot);
}

static inline pgprot_t pgprot_decrypted(pgprot_t prot)
{
	return prot;
}

pgprot_t vm_get_page_prot(vm_flags_t vm_flags);
pgprot_t phys_mem_access_prot(struct file *file, unsigned long pfn, unsigned long size,
			      pgprot_t vma_prot);

/* The .mmap side (6.12) */

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline void vm_flags_init(struct vm_area_struct *vma, vm_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) = flags;
}

static inline void vm_flags_reset(struct vm_area_struct *vma, vm_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) = flags;
}

static inline void vm_flags_reset_once(struct vm_area_struct *vma, vm_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) = flags;
}

static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) &= ~flags;
}

static inline void vm_flags_mod(struct vm_area_struct *vma, vm_flags_t set, vm_flags_t clear)
{
	ACCESS_PRIVATE(vma, __vm_flags) = (ACCESS_PRIVATE(vma, __vm_flags) | set) & ~clear;
}

static inline bool is_cow_mapping(vm_flags_t flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

static inline bool vma_is_shared_maywrite(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

/* nommu: a mapping shared with the file (6.12 form; 7.0+ also the vma_flags_t form below). */
static inline bool is_nommu_shared_mapping(vm_flags_t flags)
{
	return flags & VM_MAYSHARE;
}

static inline void vma_set_anonymous(struct vm_area_struct *vma)
{
	vma->vm_ops = NULL;
}

void vma_set_file(struct vm_area_struct *vma, struct file *file);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
void zap_vma_ptes(struct vm_area_struct *vma, unsigned long address, unsigned long size);
unsigned long vma_kernel_pagesize(struct vm_area_struct *vma);

int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn,
		    unsigned long size, pgprot_t prot);
int io_remap_pfn_range(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn,
		       unsigned long size, pgprot_t prot);
int vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start, unsigned long len);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
int vm_insert_pages(struct vm_area_struct *vma, unsigned long addr, struct page **pages,
		    unsigned long *num);
int vm_map_pages(struct vm_area_struct *vma, struct page **pages, unsigned long num);
int vm_map_pages_zero(struct vm_area_struct *vma, struct page **pages, unsigned long num);
vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn);
vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn);
vm_fault_t vmf_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
int shmem_zero_setup(struct vm_area_struct *vma);

void get_page(struct page *page);
void put_page(struct page *page);
struct page *vmalloc_to_page(const void *addr);

/* The mmap_prepare side: the descriptor */

static inline unsigned long vma_desc_size(const struct vm_area_desc *desc)
{
	return desc->end - desc->start;
}

static inline unsigned long vma_desc_pages(const struct vm_area_desc *desc)
{
	return vma_desc_size(desc) >> PAGE_SHIFT;
}

int shmem_zero_setup_desc(struct vm_area_desc *desc);

#if MMPREP_API >= 702
/* Make the mapping anonymous while keeping vm_file (/dev/zero private mappings). */
static inline void vma_desc_set_anonymous(struct vm_area_desc *desc)
{
	desc->vm_ops = NULL;
}
#endif

/* VMA flags on the descriptor */

#if MMPREP_API >= 700
static inline vma_flags_t __mk_vma_flags(size_t count, const vma_flag_t *bits)
{
	vma_flags_t flags = { { 0 } };
	size_t i;

	for (i = 0; i < count; i++)
		flags.__vma_flags[0] |= 1UL << (__force int)bits[i];
	return flags;
}

#define mk_vma_flags(...)							\
	__mk_vma_flags(sizeof((const vma_flag_t []){ __VA_ARGS__ }) / sizeof(vma_flag_t),	\
		       (const vma_flag_t []){ __VA_ARGS__ })

static inline bool __vma_flags_any(const vma_flags_t *flags, vma_flags_t to_test)
{
	return flags->__vma_flags[0] & to_test.__vma_flags[0];
}

static inline bool __vma_flags_all(const vma_flags_t *flags, vma_flags_t to_test)
{
	return (flags->__vma_flags[0] & to_test.__vma_flags[0]) == to_test.__vma_flags[0];
}

static inline void vma_flags_set_mask(vma_flags_t *flags, vma_flags_t to_set)
{
	flags->__vma_flags[0] |= to_set.__vma_flags[0];
}

static inline void vma_flags_clear_mask(vma_flags_t *flags, vma_flags_t to_clear)
{
	flags->__vma_flags[0] &= ~to_clear.__vma_flags[0];
}

#define vma_flags_set(flags, ...)	vma_flags_set_mask(flags, mk_vma_flags(__VA_ARGS__))
#define vma_flags_clear(flags, ...)	vma_flags_clear_mask(flags, mk_vma_flags(__VA_ARGS__))

static inline bool vma_flags_test_all_mask(const vma_flags_t *flags, vma_flags_t to_test)
{
	return __vma_flags_all(flags, to_test);
}

#define vma_flags_test_all(flags, ...)	\
	vma_flags_test_all_mask(flags, mk_vma_flags(__VA_ARGS__))

static inline void vma_set_flags_mask(struct vm_area_struct *vma, vma_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) |= flags.__vma_flags[0];
}

#define vma_set_flags(vma, ...)	vma_set_flags_mask(vma, mk_vma_flags(__VA_ARGS__))

static inline void vma_desc_set_flags_mask(struct vm_area_desc *desc, vma_flags_t flags)
{
	vma_flags_set_mask(&desc->vma_flags, flags);
}

static inline void vma_desc_clear_flags_mask(struct vm_area_desc *desc, vma_flags_t flags)
{
	vma_flags_clear_mask(&desc->vma_flags, flags);
}

#define vma_desc_set_flags(desc, ...)	\
	vma_desc_set_flags_mask(desc, mk_vma_flags(__VA_ARGS__))
#define vma_desc_clear_flags(desc, ...)	\
	vma_desc_clear_flags_mask(desc, mk_vma_flags(__VA_ARGS__))

static inline bool is_shared_maywrite(const vma_flags_t *flags)
{
	return __vma_flags_all(flags, mk_vma_flags(VMA_SHARED_BIT, VMA_MAYWRITE_BIT));
}

static inline bool is_nommu_shared_vma_flags(const vma_flags_t *flags)
{
	return __vma_flags_any(flags, mk_vma_flags(VMA_MAYSHARE_BIT));
}

static inline bool is_shared_maywrite_vm_flags(vm_flags_t vm_flags)
{
	return (vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

static inline bool vma_desc_is_cow_mapping(struct vm_area_desc *desc)
{
	return __vma_flags_any(&desc->vma_flags, mk_vma_flags(VMA_MAYWRITE_BIT)) &&
	       !__vma_flags_any(&desc->vma_flags, mk_vma_flags(VMA_SHARED_BIT));
}
#else /* 6.19: desc->vm_flags with VM_* masks */
static inline bool is_shared_maywrite(vm_flags_t vm_flags)
{
	return (vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}
#endif

#if MMPREP_API == 700
/* 7.0: "any of" test; renamed vma_desc_test_any() in 7.1. */
static inline bool vma_flags_test_mask(const vma_flags_t *flags, vma_flags_t to_test)
{
	return __vma_flags_any(flags, to_test);
}

#define vma_flags_test(flags, ...)	vma_flags_test_mask(flags, mk_vma_flags(__VA_ARGS__))

static inline bool vma_test_all_flags_mask(struct vm_area_struct *vma, vma_flags_t flags)
{
	return (vma->vm_flags & flags.__vma_flags[0]) == flags.__vma_flags[0];
}

#define vma_test_all_flags(vma, ...)	vma_test_all_flags_mask(vma, mk_vma_flags(__VA_ARGS__))

static inline bool vma_desc_test_flags_mask(const struct vm_area_desc *desc, vma_flags_t flags)
{
	return __vma_flags_any(&desc->vma_flags, flags);
}

#define vma_desc_test_flags(desc, ...)	\
	vma_desc_test_flags_mask(desc, mk_vma_flags(__VA_ARGS__))
#endif

#if MMPREP_API >= 701
/* 7.1: single-bit tests take the old names; "any" and "all" are explicit. */
static inline bool vma_flags_test(const vma_flags_t *flags, vma_flag_t bit)
{
	return flags->__vma_flags[0] & (1UL << (__force int)bit);
}

static inline bool vma_flags_test_any_mask(const vma_flags_t *flags, vma_flags_t to_test)
{
	return __vma_flags_any(flags, to_test);
}

#define vma_flags_test_any(flags, ...)	\
	vma_flags_test_any_mask(flags, mk_vma_flags(__VA_ARGS__))

static inline bool vma_test(const struct vm_area_struct *vma, vma_flag_t bit)
{
	return vma->vm_flags & (1UL << (__force int)bit);
}

static inline bool vma_test_any_mask(const struct vm_area_struct *vma, vma_flags_t flags)
{
	return vma->vm_flags & flags.__vma_flags[0];
}

#define vma_test_any(vma, ...)	vma_test_any_mask(vma, mk_vma_flags(__VA_ARGS__))

static inline bool vma_test_all_mask(const struct vm_area_struct *vma, vma_flags_t flags)
{
	return (vma->vm_flags & flags.__vma_flags[0]) == flags.__vma_flags[0];
}

#define vma_test_all(vma, ...)	vma_test_all_mask(vma, mk_vma_flags(__VA_ARGS__))

static inline void vma_clear_flags_mask(struct vm_area_struct *vma, vma_flags_t flags)
{
	ACCESS_PRIVATE(vma, __vm_flags) &= ~flags.__vma_flags[0];
}

#define vma_clear_flags(vma, ...)	vma_clear_flags_mask(vma, mk_vma_flags(__VA_ARGS__))

static __always_inline bool vma_desc_test(const struct vm_area_desc *desc, vma_flag_t bit)
{
	return vma_flags_test(&desc->vma_flags, bit);
}

static inline bool vma_desc_test_any_mask(const struct vm_area_desc *desc, vma_flags_t flags)
{
	return __vma_flags_any(&desc->vma_flags, flags);
}

static inline bool vma_desc_test_all_mask(const struct vm_area_desc *desc, vma_flags_t flags)
{
	return __vma_flags_all(&desc->vma_flags, flags);
}

#define vma_desc_test_any(desc, ...)	\
	vma_desc_test_any_mask(desc, mk_vma_flags(__VA_ARGS__))
#define vma_desc_test_all(desc, ...)	\
	vma_desc_test_all_mask(desc, mk_vma_flags(__VA_ARGS__))

#define VMA_REMAP_FLAGS	mk_vma_flags(VMA_IO_BIT, VMA_PFNMAP_BIT, VMA_DONTEXPAND_BIT, \
				     VMA_DONTDUMP_BIT)

static inline bool range_is_subset(unsigned long outer_start, unsigned long outer_end,
				   unsigned long inner_start, unsigned long inner_end)
{
	return outer_start <= inner_start && inner_end <= outer_end;
}

static inline bool range_in_vma_desc(const struct vm_area_desc *desc, unsigned long start,
				     unsigned long end)
{
	return range_is_subset(desc->start, desc->end, start, end);
}
#endif

/* Actions: what the core does once the VMA exists (6.19+) */

static inline void mmap_action_remap(struct vm_area_desc *desc, unsigned long start,
				     unsigned long start_pfn, unsigned long size)
{
	struct mmap_action *action = &desc->action;

	/* [start, start + size) must lie within the descriptor. */
	WARN_ON_ONCE(start < desc->start || start >= desc->end);
	WARN_ON_ONCE(start + size > desc->end);

	action->type = MMAP_REMAP_PFN;
	action->remap.start = start;
	action->remap.start_pfn = start_pfn;
	action->remap.size = size;
	action->remap.pgprot = desc->page_prot;
}

static inline void mmap_action_remap_full(struct vm_area_desc *desc, unsigned long start_pfn)
{
	mmap_action_remap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

static inline void mmap_action_ioremap(struct vm_area_desc *desc, unsigned long start,
				       unsigned long start_pfn, unsigned long size)
{
	mmap_action_remap(desc, start, start_pfn, size);
	desc->action.type = MMAP_IO_REMAP_PFN;
}

static inline void mmap_action_ioremap_full(struct vm_area_desc *desc,
					    unsigned long start_pfn)
{
	mmap_action_ioremap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

#if MMPREP_API >= 701
static inline void mmap_action_simple_ioremap(struct vm_area_desc *desc,
					      phys_addr_t start_phys_addr, unsigned long size)
{
	struct mmap_action *action = &desc->action;

	action->simple_ioremap.start_phys_addr = start_phys_addr;
	action->simple_ioremap.size = size;
	action->type = MMAP_SIMPLE_IO_REMAP;
}

static inline void mmap_action_map_kernel_pages(struct vm_area_desc *desc,
						unsigned long start, struct page **pages,
						unsigned long nr_pages)
{
	struct mmap_action *action = &desc->action;

	action->type = MMAP_MAP_KERNEL_PAGES;
	action->map_kernel.start = start;
	action->map_kernel.pages = pages;
	action->map_kernel.nr_pages = nr_pages;
	action->map_kernel.pgoff = desc->pgoff;
}

static inline void mmap_action_map_kernel_pages_full(struct vm_area_desc *desc,
						     struct page **pages)
{
	mmap_action_map_kernel_pages(desc, desc->start, pages, vma_desc_pages(desc));
}

/* mm core only: drivers request actions, the core runs them. */
int mmap_action_prepare(struct vm_area_desc *desc);
int mmap_action_complete(struct vm_area_struct *vma, struct mmap_action *action,
			 bool is_compat);
int map_kernel_pages_prepare(struct vm_area_desc *desc);
int map_kernel_pages_complete(struct vm_area_struct *vma, struct mmap_action *action);
#else
/* mm core only: drivers request actions, the core runs them. */
void mmap_action_prepare(struct mmap_action *action, struct vm_area_desc *desc);
int mmap_action_complete(struct mmap_action *action, struct vm_area_struct *vma);
#endif

#endif
