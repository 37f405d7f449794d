// SPDX-License-Identifier: GPL-2.0
/*
 * A ring buffer shared between a device and user space.
 *
 * Each open file holds a reference on the buffer; each mapping takes one
 * more, dropped by the VMA's close callback. The buffer also exports a second
 * hook that another driver binds.
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define RINGBUF_PAGES	16

struct ringbuf {
	struct kref ref;
	struct mutex lock;
	unsigned long head;
	unsigned long tail;
	void *pages;
};

static void ringbuf_release(struct kref *ref)
{
	struct ringbuf *rb = container_of(ref, struct ringbuf, ref);

	kfree(rb->pages);
	kfree(rb);
}

static struct ringbuf *ringbuf_alloc(void)
{
	struct ringbuf *rb = kzalloc(sizeof(*rb), GFP_KERNEL);

	if (!rb)
		return NULL;
	rb->pages = kzalloc(RINGBUF_PAGES * PAGE_SIZE, GFP_KERNEL);
	if (!rb->pages) {
		kfree(rb);
		return NULL;
	}
	kref_init(&rb->ref);
	mutex_init(&rb->lock);
	return rb;
}

static int ringbuf_open(struct inode *inode, struct file *file)
{
	struct ringbuf *rb = ringbuf_alloc();

	if (!rb)
		return -ENOMEM;
	file->private_data = rb;
	return 0;
}

static int ringbuf_file_release(struct inode *inode, struct file *file)
{
	struct ringbuf *rb = file->private_data;

	kref_put(&rb->ref, ringbuf_release);
	return 0;
}

static ssize_t ringbuf_read(struct file *file, char __user *buf, size_t len,
			    loff_t *ppos)
{
	struct ringbuf *rb = file->private_data;
	unsigned long avail;

	mutex_lock(&rb->lock);
	avail = rb->head - rb->tail;
	if (len > avail)
		len = avail;
	rb->tail += len;
	mutex_unlock(&rb->lock);
	return len;
}

static void ringbuf_vm_close(struct vm_area_struct *vma)
{
	struct ringbuf *rb = vma->vm_private_data;

	kref_put(&rb->ref, ringbuf_release);
}

static const struct vm_operations_struct ringbuf_vm_ops = {
	.close = ringbuf_vm_close,
};

/* The mapping keeps the buffer alive: a reference per VMA. */
static int ringbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ringbuf *rb = file->private_data;

	vma->vm_ops = &ringbuf_vm_ops;
	vma->vm_private_data = rb;
	kref_get(&rb->ref);
	return 0;
}

/* Bound by drivers/misc/alias.c. */
int ringbuf_export_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTCOPY);
	return 0;
}

static const struct file_operations ringbuf_fops = {
	.owner		= THIS_MODULE,
	.open		= ringbuf_open,
	.release	= ringbuf_file_release,
	.read		= ringbuf_read,
	.mmap		= ringbuf_mmap,
};
