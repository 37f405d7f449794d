// SPDX-License-Identifier: GPL-2.0
/*
 * The afs pattern done right (7.1+): the reference is taken in vm_ops->mapped, set from
 * the hook. A scratch buffer allocated and freed inside the hook is not per-mapping. A
 * counter given back with a negative amount (atomic_add_unless(&v, -1, 1), afs's drop
 * helper) takes nothing. An .mmap hook may take references. Nothing to report.
 *
 * check-name: prepare-resource: true negatives
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

struct sdev {
	struct kref ref;
	atomic_t users;
	atomic_t pending;
	char name[16];
};

static int sdev_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		       const struct file *file, void **vm_private_data)
{
	struct sdev *d = file->private_data;

	(void)start;
	(void)end;
	(void)pgoff;
	kref_get(&d->ref);
	*vm_private_data = d;
	return 0;
}

static void sdev_release(struct kref *ref)
{
	(void)ref;
}

static void sdev_open(struct vm_area_struct *vma)
{
	struct sdev *d = vma->vm_private_data;

	kref_get(&d->ref);
}

static void sdev_close(struct vm_area_struct *vma)
{
	struct sdev *d = vma->vm_private_data;

	kref_put(&d->ref, sdev_release);
}

static const struct vm_operations_struct sdev_vm_ops = {
	.mapped = sdev_mapped,
	.open = sdev_open,
	.close = sdev_close,
};

static void sdev_drop_user(struct sdev *d)
{
	atomic_add_unless(&d->users, -1, 1);
	atomic_add(-1, &d->pending);
}

static int sdev_prepare(struct vm_area_desc *desc)
{
	struct sdev *d = desc->file->private_data;
	char *scratch = kmalloc(sizeof(d->name), GFP_KERNEL);
	int bad;

	sdev_drop_user(d);
	if (!scratch)
		return -ENOMEM;
	memcpy(scratch, d->name, sizeof(d->name));
	bad = scratch[0] == 0;
	kfree(scratch);
	if (bad)
		return -ENODEV;
	desc->vm_ops = &sdev_vm_ops;
	return 0;
}

static int sdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sdev *d = file->private_data;

	kref_get(&d->ref);
	vma->vm_private_data = d;
	return 0;
}

const struct file_operations sdev_fops[] = {
	{ .mmap_prepare = sdev_prepare },
	{ .mmap = sdev_mmap },
};

/*
 * check-output-start
 * check-output-end
 */
