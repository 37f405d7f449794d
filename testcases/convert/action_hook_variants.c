// SPDX-License-Identifier: GPL-2.0
/* Equivalent error_hook bodies, other descriptor names, helpers, prototypes. */
#include <linux/fs.h>
#include <linux/mm.h>

static int cam_filter(int err);
static int cam_anon(const struct vm_area_struct *vma);

static bool cam_private;

/* Only called with an error: this always returns -EBUSY. */
static int cam_busy(int err)
{
	if (err)
		return -EBUSY;
	return err;
}

static int cam_nodev(int err)
{
	return err ? -ENODEV : 0;
}

static void cam_setup(struct vm_area_desc *d, unsigned long pfn)
{
	mmap_action_ioremap_full(d, pfn);
	d->action.error_hook = cam_nodev;
}

static int cam_mmap_prepare(struct vm_area_desc *vdesc)
{
	mmap_action_remap_full(vdesc, vdesc->pgoff);
	if (vdesc->pgoff)
		vdesc->action.error_hook = cam_busy;
	else
		vdesc->action.error_hook = cam_filter;
	if (cam_private)
		vdesc->action.success_hook = cam_anon;
	return 0;
}

static int cam_io_mmap_prepare(struct vm_area_desc *desc)
{
	cam_setup(desc, 0x1000);
	return 0;
}

static int cam_filter(int err)
{
	return (-EAGAIN);
}

static int cam_anon(const struct vm_area_struct *vma)
{
	vma_set_anonymous((struct vm_area_struct *)vma);
	return 0;
}

static const struct file_operations cam_fops = {
	.mmap_prepare = cam_mmap_prepare,
};

static const struct file_operations cam_io_fops = {
	.mmap_prepare = cam_io_mmap_prepare,
};
