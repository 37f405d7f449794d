// SPDX-License-Identifier: GPL-2.0
/*
 * A reference taken twice per mapping (R20): the first-posting afs shape (the prepare hook
 * and the mapped callback it installs both count the open mapping), the same through a
 * helper on both sides and with a kref; a reference taken in mapped with no .close at all;
 * one whose .close gives back something else; one .close gives back but no .open retakes.
 * prepare-resource reports the prepare-side references as well.
 *
 * check-name: double-ref: positives
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>

struct dvnode {
	atomic_t mmaps;
	struct kref ref;
	unsigned int users;
};

void dv_add_open_mmap(struct dvnode *vnode);
void dv_drop_open_mmap(struct dvnode *vnode);
void dv_release(struct kref *ref);

static struct dvnode *DV_I(const struct file *file)
{
	return file->private_data;
}

/* afs, first posting: both sides take the open-mmap count */
static int dv_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	struct dvnode *vnode = DV_I(file);

	dv_add_open_mmap(vnode);
	*vm_private_data = vnode;
	return 0;
}

static void dv_vm_open(struct vm_area_struct *vma)
{
	dv_add_open_mmap(vma->vm_private_data);
}

static void dv_vm_close(struct vm_area_struct *vma)
{
	dv_drop_open_mmap(vma->vm_private_data);
}

static const struct vm_operations_struct dv_vm_ops = {
	.open = dv_vm_open,
	.close = dv_vm_close,
	.mapped = dv_mapped,
};

static int dv_mmap_prepare(struct vm_area_desc *desc)
{
	struct dvnode *vnode = DV_I(desc->file);
	int ret = generic_file_mmap_prepare(desc);

	if (ret)
		return ret;
	desc->vm_ops = &dv_vm_ops;
	dv_add_open_mmap(vnode);
	return 0;
}

/* a kref and a counter taken by a helper both sides call */
static void kv_hold(struct dvnode *v)
{
	kref_get(&v->ref);
	v->users++;
}

static int kv_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	kv_hold(file->private_data);
	return 0;
}

static void kv_open(struct vm_area_struct *vma)
{
	kv_hold(vma->vm_private_data);
}

static void kv_close(struct vm_area_struct *vma)
{
	struct dvnode *v = vma->vm_private_data;

	v->users--;
	kref_put(&v->ref, dv_release);
}

static const struct vm_operations_struct kv_vm_ops = {
	.mapped = kv_mapped,
	.open = kv_open,
	.close = kv_close,
};

static void kv_install(struct vm_area_desc *desc)
{
	desc->vm_ops = &kv_vm_ops;
	kv_hold(desc->file->private_data);
}

static int kv_mmap_prepare(struct vm_area_desc *desc)
{
	kv_install(desc);
	return 0;
}

/* mapped takes a reference and the ops have no .close */
static int nc_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	struct dvnode *v = file->private_data;

	atomic_inc(&v->mmaps);
	return 0;
}

static const struct vm_operations_struct nc_vm_ops = {
	.mapped = nc_mapped,
};

static int nc_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &nc_vm_ops;
	return 0;
}

/* .close gives back another object than mapped took */
static int wc_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	get_file((struct file *)file);
	return 0;
}

static void wc_close(struct vm_area_struct *vma)
{
	dv_drop_open_mmap(vma->vm_private_data);
}

static const struct vm_operations_struct wc_vm_ops = {
	.mapped = wc_mapped,
	.close = wc_close,
};

static int wc_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &wc_vm_ops;
	return 0;
}

/* .close gives the reference back, but nothing takes it for a split or forked VMA */
static int no_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	dv_add_open_mmap(file->private_data);
	return 0;
}

static void no_close(struct vm_area_struct *vma)
{
	dv_drop_open_mmap(vma->vm_private_data);
}

static const struct vm_operations_struct no_vm_ops = {
	.mapped = no_mapped,
	.close = no_close,
};

static int no_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &no_vm_ops;
	return 0;
}

const struct file_operations dv_fops[] = {
	{ .mmap_prepare = dv_mmap_prepare },
	{ .mmap_prepare = kv_mmap_prepare },
	{ .mmap_prepare = nc_mmap_prepare },
	{ .mmap_prepare = wc_mmap_prepare },
	{ .mmap_prepare = no_mmap_prepare },
};

/*
 * check-output-start
double-ref.c:65:2: warning: dv_mmap_prepare(): dv_add_open_mmap() in the prepare hook dv_mmap_prepare() takes the reference that the vm_ops->mapped callback dv_mapped() of dv_vm_ops also takes (dv_add_open_mmap() on line 36): each mapping takes it twice and .close gives back one; take it in mapped only [double-ref]
double-ref.c:65:2: warning: dv_mmap_prepare(): dv_add_open_mmap() takes a reference in the mmap_prepare hook dv_mmap_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
double-ref.c:72:2: warning: kv_hold(): kref_get() in kv_hold(), called from the prepare hook kv_mmap_prepare() takes the reference that the vm_ops->mapped callback kv_mapped() of kv_vm_ops also takes (through kv_hold(), which both call): each mapping takes it twice and .close gives back one; take it in mapped only [double-ref]
double-ref.c:72:2: warning: kv_hold(): kref_get() takes a reference in kv_hold(), called from the prepare hook kv_install(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
double-ref.c:73:2: warning: kv_hold(): v->users++ in kv_hold(), called from the prepare hook kv_mmap_prepare() takes the reference that the vm_ops->mapped callback kv_mapped() of kv_vm_ops also takes (through kv_hold(), which both call): each mapping takes it twice and .close gives back one; take it in mapped only [double-ref]
double-ref.c:73:2: warning: kv_hold(): changes the counter v->users in kv_hold(), called from the prepare hook kv_install(); the mapping may still fail or be merged after the hook returns, so the count drifts: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
double-ref.c:120:2: warning: nc_mapped(): atomic_inc() in the vm_ops->mapped callback nc_mapped() takes a reference that nothing gives back: nc_vm_ops has no .close; add a .close that releases it; an .open must take it too, for the VMAs a split or fork adds [double-ref]
double-ref.c:138:2: warning: wc_mapped(): get_file() in the vm_ops->mapped callback wc_mapped() takes a reference that .close wc_close() of wc_vm_ops does not give back: release it there; an .open must take it too, for the VMAs a split or fork adds [double-ref]
double-ref.c:162:2: warning: no_mapped(): dv_add_open_mmap() in the vm_ops->mapped callback no_mapped() takes a reference that .close no_close() gives back for every VMA, but no_vm_ops has no .open to take it for the VMAs a split or fork adds: take it in .open too [double-ref]
 * check-output-end
 */
