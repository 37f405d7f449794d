// SPDX-License-Identifier: GPL-2.0
/* A hook defined here and bound in another file: it converts. */
#include <linux/fs.h>
#include <linux/mm.h>
#include "priv.h"

int good_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}
