// SPDX-License-Identifier: GPL-2.0
/*
 * An mmap_prepare driver written for each API level the shims model. Must compile against
 * the shim headers at every level (tests/shim-test).
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uio_driver.h>

struct newdev {
	struct kref ref;
	phys_addr_t base;
	struct page *pages[4];
};

static struct newdev the_dev;

static vm_fault_t newdev_fault(struct vm_fault *vmf)
{
	(void)vmf;
	return VM_FAULT_SIGBUS;
}

#if MMPREP_API >= 701
static int newdev_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
			 const struct file *file, void **vm_private_data)
{
	struct newdev *d = file->private_data;

	(void)start;
	(void)end;
	(void)pgoff;
	kref_get(&d->ref);
	*vm_private_data = d;
	return 0;
}
#endif

static void newdev_release(struct kref *ref)
{
	(void)ref;
}

/* mapped's reference is retaken for split and forked VMAs and given back per VMA */
static void newdev_vm_open(struct vm_area_struct *vma)
{
	struct newdev *d = vma->vm_private_data;

	kref_get(&d->ref);
}

static void newdev_vm_close(struct vm_area_struct *vma)
{
	struct newdev *d = vma->vm_private_data;

	kref_put(&d->ref, newdev_release);
}

static const struct vm_operations_struct newdev_vm_ops = {
#if MMPREP_API >= 701
	.mapped = newdev_mapped,
#endif
	.open = newdev_vm_open,
	.close = newdev_vm_close,
	.fault = newdev_fault,
};

static int newdev_mmap_prepare(struct vm_area_desc *desc)
{
	struct newdev *d = desc->file->private_data;

	if (desc->pgoff + vma_desc_pages(desc) > 16)
		return -EINVAL;
#if MMPREP_API >= 701
	if (vma_desc_test(desc, VMA_SHARED_BIT) && !vma_desc_test_any(desc, VMA_MAYWRITE_BIT,
								      VMA_WRITE_BIT))
		return -EINVAL;
	if (vma_desc_test_all(desc, VMA_READ_BIT, VMA_EXEC_BIT))
		return -EPERM;
	if (!range_in_vma_desc(desc, desc->start, desc->end))
		return -EFAULT;
#elif MMPREP_API == 700
	if (vma_desc_test_flags(desc, VMA_EXEC_BIT))
		return -EPERM;
#else
	if (desc->vm_flags & VM_EXEC)
		return -EPERM;
	desc->vm_flags |= VM_DONTCOPY;
	desc->vm_flags &= ~VM_MAYEXEC;
	if (is_cow_mapping(desc->vm_flags))
		return -EINVAL;
	if (is_shared_maywrite(desc->vm_flags))
		return -EACCES;
#endif
#if MMPREP_API >= 700
	vma_desc_set_flags(desc, VMA_DONTCOPY_BIT, VMA_DONTEXPAND_BIT);
	vma_desc_clear_flags(desc, VMA_MAYEXEC_BIT);
	if (vma_desc_is_cow_mapping(desc))
		return -EINVAL;
	if (is_shared_maywrite(&desc->vma_flags))
		return -EACCES;
#endif
	desc->page_prot = pgprot_noncached(desc->page_prot);
	desc->vm_ops = &newdev_vm_ops;
	desc->private_data = d;
	mmap_action_ioremap_full(desc, PHYS_PFN(d->base) + desc->pgoff);
	return 0;
}

static int newdev_mmap_prepare_partial(struct vm_area_desc *desc)
{
	struct newdev *d = desc->file->private_data;

	if (vma_desc_size(desc) < 2 * PAGE_SIZE)
		return -EINVAL;
	desc->page_prot = pgprot_writecombine(desc->page_prot);
	if (desc->pgoff == 1) {
		mmap_action_remap(desc, desc->start + PAGE_SIZE, PHYS_PFN(d->base), PAGE_SIZE);
		return 0;
	}
#if MMPREP_API >= 701
	if (desc->pgoff == 2) {
		mmap_action_simple_ioremap(desc, d->base, 16 * PAGE_SIZE);
		return 0;
	}
	if (desc->pgoff == 3) {
		mmap_action_map_kernel_pages(desc, desc->start, d->pages, 1);
		return 0;
	}
	if (desc->pgoff == 4) {
		mmap_action_map_kernel_pages_full(desc, d->pages);
		return 0;
	}
#endif
	mmap_action_remap_full(desc, PHYS_PFN(d->base));
	return 0;
}

static int newdev_mmap_prepare_zero(struct vm_area_desc *desc)
{
#if MMPREP_API >= 701
	if (vma_desc_test_all(desc, VMA_SHARED_BIT))
		return shmem_zero_setup_desc(desc);
#elif MMPREP_API == 700
	if (vma_desc_test_flags(desc, VMA_SHARED_BIT))
		return shmem_zero_setup_desc(desc);
#else
	if (desc->vm_flags & VM_SHARED)
		return shmem_zero_setup_desc(desc);
#endif
#if MMPREP_API >= 702
	vma_desc_set_anonymous(desc);
	desc->action.error_override = -EAGAIN;
#endif
	return 0;
}

static int newdev_mmap_prepare_file(struct vm_area_desc *desc)
{
	int ret = generic_file_mmap_prepare(desc);

	if (ret)
		return ret;
	return generic_file_readonly_mmap_prepare(desc);
}

#if MMPREP_API >= 701
static int newdev_uio_mmap_prepare(struct uio_info *info, struct vm_area_desc *desc)
{
	struct uio_mem *mem = &info->mem[desc->pgoff];

	mmap_action_remap_full(desc, mem->addr >> PAGE_SHIFT);
	return 0;
}

/* The 7.1 compat bridge: a .mmap hook calling a driver-private prepare hook. */
static int newdev_bridge_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct uio_info *info = file->private_data;
	struct vm_area_desc desc;
	int err;

	compat_set_desc_from_vma(&desc, file, vma);
	err = newdev_uio_mmap_prepare(info, &desc);
	if (!err)
		err = __compat_vma_mmap(&desc, vma);
	return err;
}
#else
static int newdev_bridge_mmap(struct file *file, struct vm_area_struct *vma)
{
	return __compat_vma_mmap(file->f_op, file, vma);
}
#endif

static const struct file_operations newdev_fops = {
	.owner = THIS_MODULE,
	.mmap_prepare = newdev_mmap_prepare,
};

static const struct file_operations newdev_fops_partial = {
	.owner = THIS_MODULE,
	.mmap_prepare = newdev_mmap_prepare_partial,
};

static const struct file_operations newdev_fops_zero = {
	.owner = THIS_MODULE,
	.mmap_prepare = newdev_mmap_prepare_zero,
};

static const struct file_operations newdev_fops_file = {
	.owner = THIS_MODULE,
	.mmap_prepare = newdev_mmap_prepare_file,
};

static const struct file_operations newdev_fops_bridge = {
	.owner = THIS_MODULE,
	.mmap = newdev_bridge_mmap,
};

static struct miscdevice newdev_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "newdev",
	.fops = &newdev_fops,
};

int newdev_export(void);
int newdev_export(void)
{
	kref_init(&the_dev.ref);
	return misc_register(&newdev_misc) + register_chrdev(0, "a", &newdev_fops_partial) +
	       register_chrdev(0, "b", &newdev_fops_zero) +
	       register_chrdev(0, "c", &newdev_fops_file) +
	       register_chrdev(0, "d", &newdev_fops_bridge);
}
EXPORT_SYMBOL_GPL(newdev_export);

MODULE_LICENSE("GPL");
