// SPDX-License-Identifier: GPL-2.0
/*
 * A vm_operations_struct with .mapped installed on a VMA by an .mmap hook (directly and in
 * a helper), next to the right way: the prepare hook sets desc->vm_ops, and the .mmap hook
 * installs ops without .mapped.
 *
 * check-name: mapped-in-mmap
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int pdev_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		       const struct file *file, void **vm_private_data)
{
	(void)start;
	(void)end;
	(void)pgoff;
	*vm_private_data = file->private_data;
	return 0;
}

static void pdev_close(struct vm_area_struct *vma)
{
	(void)vma;
}

static const struct vm_operations_struct pdev_vm_ops = {
	.mapped = pdev_mapped,
	.close = pdev_close,
};

static const struct vm_operations_struct pdev_plain_vm_ops = {
	.close = pdev_close,
};

static void pdev_install(struct vm_area_struct *vma)
{
	vma->vm_ops = &pdev_vm_ops;
}

static int pdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	vma->vm_ops = &pdev_vm_ops;
	return 0;
}

static int pdev_mmap_helper(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	pdev_install(vma);
	return 0;
}

static int pdev_mmap_pointer(struct file *file, struct vm_area_struct *vma)
{
	const struct vm_operations_struct *ops = &pdev_vm_ops;

	(void)file;
	vma->vm_ops = ops;
	return 0;
}

static int pdev_mmap_plain(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	vma->vm_ops = &pdev_plain_vm_ops;
	return 0;
}

static int pdev_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &pdev_vm_ops;
	return 0;
}

const struct file_operations pdev_fops[] = {
	{ .mmap = pdev_mmap },
	{ .mmap = pdev_mmap_helper },
	{ .mmap = pdev_mmap_pointer },
	{ .mmap = pdev_mmap_plain },
	{ .mmap_prepare = pdev_prepare },
};

/*
 * check-output-start
mapped-in-mmap.c:38:2: warning: pdev_install(): installs &pdev_vm_ops, which has .mapped = pdev_mapped, on a VMA (vma->vm_ops); after an .mmap hook vfs_mmap() rejects vm_ops->mapped with -EINVAL (7.1+): convert the hook to .mmap_prepare and set desc->vm_ops instead [mapped-in-mmap]
mapped-in-mmap.c:44:2: warning: pdev_mmap(): installs &pdev_vm_ops, which has .mapped = pdev_mapped, on a VMA (vma->vm_ops); after an .mmap hook vfs_mmap() rejects vm_ops->mapped with -EINVAL (7.1+): convert the hook to .mmap_prepare and set desc->vm_ops instead [mapped-in-mmap]
mapped-in-mmap.c:60:2: warning: pdev_mmap_pointer(): installs ops, which has .mapped = pdev_mapped, on a VMA (vma->vm_ops); after an .mmap hook vfs_mmap() rejects vm_ops->mapped with -EINVAL (7.1+): convert the hook to .mmap_prepare and set desc->vm_ops instead [mapped-in-mmap]
 * check-output-end
 */
