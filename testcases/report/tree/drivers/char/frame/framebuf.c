// SPDX-License-Identifier: GPL-2.0
/*
 * A frame buffer: its fb_ops hook is another mmap-style hook type, and its
 * buffer-object hook takes no VMA at all.
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct fb_info;
struct frame_bo;

static int framebuf_fb_mmap(struct fb_info *info, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO);
	return 0;
}

static void *framebuf_bo_mmap(struct frame_bo *bo)
{
	return bo;
}

static const struct fb_ops framebuf_ops = {
	.fb_mmap = framebuf_fb_mmap,
};

static const struct frame_bo_ops framebuf_bo_ops = {
	.mmap = framebuf_bo_mmap,
};
