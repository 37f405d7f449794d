/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DRV_PRIV_H
#define DRV_PRIV_H

struct file;
struct vm_area_struct;

int good_mmap(struct file *file, struct vm_area_struct *vma);
int stuck_mmap(struct file *file, struct vm_area_struct *vma);

#endif
