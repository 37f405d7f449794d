/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_prepare API backport for Linux 6.12: the helpers.
 *
 * Written by mmprep (scripts/api-backport) from the description of the API
 * at its newest level (7.2): VMA flag helpers on vma_flags_t, the
 * descriptor helpers (vma_desc_*()), and the mmap_action_*() requests an
 * mmap_prepare hook makes.  Included at the end of <linux/mm.h>; the types
 * are in <linux/mmap_prepare_backport_types.h>.
 *
 * The bodies are written to be type-correct and to do what the API says
 * (an action helper records its request in desc->action), so that converted
 * code compiles and sparse sees real types.  The mm core of this tree never
 * calls ->mmap_prepare and never runs an action: mmap_action_prepare() and
 * friends are declared, not defined.
 */
#ifndef _LINUX_MMAP_PREPARE_BACKPORT_H
#define _LINUX_MMAP_PREPARE_BACKPORT_H

#ifndef _LINUX_MM_H
#error "include <linux/mm.h> instead"
#endif

/*
 * The VMA_*_BIT numbers must agree with the VM_* masks of this tree (a mask
 * compiled out to 0 agrees with anything).
 */
#define __VMA_BIT_AGREES(name)						\
	static_assert(VM_ ## name == 0 ||				\
		      VM_ ## name == BIT_ULL((__force int)VMA_ ## name ## _BIT))

__VMA_BIT_AGREES(READ);
__VMA_BIT_AGREES(WRITE);
__VMA_BIT_AGREES(EXEC);
__VMA_BIT_AGREES(SHARED);
__VMA_BIT_AGREES(MAYREAD);
__VMA_BIT_AGREES(MAYWRITE);
__VMA_BIT_AGREES(MAYEXEC);
__VMA_BIT_AGREES(MAYSHARE);
__VMA_BIT_AGREES(GROWSDOWN);
__VMA_BIT_AGREES(UFFD_MISSING);
__VMA_BIT_AGREES(PFNMAP);
__VMA_BIT_AGREES(UFFD_WP);
__VMA_BIT_AGREES(LOCKED);
__VMA_BIT_AGREES(IO);
__VMA_BIT_AGREES(SEQ_READ);
__VMA_BIT_AGREES(RAND_READ);
__VMA_BIT_AGREES(DONTCOPY);
__VMA_BIT_AGREES(DONTEXPAND);
__VMA_BIT_AGREES(LOCKONFAULT);
__VMA_BIT_AGREES(ACCOUNT);
__VMA_BIT_AGREES(NORESERVE);
__VMA_BIT_AGREES(HUGETLB);
__VMA_BIT_AGREES(SYNC);
__VMA_BIT_AGREES(ARCH_1);
__VMA_BIT_AGREES(WIPEONFORK);
__VMA_BIT_AGREES(DONTDUMP);
__VMA_BIT_AGREES(SOFTDIRTY);
__VMA_BIT_AGREES(MIXEDMAP);
__VMA_BIT_AGREES(HUGEPAGE);
__VMA_BIT_AGREES(NOHUGEPAGE);
__VMA_BIT_AGREES(MERGEABLE);
__VMA_BIT_AGREES(STACK);
#ifdef CONFIG_64BIT
__VMA_BIT_AGREES(UFFD_MINOR);
__VMA_BIT_AGREES(ALLOW_ANY_UNCACHED);
__VMA_BIT_AGREES(DROPPABLE);
__VMA_BIT_AGREES(SEALED);
#endif
#ifdef CONFIG_ARCH_USES_HIGH_VMA_FLAGS
__VMA_BIT_AGREES(HIGH_ARCH_0);
__VMA_BIT_AGREES(HIGH_ARCH_5);
#endif
#undef __VMA_BIT_AGREES

/* vma_flags_t */

static inline void vma_flags_clear_all(vma_flags_t *flags)
{
	bitmap_zero(flags->__vma_flags, NUM_VMA_FLAG_BITS);
}

static __always_inline vma_flags_t __mk_vma_flags(size_t count, const vma_flag_t *bits)
{
	vma_flags_t flags;
	size_t i;

	vma_flags_clear_all(&flags);
	for (i = 0; i < count; i++)
		__set_bit((__force int)bits[i], flags.__vma_flags);
	return flags;
}

/**
 * mk_vma_flags - a vma_flags_t holding the bits listed
 * @...: one or more VMA_*_BIT values (not VM_* masks)
 *
 * Not a constant expression.
 */
#define mk_vma_flags(...)						\
	__mk_vma_flags(sizeof((const vma_flag_t []){ __VA_ARGS__ }) /	\
		       sizeof(vma_flag_t),				\
		       (const vma_flag_t []){ __VA_ARGS__ })

/* The old-style mask of the bits that have one (the first word). */
static inline vm_flags_t vma_flags_to_legacy(vma_flags_t flags)
{
	return flags.__vma_flags[0];
}

static inline vma_flags_t legacy_to_vma_flags(vm_flags_t vm_flags)
{
	vma_flags_t flags;

	vma_flags_clear_all(&flags);
	flags.__vma_flags[0] = vm_flags;
	return flags;
}

static inline bool vma_flags_empty(const vma_flags_t *flags)
{
	return bitmap_empty(flags->__vma_flags, NUM_VMA_FLAG_BITS);
}

/* Is the single bit @bit set? */
static __always_inline bool vma_flags_test(const vma_flags_t *flags, vma_flag_t bit)
{
	return test_bit((__force int)bit, flags->__vma_flags);
}

/* Is any of the bits of @to_test set? */
static inline bool vma_flags_test_any_mask(const vma_flags_t *flags, vma_flags_t to_test)
{
	return bitmap_intersects(flags->__vma_flags, to_test.__vma_flags, NUM_VMA_FLAG_BITS);
}

/* Are all of the bits of @to_test set? */
static inline bool vma_flags_test_all_mask(const vma_flags_t *flags, vma_flags_t to_test)
{
	return bitmap_subset(to_test.__vma_flags, flags->__vma_flags, NUM_VMA_FLAG_BITS);
}

static inline void vma_flags_set_mask(vma_flags_t *flags, vma_flags_t to_set)
{
	bitmap_or(flags->__vma_flags, flags->__vma_flags, to_set.__vma_flags,
		  NUM_VMA_FLAG_BITS);
}

static inline void vma_flags_clear_mask(vma_flags_t *flags, vma_flags_t to_clear)
{
	bitmap_andnot(flags->__vma_flags, flags->__vma_flags, to_clear.__vma_flags,
		      NUM_VMA_FLAG_BITS);
}

#define vma_flags_test_any(flags, ...)	\
	vma_flags_test_any_mask(flags, mk_vma_flags(__VA_ARGS__))
#define vma_flags_test_all(flags, ...)	\
	vma_flags_test_all_mask(flags, mk_vma_flags(__VA_ARGS__))
#define vma_flags_set(flags, ...)	\
	vma_flags_set_mask(flags, mk_vma_flags(__VA_ARGS__))
#define vma_flags_clear(flags, ...)	\
	vma_flags_clear_mask(flags, mk_vma_flags(__VA_ARGS__))

/* What a remap action makes of a mapping, and what never merges. */
#define VMA_REMAP_FLAGS	mk_vma_flags(VMA_IO_BIT, VMA_PFNMAP_BIT,		\
				     VMA_DONTEXPAND_BIT, VMA_DONTDUMP_BIT)
#define VMA_SPECIAL_FLAGS mk_vma_flags(VMA_IO_BIT, VMA_DONTEXPAND_BIT,		\
				       VMA_PFNMAP_BIT, VMA_MIXEDMAP_BIT)

/* 7.0 form: the flags by pointer; the vm_flags_t form is _vm_flags(). */
static inline bool is_shared_maywrite(const vma_flags_t *flags)
{
	return vma_flags_test_all(flags, VMA_SHARED_BIT, VMA_MAYWRITE_BIT);
}

#ifndef CONFIG_MMU
/* 7.0 form of is_nommu_shared_mapping(): the descriptor's flags by pointer. */
static inline bool is_nommu_shared_vma_flags(const vma_flags_t *flags)
{
	return vma_flags_test_any(flags, VMA_MAYSHARE_BIT, VMA_MAYOVERLAY_BIT);
}
#endif

/* The same tests on an existing VMA (for .mmap hooks and fault handlers). */

static __always_inline bool vma_test(const struct vm_area_struct *vma, vma_flag_t bit)
{
	return vma->vm_flags & BIT((__force int)bit);
}

static inline bool vma_test_any_mask(const struct vm_area_struct *vma, vma_flags_t flags)
{
	return vma->vm_flags & vma_flags_to_legacy(flags);
}

static inline bool vma_test_all_mask(const struct vm_area_struct *vma, vma_flags_t flags)
{
	vm_flags_t mask = vma_flags_to_legacy(flags);

	return (vma->vm_flags & mask) == mask;
}

static inline void vma_set_flags_mask(struct vm_area_struct *vma, vma_flags_t flags)
{
	vm_flags_set(vma, vma_flags_to_legacy(flags));
}

static inline void vma_clear_flags_mask(struct vm_area_struct *vma, vma_flags_t flags)
{
	vm_flags_clear(vma, vma_flags_to_legacy(flags));
}

#define vma_test_any(vma, ...)	vma_test_any_mask(vma, mk_vma_flags(__VA_ARGS__))
#define vma_test_all(vma, ...)	vma_test_all_mask(vma, mk_vma_flags(__VA_ARGS__))
#define vma_set_flags(vma, ...)	vma_set_flags_mask(vma, mk_vma_flags(__VA_ARGS__))
#define vma_clear_flags(vma, ...)	vma_clear_flags_mask(vma, mk_vma_flags(__VA_ARGS__))

/* The descriptor */

static inline unsigned long vma_desc_size(const struct vm_area_desc *desc)
{
	return desc->end - desc->start;
}

static inline unsigned long vma_desc_pages(const struct vm_area_desc *desc)
{
	return vma_desc_size(desc) >> PAGE_SHIFT;
}

static __always_inline bool vma_desc_test(const struct vm_area_desc *desc, vma_flag_t bit)
{
	return vma_flags_test(&desc->vma_flags, bit);
}

static inline bool vma_desc_test_any_mask(const struct vm_area_desc *desc, vma_flags_t flags)
{
	return vma_flags_test_any_mask(&desc->vma_flags, flags);
}

static inline bool vma_desc_test_all_mask(const struct vm_area_desc *desc, vma_flags_t flags)
{
	return vma_flags_test_all_mask(&desc->vma_flags, flags);
}

static inline void vma_desc_set_flags_mask(struct vm_area_desc *desc, vma_flags_t flags)
{
	vma_flags_set_mask(&desc->vma_flags, flags);
}

static inline void vma_desc_clear_flags_mask(struct vm_area_desc *desc, vma_flags_t flags)
{
	vma_flags_clear_mask(&desc->vma_flags, flags);
}

#define vma_desc_test_any(desc, ...)	\
	vma_desc_test_any_mask(desc, mk_vma_flags(__VA_ARGS__))
#define vma_desc_test_all(desc, ...)	\
	vma_desc_test_all_mask(desc, mk_vma_flags(__VA_ARGS__))
#define vma_desc_set_flags(desc, ...)	\
	vma_desc_set_flags_mask(desc, mk_vma_flags(__VA_ARGS__))
#define vma_desc_clear_flags(desc, ...)	\
	vma_desc_clear_flags_mask(desc, mk_vma_flags(__VA_ARGS__))

/* Private and writable: writes go to anonymous copies of the pages. */
static inline bool vma_desc_is_cow_mapping(struct vm_area_desc *desc)
{
	return vma_desc_test(desc, VMA_MAYWRITE_BIT) && !vma_desc_test(desc, VMA_SHARED_BIT);
}

/*
 * Make the mapping anonymous while it keeps its file (/dev/zero private
 * mappings).  The only way to set vm_ops to NULL.
 */
static inline void vma_desc_set_anonymous(struct vm_area_desc *desc)
{
	desc->vm_ops = NULL;
}

static inline bool range_is_subset(unsigned long outer_start, unsigned long outer_end,
				   unsigned long inner_start, unsigned long inner_end)
{
	return outer_start <= inner_start && inner_end <= outer_end;
}

/* Does [start, end) lie within the mapping being prepared? */
static inline bool range_in_vma_desc(const struct vm_area_desc *desc, unsigned long start,
				     unsigned long end)
{
	return range_is_subset(desc->start, desc->end, start, end);
}

/*
 * Actions.  A hook requests at most one; the core performs it once the VMA
 * exists (and fails the mmap with -EFAULT when the range is not within the
 * descriptor).  The remap helpers take the protection from desc->page_prot
 * when they are called: set it first.
 */

static inline void mmap_action_remap(struct vm_area_desc *desc, unsigned long start,
				     unsigned long start_pfn, unsigned long size)
{
	struct mmap_action *action = &desc->action;

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

static inline void mmap_action_ioremap_full(struct vm_area_desc *desc, unsigned long start_pfn)
{
	mmap_action_ioremap(desc, desc->start, start_pfn, vma_desc_size(desc));
}

/* Map [start_phys_addr, start_phys_addr + size) the way vm_iomap_memory() does. */
static inline void mmap_action_simple_ioremap(struct vm_area_desc *desc,
					      phys_addr_t start_phys_addr, unsigned long size)
{
	struct mmap_action *action = &desc->action;

	action->type = MMAP_SIMPLE_IO_REMAP;
	action->simple_ioremap.start_phys_addr = start_phys_addr;
	action->simple_ioremap.size = size;
}

/* Insert @nr_pages of @pages from @start; the array must outlive the hook. */
static inline void mmap_action_map_kernel_pages(struct vm_area_desc *desc, unsigned long start,
						struct page **pages, unsigned long nr_pages)
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

/* mm core only: drivers request actions, the core performs them. */
int mmap_action_prepare(struct vm_area_desc *desc);
int mmap_action_complete(struct vm_area_struct *vma, struct mmap_action *action,
			 bool is_compat);
int map_kernel_pages_prepare(struct vm_area_desc *desc);
int map_kernel_pages_complete(struct vm_area_struct *vma, struct mmap_action *action);

#endif /* _LINUX_MMAP_PREPARE_BACKPORT_H */
