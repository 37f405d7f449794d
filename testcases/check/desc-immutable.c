// SPDX-License-Identifier: GPL-2.0
/*
 * A prepare hook moving the mapping (start, end), swapping the file, clearing mm, and
 * overwriting the whole descriptor; a callee doing it counts too.
 *
 * check-name: desc-immutable: positives
 */
#include <linux/fs.h>
#include <linux/mm.h>

static void idev_skip_header(struct vm_area_desc *desc)
{
	desc->start += PAGE_SIZE;
}

static int idev_prepare(struct vm_area_desc *desc)
{
	struct file *other = desc->file->private_data;

	idev_skip_header(desc);
	desc->end = desc->start + PAGE_SIZE;
	desc->file = other;
	desc->mm = NULL;
	return 0;
}

static int idev_prepare_copy(struct vm_area_desc *desc)
{
	struct vm_area_desc *tmpl = desc->file->private_data;

	*desc = *tmpl;
	return 0;
}

const struct file_operations idev_fops[] = {
	{ .mmap_prepare = idev_prepare },
	{ .mmap_prepare = idev_prepare_copy },
};

/*
 * check-output-start
desc-immutable.c:13:2: warning: idev_skip_header(): writes desc->start in the prepare hook idev_skip_header(); mm, file, start and end are read-only for a prepare hook: to map part of the range, pass it to mmap_action_remap() or mmap_action_map_kernel_pages() [desc-immutable]
desc-immutable.c:21:2: warning: idev_prepare(): writes desc->end in the mmap_prepare hook idev_prepare(); mm, file, start and end are read-only for a prepare hook: to map part of the range, pass it to mmap_action_remap() or mmap_action_map_kernel_pages() [desc-immutable]
desc-immutable.c:22:2: warning: idev_prepare(): writes desc->file in the mmap_prepare hook idev_prepare(); mm, file, start and end are read-only for a prepare hook: assign desc->vm_file to change the file the VMA holds [desc-immutable]
desc-immutable.c:23:2: warning: idev_prepare(): writes desc->mm in the mmap_prepare hook idev_prepare(); mm, file, start and end are read-only for a prepare hook: it only says which mm is being mapped into [desc-immutable]
desc-immutable.c:31:2: warning: idev_prepare_copy(): overwrites *desc, including the read-only mm, file, start and end, in the mmap_prepare hook idev_prepare_copy(); assign the mutable fields one by one [desc-immutable]
 * check-output-end
 */
