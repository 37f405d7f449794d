/* SPDX-License-Identifier: GPL-2.0 */
#ifndef WIDGET_H
#define WIDGET_H

struct file;
struct vm_area_struct;

int widget_mmap(struct file *file, struct vm_area_struct *vma);

#endif
