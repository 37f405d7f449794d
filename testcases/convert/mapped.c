// SPDX-License-Identifier: GPL-2.0
/* Counts its mappings through vm_ops->open, called at the end of .mmap. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/kref.h>

struct counter {
	struct kref ref;
	unsigned long maps;
};

static void counter_release(struct kref *ref);

static void counter_vm_open(struct vm_area_struct *vma)
{
	struct counter *c = vma->vm_private_data;

	kref_get(&c->ref);
	c->maps++;
}

static void counter_vm_close(struct vm_area_struct *vma)
{
	struct counter *c = vma->vm_private_data;

	c->maps--;
	kref_put(&c->ref, counter_release);
}

static const struct vm_operations_struct counter_vm_ops = {
	.open		= counter_vm_open,
	.close		= counter_vm_close,
};

static int counter_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &counter_vm_ops;
	vma->vm_private_data = file->private_data;
	vm_flags_set(vma, VM_DONTEXPAND);
	counter_vm_open(vma);
	return 0;
}

static const struct file_operations counter_fops = {
	.mmap		= counter_mmap,
	.llseek		= noop_llseek,
};

static void counter_release(struct kref *ref)
{
}
