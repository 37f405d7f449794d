// SPDX-License-Identifier: GPL-2.0
/* Calls made for their effect in .mmap hooks, judged from the callees' bodies. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/string.h>

struct gadget {
	struct mutex lock;
	struct rw_semaphore sem;
	atomic_t maps;
	unsigned long flags;
	struct list_head users;
	struct list_head node;
	char scratch[64];
};

static const struct vm_operations_struct gadget_vm_ops;

static void gadget_lock(struct gadget *g)
{
	mutex_lock(&g->lock);
}

static void gadget_unlock(struct gadget *g)
{
	mutex_unlock(&g->lock);
}

static bool gadget_ready(struct gadget *g)
{
	return g->flags & 1;
}

static void gadget_mark(struct gadget *g, int bit)
{
	switch (bit) {
	case 7:
		atomic_inc(&g->maps);
		break;
	default:
		g->flags |= 1UL << bit;
	}
}

static void gadget_get(struct gadget *g)
{
	atomic_inc(&g->maps);
}

static void gadget_enlist(struct gadget *g)
{
	list_add_tail(&g->node, &g->users);
}

/* A lock taken and released through the driver's wrappers: fine. */
static int paired_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gadget *g = file->private_data;

	gadget_lock(g);
	if (!gadget_ready(g)) {
		gadget_unlock(g);
		return -ENODEV;
	}
	gadget_mark(g, 2);
	memset(g->scratch, 0, sizeof(g->scratch));
	gadget_unlock(g);
	vma->vm_ops = &gadget_vm_ops;
	return 0;
}

/* The early return keeps the lock: not converted. */
static int leaky_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gadget *g = file->private_data;

	gadget_lock(g);
	if (!gadget_ready(g))
		return -ENODEV;
	gadget_unlock(g);
	vma->vm_ops = &gadget_vm_ops;
	return 0;
}

/* A counter: per-mapping state. */
static int counting_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gadget *g = file->private_data;

	gadget_get(g);
	vma->vm_ops = &gadget_vm_ops;
	return 0;
}

/* A list insert: per-mapping state. */
static int listing_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gadget *g = file->private_data;

	gadget_enlist(g);
	vma->vm_ops = &gadget_vm_ops;
	return 0;
}

/* The same helper, with the constant that makes it count. */
static int marking_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct gadget *g = file->private_data;

	gadget_mark(g, 7);
	vma->vm_ops = &gadget_vm_ops;
	return 0;
}

static const struct file_operations paired_fops = {
	.mmap		= paired_mmap,
};

static const struct file_operations leaky_fops = {
	.mmap		= leaky_mmap,
};

static const struct file_operations counting_fops = {
	.mmap		= counting_mmap,
};

static const struct file_operations listing_fops = {
	.mmap		= listing_mmap,
};

static const struct file_operations marking_fops = {
	.mmap		= marking_mmap,
};
