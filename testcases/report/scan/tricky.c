// SPDX-License-Identifier: GPL-2.0
/*
 * Shapes the initialiser scan must get right. Not seen: bindings in comments
 * (.mmap = in_comment), strings, macro definitions and function bodies; a
 * member that is not an mmap hook; a value that is not a lone function name.
 * Seen: arrays of ops, [index] designators, nested ops, "&fn", two members on
 * one line, a binding under #ifdef (the code of some configuration), what
 * each named function takes (a VMA inside a callback type does not count).
 */
#include <linux/fs.h>
#include <linux/mm.h>

#define TRICKY_OPS(fn) \
	{ .mmap = fn, }

struct wrapper;

static const char *tricky_doc = ".mmap = in_string, \" .mmap = still_in_string";

int tricky_mmap(struct file *file, struct vm_area_struct *vma)
{
	static const struct file_operations local_fops = {
		.mmap = in_function_body,
	};

	return 0;
}

static int tricky_prepare(struct vm_area_desc *desc)
{
	return 0;
}

static int tricky_fault(struct vm_fault *vmf, int (*cb)(struct vm_area_struct *))
{
	return 0;
}

static int __maybe_unused tricky_locked(struct wrapper *w, struct vm_area_struct *vma)
	__must_hold(&w->lock)
{
	return 0;
}

static const struct file_operations tricky_fops[] = {
	[0] = {
		.mmap = tricky_mmap,
		.mmap_supported_flags = MAP_SYNC,
	},
	{ .mmap = &tricky_locked, .mmap_prepare = tricky_prepare, },
	{
#ifdef CONFIG_TRICKY_FAULT
		.mmap = tricky_fault,
#endif
		.mmap = NULL,
		.mmap = IS_ENABLED(CONFIG_X) ? tricky_mmap : NULL,
	},
};

static struct wrapper_ops tricky_wrapper = {
	.name = "tricky .mmap = no",
	.file = {
		.mmap = tricky_mmap,
	},
	.vm_ops = &tricky_vm_ops,
	.get_unmapped_area = tricky_area,
	.bo = { .mmap = tricky_fault },
};
