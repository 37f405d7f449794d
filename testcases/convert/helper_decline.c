// SPDX-License-Identifier: GPL-2.0
/* Helpers that take the VMA but cannot change with their hooks. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct win {
	unsigned long size;
	int maps;
};

static const struct vm_operations_struct win_vm_ops = {
};

/* Also called from the fault handler, with a VMA that exists. */
static int win_check(struct win *w, struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start > w->size)
		return -EINVAL;
	return 0;
}

static vm_fault_t win_fault(struct vm_fault *vmf)
{
	struct win *w = vmf->vma->vm_private_data;

	if (win_check(w, vmf->vma))
		return VM_FAULT_SIGBUS;
	return VM_FAULT_NOPAGE;
}

static int win_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct win *w = file->private_data;
	int rc;

	rc = win_check(w, vma);
	if (rc)
		return rc;
	vma->vm_ops = &win_vm_ops;
	return 0;
}

/* Per-mapping state: it belongs in vm_ops->mapped. */
struct win_priv {
	struct win *w;
};

static int win_attach(struct win *w, struct vm_area_struct *vma)
{
	struct win_priv *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->w = w;
	vma->vm_private_data = p;
	return 0;
}

static int win_priv_mmap(struct file *file, struct vm_area_struct *vma)
{
	return win_attach(file->private_data, vma);
}

/* Not static: callers in other files would change with it. */
int win_setup(struct win *w, struct vm_area_struct *vma)
{
	vma->vm_private_data = w;
	return 0;
}

static int win_setup_mmap(struct file *file, struct vm_area_struct *vma)
{
	return win_setup(file->private_data, vma);
}

/*
 * A chain of helpers named like mmap implementations: not another file's
 * mmap (no stacking); the first one keeps per-mapping state.
 */
int win_bridge_mmap(struct win *w, struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return 0;
}

static int win_master_mmap(unsigned int minor, struct vm_area_struct *vma)
{
	struct win *w;
	int err;

	w = kmalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	err = win_bridge_mmap(w, vma);
	if (err)
		return err;
	w->maps++;
	vma->vm_private_data = w;
	return 0;
}

static int win_chain_mmap(struct file *file, struct vm_area_struct *vma)
{
	return win_master_mmap(iminor(file_inode(file)), vma);
}

static const struct vm_operations_struct win_fault_ops = {
	.fault		= win_fault,
};

static const struct file_operations win_fops = {
	.mmap		= win_mmap,
};

static const struct file_operations win_priv_fops = {
	.mmap		= win_priv_mmap,
};

static const struct file_operations win_setup_fops = {
	.mmap		= win_setup_mmap,
};

static const struct file_operations win_chain_fops = {
	.mmap		= win_chain_mmap,
};
