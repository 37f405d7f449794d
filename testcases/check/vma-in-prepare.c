// SPDX-License-Identifier: GPL-2.0
/*
 * A VMA obtained, used or passed on in a prepare hook or a function it calls: find_vma()
 * on desc->mm, a VMA cached in a global, one stored in driver data, a cast from private
 * data, container_of, a callee that takes a VMA, a compat API that needs one.
 *
 * check-name: vma-in-prepare: positive shapes
 * check-command: mmprep-check --disable=desc-uninit $file
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct vdev {
	struct vm_area_struct *last_vma;
	struct list_head node;
	void *priv;
};

static struct vm_area_struct *cached_vma;

static int vdev_find(struct vm_area_desc *desc)
{
	struct vm_area_struct *vma = find_vma(desc->mm, desc->start);

	if (vma && vma->vm_end > desc->start)
		return -EBUSY;
	return 0;
}

static void vdev_note(struct vm_area_struct *vma, unsigned long start)
{
	(void)vma;
	(void)start;
}

static int vdev_global(struct vm_area_desc *desc)
{
	if (cached_vma)
		vdev_note(cached_vma, desc->start);
	return 0;
}

static int vdev_field(struct vm_area_desc *desc)
{
	struct vdev *v = desc->file->private_data;

	return v->last_vma ? -EBUSY : 0;
}

static int vdev_cast(struct vm_area_desc *desc)
{
	struct vdev *v = desc->file->private_data;

	return ((struct vm_area_struct *)v->priv)->vm_start == desc->start;
}

static int vdev_container(struct vm_area_desc *desc)
{
	struct vdev *v = desc->file->private_data;

	return container_of(v->priv, struct vm_area_struct, vm_private_data)->vm_pgoff != 0;
}

static int vdev_compat(struct vm_area_desc *desc)
{
	struct vdev *v = desc->file->private_data;

	return compat_vma_mmap(desc->file, v->priv);
}

const struct file_operations vdev_fops[] = {
	{ .mmap_prepare = vdev_find },
	{ .mmap_prepare = vdev_global },
	{ .mmap_prepare = vdev_field },
	{ .mmap_prepare = vdev_cast },
	{ .mmap_prepare = vdev_container },
	{ .mmap_prepare = vdev_compat },
};

/*
 * check-output-start
vma-in-prepare.c:23:25: warning: vdev_find(): 'vma' is a struct vm_area_struct pointer in the mmap_prepare hook vdev_find(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare.c:30:46: warning: vdev_note(): 'vma' is a struct vm_area_struct pointer in vdev_note(), called from the prepare hook vdev_global(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare.c:38:6: warning: vdev_global(): the global 'cached_vma' is a struct vm_area_struct in the mmap_prepare hook vdev_global(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare.c:47:12: warning: vdev_field(): 'v->last_vma' holds a struct vm_area_struct in the mmap_prepare hook vdev_field(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare.c:54:10: warning: vdev_cast(): a value is cast to a struct vm_area_struct pointer in the mmap_prepare hook vdev_cast(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare.c:61:9: warning: vdev_container(): a value is cast to a struct vm_area_struct pointer in the mmap_prepare hook vdev_container(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare.c:68:9: warning: vdev_compat(): compat_vma_mmap() needs a real VMA (the compat APIs are for .mmap hooks only) in the mmap_prepare hook vdev_compat(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
 * check-output-end
 */
