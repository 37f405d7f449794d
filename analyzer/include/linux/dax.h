/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DAX_H
#define _LINUX_DAX_H

#include <linux/mm.h>
#include <linux/mmprep_api.h>

struct dax_device;
struct dax_operations;

#define IS_DAX(inode)	false
int dax_read_lock(void);
void dax_read_unlock(int id);
bool dax_alive(struct dax_device *dax_dev);
void *dax_get_private(struct dax_device *dax_dev);
long dax_direct_access(struct dax_device *dax_dev, pgoff_t pgoff, long nr_pages,
		       int mode, void **kaddr, void *pfn);
bool daxdev_mapping_supported(struct vm_area_struct *vma, struct dax_device *dax_dev);
#if MMPREP_API >= 700
bool daxdev_mapping_supported_desc(struct vm_area_desc *desc, struct dax_device *dax_dev);
#endif
vm_fault_t dax_iomap_fault(struct vm_fault *vmf, unsigned int order, void *pfnp,
			   int *errp, const void *ops);
vm_fault_t dax_finish_sync_fault(struct vm_fault *vmf, unsigned int order, void *pfn);

#endif
