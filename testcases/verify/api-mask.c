// SPDX-License-Identifier: GPL-2.0
/* The VMA flag helpers take VMA_*_BIT numbers: gcc accepts a VM_* mask, sparse does not. */
#include <linux/mm.h>

int mask_prepare(struct vm_area_desc *desc);
int mask_prepare(struct vm_area_desc *desc)
{
	vma_desc_set_flags(desc, VM_IO);
	return vma_desc_test(desc, VM_SHARED) ? 0 : -EINVAL;
}
