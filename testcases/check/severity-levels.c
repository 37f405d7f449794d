// SPDX-License-Identifier: GPL-2.0
/*
 * Valid 7.1 code: an errno filter in error_hook (the /dev/mem shape) and a success_hook
 * that makes a private mapping anonymous (the /dev/zero shape). At --api=7.1 the hooks are
 * API that 7.2 removes: notes that name 7.2, "severity": "note" in JSON, exit 0. The same
 * code at --api=7.2 (no such fields) is a warning and exit 1.
 *
 * check-name: severity: notes below the removing level, warnings from it on
 * check-command: mmprep-check --api=7.1 --format=json $file; mmprep-check --api=7.2 $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int sdev_filter_error(int err)
{
	return err == -ENOMEM ? -EAGAIN : err;
}

static int sdev_mem_prepare(struct vm_area_desc *desc)
{
	desc->page_prot = pgprot_noncached(desc->page_prot);
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = sdev_filter_error;
	return 0;
}

static int sdev_zero_private(const struct vm_area_struct *vma)
{
	return vma->vm_file ? 0 : -EINVAL;
}

static int sdev_zero_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_test(desc, VMA_SHARED_BIT))
		return shmem_zero_setup_desc(desc);
	desc->action.success_hook = sdev_zero_private;
	return 0;
}

const struct file_operations sdev_fops[] = {
	{ .mmap_prepare = sdev_mem_prepare },
	{ .mmap_prepare = sdev_zero_prepare },
};

/*
 * check-output-start
{"tool":"mmprep-check","file":"severity-levels.c","line":23,"column":15,"function":"sdev_mem_prepare","check":"action-hook","rule":"R5","severity":"note","message":"sdev_mem_prepare(): sets action.error_hook; error_hook is removed in 7.2, where a constant desc->action.error_override = -E...; replaces it","status":"finding","hook":"mmap_prepare","api":"7.1","partial":null}
{"tool":"mmprep-check","file":"severity-levels.c","line":36,"column":15,"function":"sdev_zero_prepare","check":"action-hook","rule":"R5","severity":"note","message":"sdev_zero_prepare(): sets action.success_hook; success_hook hands the driver the VMA and is removed in 7.2: do work on the new mapping in vm_ops->mapped instead","status":"finding","hook":"mmap_prepare","api":"7.1","partial":null}
severity-levels.c:23:15: warning: sdev_mem_prepare(): uses action.error_hook; error_hook was replaced in 7.2 by a constant: desc->action.error_override = -EAGAIN; (any -errno in -4095..-1) [action-hook]
severity-levels.c:36:15: warning: sdev_zero_prepare(): uses action.success_hook; success_hook was removed in 7.2: do work on the new mapping in vm_ops->mapped, or call vma_desc_set_anonymous(desc) for a /dev/zero-style private mapping [action-hook]
 * check-output-end
 */
