// SPDX-License-Identifier: GPL-2.0
/* A trace buffer inserted with vm_insert_pages(). */
#include <linux/fs.h>
#include <linux/mm.h>

struct tbuf {
	struct page **pages;
	unsigned long count;
};

static int tbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct tbuf *tb = file->private_data;
	unsigned long num = tb->count;

	if (vma_pages(vma) != num)
		return -EINVAL;
	return vm_insert_pages(vma, vma->vm_start, tb->pages, &num);
}

static const struct file_operations tbuf_fops = {
	.mmap = tbuf_mmap,
};
