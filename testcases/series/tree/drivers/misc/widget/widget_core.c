// SPDX-License-Identifier: GPL-2.0
/*
 * widget: a shared buffer per open file, counted while it is mapped.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/kref.h>
#include <linux/module.h>
#include "widget.h"

struct widget {
	struct kref ref;
	unsigned long maps;
};

static const struct vm_operations_struct widget_buf_vm_ops;

static void widget_release(struct kref *ref);

int widget_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &widget_buf_vm_ops;
	vma->vm_private_data = file->private_data;
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}
EXPORT_SYMBOL_GPL(widget_mmap);

static void widget_vm_open(struct vm_area_struct *vma)
{
	struct widget *w = vma->vm_private_data;

	kref_get(&w->ref);
	w->maps++;
}

static void widget_vm_close(struct vm_area_struct *vma)
{
	struct widget *w = vma->vm_private_data;

	w->maps--;
	kref_put(&w->ref, widget_release);
}

static const struct vm_operations_struct widget_ctl_vm_ops = {
	.open		= widget_vm_open,
	.close		= widget_vm_close,
};

static int widget_ctl_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &widget_ctl_vm_ops;
	vma->vm_private_data = file->private_data;
	widget_vm_open(vma);
	return 0;
}

static const struct file_operations widget_fops = {
	.owner		= THIS_MODULE,
	.mmap		= widget_mmap,
};

static const struct file_operations widget_ctl_fops = {
	.owner		= THIS_MODULE,
	.mmap		= widget_ctl_mmap,
};

static void widget_release(struct kref *ref)
{
}
