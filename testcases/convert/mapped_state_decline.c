// SPDX-License-Identifier: GPL-2.0
/* Per-mapping state that cannot move to vm_ops->mapped. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/atomic.h>

struct pool {
	atomic_t users;
	atomic_t maps;
};

static struct pool *pools[4];

static void pool_get(struct pool *p)
{
	atomic_inc(&p->users);
}

static void pool_put(struct pool *p)
{
	atomic_dec(&p->users);
}

static void pool_map(struct pool *p)
{
	atomic_inc(&p->maps);
}

static void pool_vm_close(struct vm_area_struct *vma)
{
	struct pool *p = vma->vm_private_data;

	pool_put(p);
}

static const struct vm_operations_struct pool_vm_ops = {
	.close	= pool_vm_close,
};

/* The count taken is not the one the close callback drops. */
static int leaky_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pool *p = file->private_data;

	pool_map(p);
	vma->vm_private_data = p;
	vma->vm_ops = &pool_vm_ops;
	return 0;
}

/* Which pool is taken depends on the mapping, not on the file. */
static int picky_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pool *p = pools[vma->vm_pgoff & 3];

	pool_get(p);
	vma->vm_private_data = p;
	vma->vm_ops = &pool_vm_ops;
	return 0;
}

static const struct file_operations leaky_fops = {
	.mmap	= leaky_mmap,
};

static const struct file_operations picky_fops = {
	.mmap	= picky_mmap,
};
