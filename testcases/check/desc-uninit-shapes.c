// SPDX-License-Identifier: GPL-2.0
/*
 * More shapes: fields assigned by hand then the address given to vfs_mmap_prepare(); a
 * field read before it is written; a struct copy; a memset on one branch only; a goto
 * that jumps over the memset; a helper that fills the descriptor on one path only; an
 * alias pointer; a local struct mmap_action handed to an unknown function.
 *
 * check-name: desc-uninit: positive shapes
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

int lower_apply_action(struct mmap_action *action);
int lower_take_desc(struct vm_area_desc desc);
void print_hex_dump_bytes(const void *buf, size_t len);

int shape_by_hand(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	desc.mm = vma->vm_mm;
	desc.file = lower;
	desc.start = vma->vm_start;
	desc.end = vma->vm_end;
	desc.pgoff = vma->vm_pgoff;
	desc.vm_file = lower;
	desc.page_prot = vma->vm_page_prot;
	return vfs_mmap_prepare(lower, &desc);
}

unsigned long shape_read(struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	desc.start = vma->vm_start;
	return desc.end - desc.start;
}

int shape_copy(struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	desc.start = vma->vm_start;
	return lower_take_desc(desc);
}

int shape_branch(struct file *lower, int zero)
{
	struct vm_area_desc desc;

	if (zero)
		memset(&desc, 0, sizeof(desc));
	else
		desc.pgoff = 0;
	return vfs_mmap_prepare(lower, &desc);
}

int shape_goto(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	if (!vma->vm_file)
		goto call;
	memset(&desc, 0, sizeof(desc));
	desc.start = vma->vm_start;
call:
	return vfs_mmap_prepare(lower, &desc);
}

static void fill_sometimes(struct vm_area_desc *desc, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff)
		return;
	memset(desc, 0, sizeof(*desc));
}

int shape_partial_helper(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	fill_sometimes(&desc, vma);
	return vfs_mmap_prepare(lower, &desc);
}

int shape_alias(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;
	struct vm_area_desc *d = &desc;

	d->start = vma->vm_start;
	d->end = vma->vm_end;
	return lower->f_op->mmap_prepare(d);
}

static void log_bytes(const void *p, size_t n)
{
	print_hex_dump_bytes(p, n);
}

int shape_void_helper(struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	desc.start = vma->vm_start;
	log_bytes(&desc, sizeof(desc));
	return 0;
}

int shape_action(void)
{
	struct mmap_action action;

	action.type = MMAP_NOTHING;
	return lower_apply_action(&action);
}

/*
 * check-output-start
desc-uninit-shapes.c:29:9: warning: shape_by_hand(): the address of 'desc' is passed to vfs_mmap_prepare(), which passes it on to the indirect call file->f_op->mmap_prepare() while fields vma_flags, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:37:14: warning: shape_read(): 'desc.end' is read while field end of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:45:25: warning: shape_copy(): 'desc' is copied while fields mm, file, end, pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:56:9: warning: shape_branch(): the address of 'desc' is passed to vfs_mmap_prepare(), which passes it on to the indirect call file->f_op->mmap_prepare() while fields mm, file, start, end, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:68:9: warning: shape_goto(): the address of 'desc' is passed to vfs_mmap_prepare(), which passes it on to the indirect call file->f_op->mmap_prepare() while fields mm, file, start, end, pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:83:9: warning: shape_partial_helper(): the address of 'desc' is passed to vfs_mmap_prepare(), which passes it on to the indirect call file->f_op->mmap_prepare() while fields mm, file, start, end, pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:93:9: warning: shape_alias(): the address of 'desc' is passed to the indirect call lower->f_op->mmap_prepare() while fields mm, file, pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:106:2: warning: shape_void_helper(): the address of 'desc' is passed to log_bytes(), which passes it on to print_hex_dump_bytes() while fields mm, file, end, pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
desc-uninit-shapes.c:115:9: warning: shape_action(): the address of 'action' is passed to lower_apply_action() while fields remap, error_override, hide_from_rmap_until_complete of 'action' may be unwritten (action has no initializer); initialize it (struct mmap_action action = {};) or memset it first [desc-uninit]
 * check-output-end
 */
