// SPDX-License-Identifier: GPL-2.0
/*
 * VMAs where they belong: vm_ops callbacks that a prepare hook only stores, the
 * vm_ops->mapped callback, a .mmap hook, and a compat bridge that takes both a descriptor
 * and a VMA. Nothing to report.
 *
 * check-name: vma-in-prepare: true negatives
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>

struct ndev {
	struct kref ref;
};

static void ndev_open(struct vm_area_struct *vma)
{
	struct ndev *n = vma->vm_private_data;

	kref_get(&n->ref);
}

static vm_fault_t ndev_fault(struct vm_fault *vmf)
{
	return vmf_insert_pfn(vmf->vma, vmf->address, vmf->pgoff);
}

static int ndev_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		       const struct file *file, void **vm_private_data)
{
	struct ndev *n = file->private_data;

	(void)start;
	(void)end;
	(void)pgoff;
	kref_get(&n->ref);
	*vm_private_data = n;
	return 0;
}

static void ndev_release(struct kref *ref)
{
	(void)ref;
}

static void ndev_close(struct vm_area_struct *vma)
{
	struct ndev *n = vma->vm_private_data;

	kref_put(&n->ref, ndev_release);
}

static const struct vm_operations_struct ndev_vm_ops = {
	.open = ndev_open,
	.close = ndev_close,
	.fault = ndev_fault,
	.mapped = ndev_mapped,
};

static const struct vm_operations_struct ndev_old_vm_ops = {
	.open = ndev_open,
	.fault = ndev_fault,
};

static int ndev_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &ndev_vm_ops;
	desc->private_data = desc->file->private_data;
	return 0;
}

static void ndev_fill(struct vm_area_desc *desc, struct file *file,
		      struct vm_area_struct *vma)
{
	compat_set_desc_from_vma(desc, file, vma);
}

static int ndev_bridge(struct file *file, struct vm_area_struct *vma)
{
	struct vm_area_desc desc;
	int err;

	ndev_fill(&desc, file, vma);
	err = ndev_prepare(&desc);
	return err ? err : __compat_vma_mmap(&desc, vma);
}

static int ndev_old_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	vma->vm_ops = &ndev_old_vm_ops;
	return 0;
}

const struct file_operations ndev_fops[] = {
	{ .mmap_prepare = ndev_prepare },
	{ .mmap = ndev_bridge },
	{ .mmap = ndev_old_mmap },
};

/*
 * check-output-start
 * check-output-end
 */
