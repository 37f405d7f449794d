// SPDX-License-Identifier: GPL-2.0
/*
 * On 6.18-7.0 mm and file are const: the write does not compile, and the check turns the
 * compiler error into its own finding.
 *
 * check-name: desc-immutable: const fields on 7.0
 * check-command: mmprep-check --api=7.0 $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int jdev_prepare(struct vm_area_desc *desc)
{
	desc->file = desc->vm_file;
	return 0;
}

const struct file_operations jdev_fops = {
	.mmap_prepare = jdev_prepare,
};

/*
 * check-output-start
desc-immutable-7.0.c:14:13: warning: jdev_prepare(): writes desc->file in the mmap_prepare hook jdev_prepare(); mm, file, start and end are read-only for a prepare hook: assign desc->vm_file to change the file the VMA holds [desc-immutable]
 * check-output-end
 */
