// SPDX-License-Identifier: GPL-2.0
/*
 * A count taken in vm_ops->mapped and given back in .close with a negative amount
 * (atomic_add_unless(&v, -1, 1), atomic_add(-1, &v)) is paired: nothing to report. The
 * same count given back with a positive amount is not a release.
 *
 * check-name: double-ref: a decrement written as a negative add
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct cnt {
	atomic_t maps;
};

static int cnt_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data)
{
	struct cnt *c = file->private_data;

	atomic_inc(&c->maps);
	*vm_private_data = c;
	return 0;
}

static void cnt_open(struct vm_area_struct *vma)
{
	struct cnt *c = vma->vm_private_data;

	atomic_inc(&c->maps);
}

static void cnt_close(struct vm_area_struct *vma)
{
	struct cnt *c = vma->vm_private_data;

	atomic_add_unless(&c->maps, -1, 1);
}

static const struct vm_operations_struct cnt_vm_ops = {
	.mapped = cnt_mapped,
	.open = cnt_open,
	.close = cnt_close,
};

static int cnt_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &cnt_vm_ops;
	return 0;
}

static int bad_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data)
{
	struct cnt *c = file->private_data;

	atomic_inc(&c->maps);
	*vm_private_data = c;
	return 0;
}

static void bad_open(struct vm_area_struct *vma)
{
	struct cnt *c = vma->vm_private_data;

	atomic_inc(&c->maps);
}

static void bad_close(struct vm_area_struct *vma)
{
	struct cnt *c = vma->vm_private_data;

	atomic_add_unless(&c->maps, 1, 0);
}

static const struct vm_operations_struct bad_vm_ops = {
	.mapped = bad_mapped,
	.open = bad_open,
	.close = bad_close,
};

static int bad_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &bad_vm_ops;
	return 0;
}

const struct file_operations cnt_fops[] = {
	{ .mmap_prepare = cnt_mmap_prepare },
	{ .mmap_prepare = bad_mmap_prepare },
};

/*
 * check-output-start
double-ref-decrement.c:58:2: warning: bad_mapped(): atomic_inc() in the vm_ops->mapped callback bad_mapped() takes a reference that .close bad_close() of bad_vm_ops does not give back: release it there [double-ref]
 * check-output-end
 */
