/* SPDX-License-Identifier: GPL-2.0 */
#ifndef XF_H
#define XF_H

struct file;
struct vm_area_struct;

extern int xf_mmap(struct file *file, struct vm_area_struct *vma);
extern int xf_strict_mmap(struct file *file,
			  struct vm_area_struct *vma);

#endif
