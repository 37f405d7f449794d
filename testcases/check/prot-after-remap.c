// SPDX-License-Identifier: GPL-2.0
/*
 * desc->page_prot changed after the remap helper copied it (reported), before it (fine),
 * on another path than the remap (fine), after an action that reads the protection later
 * (fine).
 *
 * check-name: prot-after-remap
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int hdev_late(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static int hdev_early(struct vm_area_desc *desc)
{
	desc->page_prot = pgprot_writecombine(desc->page_prot);
	mmap_action_ioremap_full(desc, desc->pgoff);
	return 0;
}

static int hdev_other_path(struct vm_area_desc *desc)
{
	if (desc->pgoff) {
		mmap_action_remap_full(desc, desc->pgoff);
		return 0;
	}
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static int hdev_simple(struct vm_area_desc *desc)
{
	mmap_action_simple_ioremap(desc, 0x1000, PAGE_SIZE);
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

const struct file_operations hdev_fops[] = {
	{ .mmap_prepare = hdev_late },
	{ .mmap_prepare = hdev_early },
	{ .mmap_prepare = hdev_other_path },
	{ .mmap_prepare = hdev_simple },
};

/*
 * check-output-start
prot-after-remap.c:15:2: warning: hdev_late(): desc->page_prot is changed after mmap_action_remap_full() on line 14 already captured it; the remap keeps the old protection: set desc->page_prot before calling mmap_action_remap_full() [prot-after-remap]
 * check-output-end
 */
