// SPDX-License-Identifier: GPL-2.0
/* Remaps that are not the last statement and what follows does more than
 * set fields, release the hook's lock and return 0. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/printk.h>

static DEFINE_MUTEX(win_mutex);
static unsigned long win_pfn;

static const struct vm_operations_struct win_vm_ops = {
};

/* Logs after the remap: the action runs after the hook returns. */
static int chatty_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (remap_pfn_range(vma, vma->vm_start, win_pfn,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return -EAGAIN;
	vma->vm_ops = &win_vm_ops;
	pr_debug("win: mapped %lx\n", win_pfn);
	return 0;
}

/* Changes the protection after the remap has used it. */
static int late_prot_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (remap_pfn_range(vma, vma->vm_start, win_pfn,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return -EAGAIN;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return 0;
}

/* Decides something after the remap. */
static int branchy_mmap(struct file *file, struct vm_area_struct *vma)
{
	mutex_lock(&win_mutex);
	if (remap_pfn_range(vma, vma->vm_start, win_pfn,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot)) {
		mutex_unlock(&win_mutex);
		return -EAGAIN;
	}
	if (file->private_data)
		vma->vm_ops = &win_vm_ops;
	mutex_unlock(&win_mutex);
	return 0;
}

/* The error branch does more than release the lock. */
static int undo_mmap(struct file *file, struct vm_area_struct *vma)
{
	mutex_lock(&win_mutex);
	if (remap_pfn_range(vma, vma->vm_start, win_pfn,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot)) {
		win_pfn = 0;
		mutex_unlock(&win_mutex);
		return -EAGAIN;
	}
	vma->vm_ops = &win_vm_ops;
	mutex_unlock(&win_mutex);
	return 0;
}

static const struct file_operations chatty_fops = {
	.mmap = chatty_mmap,
};

static const struct file_operations late_prot_fops = {
	.mmap = late_prot_mmap,
};

static const struct file_operations branchy_fops = {
	.mmap = branchy_mmap,
};

static const struct file_operations undo_fops = {
	.mmap = undo_mmap,
};
