// SPDX-License-Identifier: GPL-2.0
/*
 * The crash shape without the lower hook in between: the partly filled action goes
 * straight to a completion helper in this file that reads the hook fields. The finding is
 * at the call and names what the helper reads.
 *
 * check-name: desc-uninit: same-file callee reads an unwritten hook
 * check-command: mmprep-check --api=7.1 --disable=action-hook $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int bridge_finish(struct vm_area_struct *vma, struct mmap_action *action)
{
	if (action->type == MMAP_NOTHING && action->success_hook)
		return action->success_hook(vma);
	return 0;
}

static void bridge_fill(struct vm_area_desc *desc, struct vm_area_struct *vma)
{
	desc->start = vma->vm_start;
	desc->end = vma->vm_end;
	desc->action.type = MMAP_NOTHING;
}

static int bridge_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	(void)file;
	bridge_fill(&desc, vma);
	return bridge_finish(vma, &desc.action);
}

const struct file_operations bridge_fops = {
	.mmap = bridge_mmap,
};

/*
 * check-output-start
desc-uninit-read-callee.c:33:9: warning: bridge_mmap(): the address of 'desc.action' is passed to bridge_finish(), which reads it while field action.success_hook of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
 * check-output-end
 */
