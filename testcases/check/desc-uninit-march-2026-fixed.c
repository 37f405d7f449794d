// SPDX-License-Identifier: GPL-2.0
/*
 * The March 2026 bridge with the v4 fix: the descriptor is zeroed before the helper fills
 * it, so the hooks are NULL when the completion helper tests them. desc-uninit must be
 * quiet; only the reads of the hooks themselves (action-hook) remain.
 *
 * check-name: desc-uninit: March 2026 bridge, memset fix
 * check-command: mmprep-check --api=7.1 $file
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

static void relay_fill_desc(struct vm_area_desc *desc, struct file *file,
			    struct vm_area_struct *vma)
{
	memset(desc, 0, sizeof(*desc));
	desc->mm = vma->vm_mm;
	desc->file = file;
	desc->start = vma->vm_start;
	desc->end = vma->vm_end;
	desc->pgoff = vma->vm_pgoff;
	desc->vm_file = vma->vm_file;
	desc->page_prot = vma->vm_page_prot;
	desc->action.type = MMAP_NOTHING;
}

static int relay_finish(struct vm_area_struct *vma, struct mmap_action *action, int err)
{
	if (!err && action->success_hook)
		err = action->success_hook(vma);
	return err;
}

/* The fix as posted: memset in the helper. */
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

/* The same fix in the caller. */
static int relay_mmap_caller_memset(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;
	struct vm_area_desc desc;
	int err;

	memset(&desc, 0, sizeof(desc));
	desc.start = vma->vm_start;
	desc.end = vma->vm_end;
	err = vfs_mmap_prepare(lower, &desc);
	if (err)
		return err;
	return relay_finish(vma, &desc.action, 0);
}

/* The 6.19/7.0 shape: a designated initializer zeroes every field it does not name. */
static int relay_mmap_designated(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;
	struct vm_area_desc desc = {
		.mm = vma->vm_mm,
		.file = lower,
		.start = vma->vm_start,
		.end = vma->vm_end,
		.pgoff = vma->vm_pgoff,
		.vm_file = vma->vm_file,
		.page_prot = vma->vm_page_prot,
		.action.type = MMAP_NOTHING,
	};
	int err = vfs_mmap_prepare(lower, &desc);

	return err ? err : relay_finish(vma, &desc.action, 0);
}

/* 7.1+: the real helper memsets. */
static int relay_mmap_compat(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;
	struct vm_area_desc desc;
	int err;

	compat_set_desc_from_vma(&desc, lower, vma);
	err = vfs_mmap_prepare(lower, &desc);
	if (!err)
		err = __compat_vma_mmap(&desc, vma);
	return err;
}

const struct file_operations relay_fops[] = {
	{ .mmap = relay_mmap },
	{ .mmap = relay_mmap_caller_memset },
	{ .mmap = relay_mmap_designated },
	{ .mmap = relay_mmap_compat },
};

/*
 * check-output-start
desc-uninit-march-2026-fixed.c:30:22: note: relay_finish(): reads action.success_hook; success_hook hands the driver the VMA and is removed in 7.2: do work on the new mapping in vm_ops->mapped instead [action-hook]
desc-uninit-march-2026-fixed.c:31:17: note: relay_finish(): reads action.success_hook; success_hook hands the driver the VMA and is removed in 7.2: do work on the new mapping in vm_ops->mapped instead [action-hook]
 * check-output-end
 */
