// SPDX-License-Identifier: GPL-2.0
/*
 * The March 2026 crash shape, in our own code: a stacking driver's .mmap bridge declares
 * a descriptor with no initializer, a helper in this file fills the fields it thinks the
 * lower hook needs, the address goes to the lower file's hook through a function pointer,
 * and then a completion helper tests and calls the success hook, which is stack garbage.
 *
 * check-name: desc-uninit: March 2026 compat bridge crash
 * check-command: mmprep-check --api=7.1 $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

/* Copies the VMA into the descriptor; leaves vm_ops, private_data and the action hooks. */
static void relay_fill_desc(struct vm_area_desc *desc, struct file *file,
			    struct vm_area_struct *vma)
{
	desc->mm = vma->vm_mm;
	desc->file = file;
	desc->start = vma->vm_start;
	desc->end = vma->vm_end;
	desc->pgoff = vma->vm_pgoff;
	desc->vm_file = vma->vm_file;
	desc->vma_flags.__vma_flags[0] = vma->vm_flags;
	desc->page_prot = vma->vm_page_prot;
	desc->action.type = MMAP_NOTHING;
}

static int relay_finish(struct vm_area_struct *vma, struct mmap_action *action, int err)
{
	if (!err && action->success_hook)
		err = action->success_hook(vma);
	if (err && action->error_hook)
		err = action->error_hook(err);
	return err;
}

static int relay_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;
	struct vm_area_desc desc;
	int err;

	relay_fill_desc(&desc, lower, vma);
	err = lower->f_op->mmap_prepare(&desc);
	if (err)
		return err;
	return relay_finish(vma, &desc.action, 0);
}

const struct file_operations relay_fops = {
	.mmap = relay_mmap,
};

/*
 * check-output-start
desc-uninit-march-2026.c:31:22: note: relay_finish(): reads action.success_hook; success_hook hands the driver the VMA and is removed in 7.2: do work on the new mapping in vm_ops->mapped instead [action-hook]
desc-uninit-march-2026.c:32:17: note: relay_finish(): reads action.success_hook; success_hook hands the driver the VMA and is removed in 7.2: do work on the new mapping in vm_ops->mapped instead [action-hook]
desc-uninit-march-2026.c:33:21: note: relay_finish(): reads action.error_hook; error_hook is removed in 7.2, where a constant desc->action.error_override = -E...; replaces it [action-hook]
desc-uninit-march-2026.c:34:17: note: relay_finish(): reads action.error_hook; error_hook is removed in 7.2, where a constant desc->action.error_override = -E...; replaces it [action-hook]
desc-uninit-march-2026.c:45:8: warning: relay_mmap(): the address of 'desc' is passed to the indirect call lower->f_op->mmap_prepare() while fields vm_ops, private_data, action.remap, action.success_hook, action.error_hook, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
 * check-output-end
 */
