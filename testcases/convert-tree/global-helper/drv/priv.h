/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DRV_PRIV_H
#define DRV_PRIV_H

#include <linux/mm.h>

struct file;
struct vm_area_struct;

int stuck_mmap(struct file *file, struct vm_area_struct *vma);

/* Whether the board can map this area: only reads it. */
static inline bool drv_mapping_ok(struct vm_area_struct *vma)
{
	return !(vma->vm_flags & VM_SYNC);
}

#endif
