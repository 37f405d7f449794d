// SPDX-License-Identifier: GPL-2.0
/* A PCI BAR exported with vm_iomap_memory(). */
#include <linux/fs.h>
#include <linux/mm.h>

struct bar_dev {
	phys_addr_t start;
	unsigned long len;
};

static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar_dev *bd = file->private_data;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, bd->start, bd->len);
}

static const struct file_operations bar_fops = {
	.mmap = bar_mmap,
};
