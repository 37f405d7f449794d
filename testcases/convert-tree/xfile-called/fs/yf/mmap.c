// SPDX-License-Identifier: GPL-2.0
/* A hook defined here, bound in file.c and also called from dax.c. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include "yf.h"

int yf_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

/* Only bound elsewhere, but its header is included by a file that calls
 * the other hook: it is converted on its own. */
int yf_lone_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

/* The same name as a static function of another file. */
int yf_shadow_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

/* Also bound by an ops table of another type: it cannot follow. */
int yf_dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}
