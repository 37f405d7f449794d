// SPDX-License-Identifier: GPL-2.0
/*
 * With FORTIFY_SOURCE, memset() is a macro around __builtin_object_size() and
 * __builtin_memset(); neither the size query nor the statement expression is a use of
 * the descriptor, and the memset still initialises it.
 *
 * check-name: desc-uninit: fortified memset
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

void fortify_panic(const char *name);

#undef memset
#define memset(p, c, size) ({							\
	size_t __fortify_size = (size_t)(size);					\
	size_t __p_size = __builtin_object_size(p, 0);				\
	if (__p_size < __fortify_size)						\
		fortify_panic("memset");					\
	__builtin_memset(p, c, __fortify_size);					\
})

int fort_bridge(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	memset(&desc, 0, sizeof(desc));
	desc.start = vma->vm_start;
	desc.end = vma->vm_end;
	return vfs_mmap_prepare(lower, &desc);
}

int fort_bridge_late(struct file *lower, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;

	desc.start = vma->vm_start;
	if (vfs_mmap_prepare(lower, &desc))
		return -EINVAL;
	memset(&desc, 0, sizeof(desc));
	return 0;
}

/*
 * check-output-start
desc-uninit-fortify.c:39:6: warning: fort_bridge_late(): the address of 'desc' is passed to vfs_mmap_prepare(), which passes it on to the indirect call file->f_op->mmap_prepare() while fields mm, file, end, pgoff, vm_file, vma_flags, page_prot, vm_ops, private_data, action.remap, action.type, action.error_override, action.hide_from_rmap_until_complete of 'desc' may be unwritten (desc has no initializer); initialize it (struct vm_area_desc desc = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
 * check-output-end
 */
