/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IOMMU_H
#define _LINUX_IOMMU_H

#include <linux/device.h>
#include <linux/gfp.h>

struct iommu_domain;

#define IOMMU_READ	(1 << 0)
#define IOMMU_WRITE	(1 << 1)
#define IOMMU_CACHE	(1 << 2)
#define IOMMU_MMIO	(1 << 4)
struct iommu_domain *iommu_get_domain_for_dev(struct device *dev);
int iommu_map(struct iommu_domain *domain, unsigned long iova, phys_addr_t paddr,
	      size_t size, int prot, gfp_t gfp);
size_t iommu_unmap(struct iommu_domain *domain, unsigned long iova, size_t size);
phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova);

#endif
