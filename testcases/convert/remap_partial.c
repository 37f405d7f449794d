// SPDX-License-Identifier: GPL-2.0
/* Maps a register page at an offset inside the VMA. */
#include <linux/fs.h>
#include <linux/mm.h>

#define REGS_PFN	0x12340UL

static int regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long off = PAGE_SIZE;

	if (vma->vm_end - vma->vm_start < 2 * PAGE_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start + off, REGS_PFN, PAGE_SIZE,
			       vma->vm_page_prot);
}

static const struct file_operations regs_fops = {
	.mmap = regs_mmap,
};
