// SPDX-License-Identifier: GPL-2.0
/* Logs the result of the remap: the action runs after the hook returns. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/printk.h>

static unsigned long win_pfn;

static int noisy_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = remap_pfn_range(vma, vma->vm_start, win_pfn,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
	if (ret)
		pr_err("noisy: remap failed: %d\n", ret);
	return ret;
}

static const struct file_operations noisy_fops = {
	.mmap = noisy_mmap,
};
