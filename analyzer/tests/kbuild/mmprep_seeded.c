// SPDX-License-Identifier: GPL-2.0
/*
 * mmprep_seeded: an out-of-tree driver with seeded bugs for tests/kbuild-test. It builds
 * against a 6.12 tree, which has no mmap_prepare, so it carries its own backport of the
 * descriptor the way out-of-tree modules carry compat code, and bridges its prepare hook
 * from .mmap. Two bugs are seeded:
 *   - the bridge hands a partly filled descriptor to the hook (desc-uninit);
 *   - the prepare hook looks up a VMA (vma-in-prepare).
 * seeded_mmap_fixed() is the same bridge with the memset fix and must stay clean on the
 * real headers.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/string.h>

/* Backport of the 7.x descriptor for a 6.12 build. */
struct mmap_action {
	int type;
	int (*success_hook)(const struct vm_area_struct *vma);
};

struct vm_area_desc {
	struct mm_struct *mm;
	struct file *file;
	unsigned long start;
	unsigned long end;
	pgoff_t pgoff;
	pgprot_t page_prot;
	const struct vm_operations_struct *vm_ops;
	void *private_data;
	struct mmap_action action;
};

struct seeded_ops {
	int (*prepare)(struct file *file, struct vm_area_desc *desc);
};

static int seeded_prepare(struct file *file, struct vm_area_desc *desc)
{
	struct vm_area_struct *other = find_vma(desc->mm, desc->start - PAGE_SIZE);

	if (other && other->vm_file == file)
		return -EBUSY;
	desc->page_prot = pgprot_noncached(desc->page_prot);
	return 0;
}

static const struct seeded_ops seeded_ops = {
	.prepare = seeded_prepare,
};

static void seeded_fill(struct vm_area_desc *desc, struct vm_area_struct *vma)
{
	desc->mm = vma->vm_mm;
	desc->file = vma->vm_file;
	desc->start = vma->vm_start;
	desc->end = vma->vm_end;
	desc->pgoff = vma->vm_pgoff;
	desc->page_prot = vma->vm_page_prot;
}

static int seeded_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;
	int err;

	seeded_fill(&desc, vma);
	err = seeded_ops.prepare(file, &desc);
	if (err)
		return err;
	if (desc.action.success_hook)
		err = desc.action.success_hook(vma);
	return err;
}

static int seeded_mmap_fixed(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;
	int err;

	memset(&desc, 0, sizeof(desc));
	seeded_fill(&desc, vma);
	err = seeded_ops.prepare(file, &desc);
	if (err)
		return err;
	vma->vm_page_prot = desc.page_prot;
	return 0;
}

static const struct file_operations seeded_fops = {
	.owner = THIS_MODULE,
	.mmap = seeded_mmap,
};

static const struct file_operations seeded_fixed_fops __maybe_unused = {
	.owner = THIS_MODULE,
	.mmap = seeded_mmap_fixed,
};

static struct miscdevice seeded_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "mmprep_seeded",
	.fops = &seeded_fops,
};
module_misc_device(seeded_misc);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("mmprep-check seeded-bug test driver");
