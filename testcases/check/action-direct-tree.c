// SPDX-License-Identifier: GPL-2.0
/*
 * action-direct is quiet where R9 allows: in the mm core (the tree's top mm/ folder, found
 * by resolving the path up to the tree top, or a path given as mm/... when no tree top is
 * above it) and for hugetlbfs's own hide_from_rmap_until_complete; a driver elsewhere in
 * the same tree, and this file (no tree above it), are still reported. The tree is
 * trees/ktree (Kconfig, Kbuild and mm/ mark its top).
 *
 * check-name: action-direct: quiet in mm/ and for hugetlbfs's own field
 * check-command: mmprep-check --shims trees/ktree/mm/vma_action.c trees/ktree/fs/hugetlbfs/hfs_inode.c trees/ktree/drivers/misc/hdev.c trees/mm/action_steps.c $file; mmprep-check --shims "$PWD/trees/ktree/mm/vma_action.c"; (cd trees && mmprep-check --shims mm/action_steps.c); cd trees/ktree && mmprep-check --shims mm/vma_action.c ./mm/vma_action.c
 * check-exit-value: 0
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int tdev_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.hide_from_rmap_until_complete = true;
	return 0;
}

int tdev_core_complete(struct vm_area_struct *vma, struct vm_area_desc *desc)
{
	return mmap_action_complete(vma, &desc->action, false);
}

const struct file_operations tdev_fops = {
	.mmap_prepare = tdev_mmap_prepare,
};

/*
 * check-output-start
action-direct-tree.c:18:2: warning: tdev_mmap_prepare(): sets desc->action.hide_from_rmap_until_complete in the mmap_prepare hook tdev_mmap_prepare(); it is for the mm core and hugetlb only (and forced off for stacked callers): drop it [action-direct]
action-direct-tree.c:24:9: warning: tdev_core_complete(): calls mmap_action_complete(), an mm-internal step of running an action; a driver only requests one with an mmap_action_*() helper and the core runs it [action-direct]
trees/ktree/drivers/misc/hdev.c:11:2: warning: hdev_mmap_prepare(): sets desc->action.hide_from_rmap_until_complete in the mmap_prepare hook hdev_mmap_prepare(); it is for the mm core and hugetlb only (and forced off for stacked callers): drop it [action-direct]
trees/ktree/drivers/misc/hdev.c:13:9: warning: hdev_mmap_prepare(): calls mmap_action_prepare(), an mm-internal step of running an action; a driver only requests one with an mmap_action_*() helper and the core runs it [action-direct]
trees/ktree/fs/hugetlbfs/hfs_inode.c:12:2: warning: hfs_mmap_prepare(): writes desc->action.type by hand in the mmap_prepare hook hfs_mmap_prepare(); request the action with an mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), ...), which fills type and range together [action-direct]
trees/mm/action_steps.c:12:9: warning: steps_complete(): calls mmap_action_complete(), an mm-internal step of running an action; a driver only requests one with an mmap_action_*() helper and the core runs it [action-direct]
 * check-output-end
 */
