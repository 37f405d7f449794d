/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PFN_T_H
#define _LINUX_PFN_T_H

#include <linux/types.h>
#include <asm/page.h>

typedef struct {
	u64 val;
} pfn_t;

#define PFN_FLAGS_MASK	(((u64)(~PAGE_MASK)) << (64 - PAGE_SHIFT))
#define PFN_SG_CHAIN	(1ULL << (64 - 1))
#define PFN_SG_LAST	(1ULL << (64 - 2))
#define PFN_DEV		(1ULL << (64 - 3))
#define PFN_MAP		(1ULL << (64 - 4))
static inline pfn_t __pfn_to_pfn_t(unsigned long pfn, u64 flags)
{
	pfn_t pfn_t = { .val = pfn | (flags & PFN_FLAGS_MASK) };

	return pfn_t;
}
static inline pfn_t pfn_to_pfn_t(unsigned long pfn)
{
	return __pfn_to_pfn_t(pfn, 0);
}
static inline pfn_t phys_to_pfn_t(phys_addr_t addr, u64 flags)
{
	return __pfn_to_pfn_t(addr >> PAGE_SHIFT, flags);
}
static inline unsigned long pfn_t_to_pfn(pfn_t pfn)
{
	return pfn.val & ~PFN_FLAGS_MASK;
}

#endif
