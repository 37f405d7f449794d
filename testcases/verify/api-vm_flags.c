// SPDX-License-Identifier: GPL-2.0
/* 7.0 removed desc->vm_flags: the flags are desc->vma_flags. */
#include <linux/mm.h>

int vm_flags_prepare(struct vm_area_desc *desc);
int vm_flags_prepare(struct vm_area_desc *desc)
{
	desc->vm_flags |= VM_IO;
	return 0;
}
