// SPDX-License-Identifier: GPL-2.0
/*
 * Actions written by hand: the type, the remap union, hide_from_rmap_until_complete, the
 * whole action through a pointer, and calls of the core's own prepare/complete steps.
 *
 * check-name: action-direct: positives
 */
#include <linux/fs.h>
#include <linux/mm.h>

static void adev_set_type(struct mmap_action *action)
{
	action->type = MMAP_REMAP_PFN;
}

static int adev_prepare(struct vm_area_desc *desc)
{
	struct mmap_action *action = &desc->action;

	adev_set_type(action);
	desc->action.remap.start = desc->start;
	desc->action.remap.start_pfn = desc->pgoff;
	desc->action.remap.size = vma_desc_size(desc);
	action->remap.pgprot = desc->page_prot;
	desc->action.hide_from_rmap_until_complete = true;
	return 0;
}

static int adev_prepare_core(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	return mmap_action_prepare(desc);
}

static int adev_bridge(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc = {};
	int err;

	compat_set_desc_from_vma(&desc, file, vma);
	err = adev_prepare_core(&desc);
	return err ? err : mmap_action_complete(vma, &desc.action, true);
}

const struct file_operations adev_fops[] = {
	{ .mmap_prepare = adev_prepare },
	{ .mmap = adev_bridge },
};

/*
 * check-output-start
action-direct.c:13:2: warning: adev_set_type(): writes action->type by hand in adev_set_type(), called from the prepare hook adev_prepare(); request the action with an mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), ...), which fills type and range together [action-direct]
action-direct.c:21:2: warning: adev_prepare(): writes desc->action.remap.start by hand in the mmap_prepare hook adev_prepare(); request the action with an mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), ...), which fills type and range together [action-direct]
action-direct.c:22:2: warning: adev_prepare(): writes desc->action.remap.start_pfn by hand in the mmap_prepare hook adev_prepare(); request the action with an mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), ...), which fills type and range together [action-direct]
action-direct.c:23:2: warning: adev_prepare(): writes desc->action.remap.size by hand in the mmap_prepare hook adev_prepare(); request the action with an mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), ...), which fills type and range together [action-direct]
action-direct.c:24:2: warning: adev_prepare(): writes action->remap.pgprot by hand in the mmap_prepare hook adev_prepare(); request the action with an mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), ...), which fills type and range together [action-direct]
action-direct.c:25:2: warning: adev_prepare(): sets desc->action.hide_from_rmap_until_complete in the mmap_prepare hook adev_prepare(); it is for the mm core and hugetlb only (and forced off for stacked callers): drop it [action-direct]
action-direct.c:32:9: warning: adev_prepare_core(): calls mmap_action_prepare(), an mm-internal step of running an action; a driver only requests one with an mmap_action_*() helper and the core runs it [action-direct]
action-direct.c:40:2: warning: adev_bridge(): the descriptor built by compat_set_desc_from_vma() never reaches __compat_vma_mmap(); without it the VMA keeps its old fields, the action is not run and vm_ops->mapped is not called: call __compat_vma_mmap(&desc, vma) when the hook succeeds [compat-complete]
action-direct.c:42:21: warning: adev_bridge(): calls mmap_action_complete(), an mm-internal step of running an action; a driver only requests one with an mmap_action_*() helper and the core runs it [action-direct]
 * check-output-end
 */
