// SPDX-License-Identifier: GPL-2.0
/*
 * Input of action-direct-tree.c: mm core code, which runs actions itself (R9): it writes
 * the action, sets hide_from_rmap_until_complete and calls the prepare and complete steps.
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int core_call_prepare(struct file *file, struct vm_area_desc *desc)
{
	return file->f_op->mmap_prepare(desc);
}

int core_mmap_region(struct file *file, struct vm_area_desc *desc)
{
	int err = core_call_prepare(file, desc);

	if (err)
		return err;
	desc->action.hide_from_rmap_until_complete = false;
	desc->action.type = MMAP_NOTHING;
	return mmap_action_prepare(desc);
}

int core_complete(struct vm_area_struct *vma, struct vm_area_desc *desc)
{
	return mmap_action_complete(vma, &desc->action, false);
}
