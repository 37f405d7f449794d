// SPDX-License-Identifier: GPL-2.0
/* widget: maps a device buffer with an mmap_prepare hook. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

struct widget {
	phys_addr_t base;
	unsigned long size;
};

static int widget_mmap_prepare(struct vm_area_desc *desc)
{
	struct widget *w = desc->file->private_data;

	if (vma_desc_size(desc) > w->size)
		return -EINVAL;
	desc->page_prot = pgprot_writecombine(desc->page_prot);
	mmap_action_remap_full(desc, PHYS_PFN(w->base) + desc->pgoff);
	return 0;
}

static const struct file_operations widget_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= widget_mmap_prepare,
};

const struct file_operations *widget_get_fops(void);

const struct file_operations *widget_get_fops(void)
{
	return &widget_fops;
}
