// SPDX-License-Identifier: GPL-2.0
/* 7.1 renamed vma_desc_test_flags() to vma_desc_test_any(). */
#include <linux/mm.h>

int test_flags_prepare(struct vm_area_desc *desc);
int test_flags_prepare(struct vm_area_desc *desc)
{
	return vma_desc_test_flags(desc, VMA_IO_BIT) ? -EINVAL : 0;
}
