// SPDX-License-Identifier: GPL-2.0
/*
 * Uses the check must see through: a macro that hides the VMA, a hook installed by
 * assignment, a driver-private prepare hook type with another name, and a callee two calls
 * away from the hook.
 *
 * check-name: vma-in-prepare: macros, assignments, private hook types, deep callees
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct hdev;

struct hdev_ops {
	int (*setup)(struct hdev *h, struct vm_area_desc *desc);
};

struct hdev {
	struct vm_area_struct *vma;
	const struct hdev_ops *ops;
};

static struct hdev the_hdev;

#define HDEV_START(h)	((h)->vma->vm_start)

static int hdev_setup(struct hdev *h, struct vm_area_desc *desc)
{
	return HDEV_START(h) == desc->start;
}

static const struct hdev_ops hdev_ops = {
	.setup = hdev_setup,
};

static unsigned long hdev_leaf(void)
{
	return the_hdev.vma ? the_hdev.vma->vm_pgoff : 0;
}

static unsigned long hdev_middle(void)
{
	return hdev_leaf() + 1;
}

static int hdev_prepare(struct vm_area_desc *desc)
{
	desc->pgoff = hdev_middle();
	return the_hdev.ops->setup(&the_hdev, desc);
}

static struct file_operations hdev_fops;

void hdev_init(void);
void hdev_init(void)
{
	the_hdev.ops = &hdev_ops;
	hdev_fops.mmap_prepare = hdev_prepare;
}

/*
 * check-output-start
vma-in-prepare-hidden.c:29:9: warning: hdev_setup(): 'h->vma' holds a struct vm_area_struct in the prepare hook hdev_setup(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
vma-in-prepare-hidden.c:38:18: warning: hdev_leaf(): 'the_hdev.vma' holds a struct vm_area_struct in hdev_leaf(), called from the prepare hook hdev_prepare(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
 * check-output-end
 */
