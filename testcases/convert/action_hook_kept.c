// SPDX-License-Identifier: GPL-2.0
/* Hook functions that are also used elsewhere stay. */
#include <linux/fs.h>
#include <linux/mm.h>

static int bar_error(int err)
{
	return -EIO;
}

static int bar_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = bar_error;
	return 0;
}

/* Also called directly: the function stays. */
static int bar_status(int err)
{
	return err ? bar_error(err) : 0;
}

/* Not static: another file may use it, so it stays. */
int bar_anon_success(const struct vm_area_struct *vma)
{
	vma_set_anonymous((struct vm_area_struct *)vma);
	return 0;
}

static int bar_anon_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.success_hook = bar_anon_success;
	return 0;
}

static const struct file_operations bar_fops = {
	.mmap_prepare = bar_mmap_prepare,
};

static const struct file_operations bar_anon_fops = {
	.mmap_prepare = bar_anon_mmap_prepare,
};
