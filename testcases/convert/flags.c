// SPDX-License-Identifier: GPL-2.0
/* Flag tests and updates of every shape. */
#include <linux/fs.h>
#include <linux/mm.h>

static int flg_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & (VM_EXEC | VM_MAYEXEC))
		return -EPERM;
	if ((vma->vm_flags & (VM_WRITE | VM_MAYWRITE)) == (VM_WRITE | VM_MAYWRITE))
		vm_flags_mod(vma, VM_DONTCOPY, VM_MAYSHARE);
	if (is_cow_mapping(vma->vm_flags))
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations flg_fops = {
	.mmap = flg_mmap,
};
