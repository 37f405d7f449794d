// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptors that are fully initialised before use, and uses that are not uses: every
 * function here must be clean.
 *
 * check-name: desc-uninit: true negatives
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

int lower_apply_action(struct mmap_action *action);

int neg_empty_init(struct file *lower)
{
	struct vm_area_desc desc = {};

	return vfs_mmap_prepare(lower, &desc);
}

int neg_designated(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc = { .start = vma->vm_start, .end = vma->vm_end };

	return vfs_mmap_prepare(lower, &desc);
}

int neg_compat_helper(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;
	int err;

	compat_set_desc_from_vma(&desc, lower, vma);
	err = vfs_mmap_prepare(lower, &desc);
	return err ? err : __compat_vma_mmap(&desc, vma);
}

static void fill_all(struct vm_area_desc *desc, struct vm_area_struct *vma)
{
	memset(desc, 0, sizeof(*desc));
	desc->start = vma->vm_start;
}

int neg_full_helper(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	fill_all(&desc, vma);
	return vfs_mmap_prepare(lower, &desc);
}

unsigned long neg_written_fields_only(struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	desc.start = vma->vm_start;
	desc.end = vma->vm_end;
	return desc.end - desc.start + sizeof(desc);
}

int neg_static_local(struct file *lower)
{
	static struct vm_area_desc desc;

	return vfs_mmap_prepare(lower, &desc);
}

int neg_both_branches(struct file *lower, int big)
{
	struct vm_area_desc desc;

	if (big) {
		memset(&desc, 0, sizeof(desc));
		desc.pgoff = 1;
	} else {
		memset(&desc, 0xff, sizeof(desc));
	}
	return vfs_mmap_prepare(lower, &desc);
}

int neg_early_return(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	if (!vma->vm_file)
		return -EINVAL;
	memset(&desc, 0, sizeof(desc));
	return vfs_mmap_prepare(lower, &desc);
}

int neg_alias_memset(struct file *lower)
{
	struct vm_area_desc desc;
	struct vm_area_desc *d = &desc;

	memset(d, 0, sizeof(*d));
	return vfs_mmap_prepare(lower, d);
}

int neg_action_compound_literal(void)
{
	struct mmap_action action;

	action = (struct mmap_action){ .type = MMAP_NOTHING };
	return lower_apply_action(&action);
}

int neg_action_init(void)
{
	struct mmap_action action = { .type = MMAP_NOTHING };

	return lower_apply_action(&action);
}

int neg_switch(struct file *lower, int kind)
{
	struct vm_area_desc desc;

	switch (kind) {
	case 0:
		memset(&desc, 0, sizeof(desc));
		break;
	default:
		desc = (struct vm_area_desc){ .pgoff = 1 };
		break;
	}
	return vfs_mmap_prepare(lower, &desc);
}

int neg_printed(struct file *lower)
{
	struct vm_area_desc desc;

	pr_debug("descriptor at %p\n", &desc);
	memset(&desc, 0, sizeof(desc));
	return vfs_mmap_prepare(lower, &desc);
}

static void zero_bytes(void *p, size_t n)
{
	memset(p, 0, n);
}

int neg_void_helper(struct file *lower)
{
	struct vm_area_desc desc;

	zero_bytes(&desc, sizeof(desc));
	return vfs_mmap_prepare(lower, &desc);
}

/* A hook's own descriptor is the caller's business. */
static int neg_hook(struct vm_area_desc *desc)
{
	return desc->action.type == MMAP_NOTHING ? 0 : -EINVAL;
}

const struct file_operations neg_fops = {
	.mmap_prepare = neg_hook,
};

/*
 * check-output-start
 * check-output-end
 */
