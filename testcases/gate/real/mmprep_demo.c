// SPDX-License-Identifier: GPL-2.0
/* mmprep_demo: a new driver with a VMA lookup in its prepare hook. */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>

static int mmprep_demo_mmap_prepare(struct vm_area_desc *desc)
{
	struct vm_area_struct *prev = find_vma(desc->mm, desc->start - PAGE_SIZE);

	if (prev && prev->vm_end == desc->start)
		return -EBUSY;
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static const struct file_operations mmprep_demo_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= mmprep_demo_mmap_prepare,
};

static struct miscdevice mmprep_demo_dev = {
	.minor		= MISC_DYNAMIC_MINOR,
	.name		= "mmprep_demo",
	.fops		= &mmprep_demo_fops,
};
module_misc_device(mmprep_demo_dev);

MODULE_DESCRIPTION("mmprep-gate test driver");
MODULE_LICENSE("GPL");
