/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HUGETLB_H
#define _LINUX_HUGETLB_H

#include <linux/mm.h>

struct hstate;

bool is_vm_hugetlb_page(struct vm_area_struct *vma);
bool is_file_hugepages(const struct file *file);
struct hstate *hstate_file(struct file *f);
struct hstate *hstate_vma(struct vm_area_struct *vma);
unsigned long huge_page_size(const struct hstate *h);
unsigned long huge_page_mask(const struct hstate *h);
unsigned int huge_page_shift(const struct hstate *h);

#endif
