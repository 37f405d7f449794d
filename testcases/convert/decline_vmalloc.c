// SPDX-License-Identifier: GPL-2.0
/* A vmalloc'ed buffer shared with user space. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

static void *vbuf;

static int vbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, vbuf, vma->vm_pgoff);
}

static const struct file_operations vbuf_fops = {
	.mmap = vbuf_mmap,
};
