/* SPDX-License-Identifier: GPL-2.0 */
/* Whether a synchronous mapping is supported: a helper of two file systems. */
#ifndef _LINUX_PGSYNC_H
#define _LINUX_PGSYNC_H

#include <linux/fs.h>
#include <linux/mm.h>

struct pg_dev {
	bool sync;
};

#ifdef CONFIG_PG_SYNC
/*
 * Check if given mapping is supported by the file / underlying device.
 */
static inline bool pgdev_mapping_supported(struct vm_area_struct *vma,
					   struct pg_dev *pg)
{
	if (!(vma->vm_flags & VM_SYNC))
		return true;
	if (!vma->vm_file)
		return false;
	return pg->sync;
}
#else
static inline bool pgdev_mapping_supported(struct vm_area_struct *vma,
				struct pg_dev *pg)
{
	return !(vma->vm_flags & VM_SYNC);
}
#endif

#endif
