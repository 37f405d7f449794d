// SPDX-License-Identifier: GPL-2.0
/*
 * 7.1 bridges from .mmap to a driver-private prepare hook: one forgets __compat_vma_mmap()
 * (reported); the others complete the descriptor themselves, through a helper of this
 * file, or hand it to a function defined elsewhere (not reported).
 *
 * check-name: compat-complete
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uio_driver.h>

int bridge_finish_elsewhere(struct vm_area_desc *desc, struct vm_area_struct *vma);

static int bridge_hook(struct uio_info *info, struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, info->mem[0].addr >> PAGE_SHIFT);
	return 0;
}

static int bridge_forgets(struct file *file, struct vm_area_struct *vma)
{
	struct uio_info *info = file->private_data;
	struct vm_area_desc desc;

	compat_set_desc_from_vma(&desc, file, vma);
	return bridge_hook(info, &desc);
}

static int bridge_ok(struct file *file, struct vm_area_struct *vma)
{
	struct uio_info *info = file->private_data;
	struct vm_area_desc desc;
	int err;

	compat_set_desc_from_vma(&desc, file, vma);
	err = bridge_hook(info, &desc);
	if (err)
		return err;
	return __compat_vma_mmap(&desc, vma);
}

static int bridge_complete(struct vm_area_desc *desc, struct vm_area_struct *vma)
{
	return __compat_vma_mmap(desc, vma);
}

static int bridge_via_helper(struct file *file, struct vm_area_struct *vma)
{
	struct uio_info *info = file->private_data;
	struct vm_area_desc desc;
	int err;

	compat_set_desc_from_vma(&desc, file, vma);
	err = info->mmap_prepare(info, &desc);
	return err ? err : bridge_complete(&desc, vma);
}

static int bridge_elsewhere(struct file *file, struct vm_area_struct *vma)
{
	struct uio_info *info = file->private_data;
	struct vm_area_desc desc;

	compat_set_desc_from_vma(&desc, file, vma);
	if (bridge_hook(info, &desc))
		return -EINVAL;
	return bridge_finish_elsewhere(&desc, vma);
}

const struct file_operations bridge_fops[] = {
	{ .mmap = bridge_forgets },
	{ .mmap = bridge_ok },
	{ .mmap = bridge_via_helper },
	{ .mmap = bridge_elsewhere },
};

/*
 * check-output-start
compat-complete.c:26:2: warning: bridge_forgets(): the descriptor built by compat_set_desc_from_vma() never reaches __compat_vma_mmap(); without it the VMA keeps its old fields, the action is not run and vm_ops->mapped is not called: call __compat_vma_mmap(&desc, vma) when the hook succeeds [compat-complete]
 * check-output-end
 */
