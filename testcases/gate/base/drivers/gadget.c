// SPDX-License-Identifier: GPL-2.0
/* gadget: one mapping per address space, checked from ioctl. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

struct gadget {
	struct mm_struct *owner;
};

static bool gadget_busy(struct mm_struct *mm, unsigned long addr)
{
	return find_vma(mm, addr) != NULL;
}

static long gadget_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct gadget *g = file->private_data;

	if (cmd != 1)
		return -ENOTTY;
	return gadget_busy(g->owner, arg) ? -EBUSY : 0;
}

static int gadget_mmap_prepare(struct vm_area_desc *desc)
{
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static const struct file_operations gadget_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= gadget_ioctl,
	.mmap_prepare	= gadget_mmap_prepare,
};

const struct file_operations *gadget_get_fops(void);

const struct file_operations *gadget_get_fops(void)
{
	return &gadget_fops;
}
