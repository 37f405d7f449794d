/* SPDX-License-Identifier: GPL-2.0 */
#ifndef YF_H
#define YF_H

struct file;
struct vm_area_struct;

int yf_mmap(struct file *file, struct vm_area_struct *vma);
int yf_lone_mmap(struct file *file, struct vm_area_struct *vma);
int yf_dev_mmap(struct file *file, struct vm_area_struct *vma);

#endif
