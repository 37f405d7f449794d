// SPDX-License-Identifier: GPL-2.0
/*
 * A header that cannot be found: a note says what was lost, the rest is still analysed.
 *
 * check-name: cli: missing header degrades with a note
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/no_such_header.h>

static int mdev_prepare(struct vm_area_desc *desc)
{
	return find_vma(desc->mm, desc->start) ? -EBUSY : 0;
}

const struct file_operations mdev_fops = {
	.mmap_prepare = mdev_prepare,
};

/*
 * check-output-start
cli-missing-header.c:13:9: warning: mdev_prepare(): find_vma() returns a struct vm_area_struct in the mmap_prepare hook mdev_prepare(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped (partial: 'linux/no_such_header.h' not found) [vma-in-prepare]
cli-missing-header.c: note: 'linux/no_such_header.h' file not found (at cli-missing-header.c:9:10); the file was analysed without it, results may be incomplete
 * check-output-end
 */
