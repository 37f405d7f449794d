// SPDX-License-Identifier: GPL-2.0
/* Per-mapping state taken by the hook itself and dropped by vm_ops->close:
 * at 7.1 it moves into a generated vm_ops->mapped callback. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/atomic.h>

struct cache_node {
	atomic_t nr_mmap;
};

static inline struct cache_node *CACHE_NODE(struct inode *inode)
{
	return inode->i_private;
}

static void cache_add_mmap(struct cache_node *node)
{
	atomic_inc(&node->nr_mmap);
}

static void cache_drop_mmap(struct cache_node *node)
{
	atomic_dec(&node->nr_mmap);
}

static void cache_vm_open(struct vm_area_struct *vma)
{
	cache_add_mmap(CACHE_NODE(file_inode(vma->vm_file)));
}

static void cache_vm_close(struct vm_area_struct *vma)
{
	cache_drop_mmap(CACHE_NODE(file_inode(vma->vm_file)));
}

static const struct vm_operations_struct cache_vm_ops = {
	.open		= cache_vm_open,
	.close		= cache_vm_close,
};

/* The afs way: the count taken first, dropped again if the mmap fails. */
static int cache_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct cache_node *node = CACHE_NODE(file->f_inode);
	int ret;

	cache_add_mmap(node);

	ret = generic_file_mmap(file, vma);
	if (ret == 0)
		vma->vm_ops = &cache_vm_ops;
	else
		cache_drop_mmap(node);
	return ret;
}

/* The stm way: the device is kept awake while it is mapped. */
struct port_dev {
	atomic_t awake;
	phys_addr_t base;
};

static void port_wake(struct port_dev *port)
{
	atomic_inc(&port->awake);
}

static void port_sleep(struct port_dev *port)
{
	atomic_dec(&port->awake);
}

struct port_file {
	struct port_dev *port;
};

static void port_mmap_open(struct vm_area_struct *vma)
{
	struct port_file *pf = vma->vm_file->private_data;
	struct port_dev *port = pf->port;

	port_wake(port);
}

static void port_mmap_close(struct vm_area_struct *vma)
{
	struct port_file *pf = vma->vm_file->private_data;
	struct port_dev *port = pf->port;

	port_sleep(port);
}

static const struct vm_operations_struct port_mmap_vmops = {
	.open	= port_mmap_open,
	.close	= port_mmap_close,
};

static int port_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct port_file *pf = filp->private_data;
	struct port_dev *port = pf->port;
	unsigned long size;

	if (vma->vm_pgoff)
		return -EINVAL;

	size = vma->vm_end - vma->vm_start;
	if (size > PAGE_SIZE)
		return -EINVAL;

	port_wake(port);

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &port_mmap_vmops;
	vm_iomap_memory(vma, port->base, size);

	return 0;
}

static const struct file_operations cache_fops = {
	.mmap		= cache_file_mmap,
};

static const struct file_operations port_fops = {
	.mmap		= port_mmap,
};
