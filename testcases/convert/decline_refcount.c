// SPDX-License-Identifier: GPL-2.0
/* Takes a reference per mapping: that belongs in vm_ops->mapped. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/kref.h>

struct shared_obj {
	struct kref ref;
};

static const struct vm_operations_struct obj_vm_ops;

static int obj_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shared_obj *o = file->private_data;

	vma->vm_ops = &obj_vm_ops;
	vma->vm_private_data = o;
	kref_get(&o->ref);
	return 0;
}

static const struct file_operations obj_fops = {
	.mmap = obj_mmap,
};

/* Publishes per-mapping state through a driver helper, as afs did. */
static void obj_add_mapping(struct shared_obj *o);

static int pub_obj_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shared_obj *o = file->private_data;

	obj_add_mapping(o);
	vma->vm_ops = &obj_vm_ops;
	return 0;
}

static const struct file_operations pub_obj_fops = {
	.mmap = pub_obj_mmap,
};

static void obj_add_mapping(struct shared_obj *o)
{
	kref_get(&o->ref);
}
