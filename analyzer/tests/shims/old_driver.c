// SPDX-License-Identifier: GPL-2.0
/*
 * A 6.12-style driver: .mmap hooks using the VMA API. Must compile against the shim
 * headers at every API level (tests/shim-test).
 */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/uio_driver.h>
#include <linux/vmalloc.h>

struct olddev {
	struct kref ref;
	struct mutex lock;
	struct list_head maps;
	atomic_t users;
	refcount_t count;
	phys_addr_t base;
	void *vbuf;
	struct page *pages[4];
	struct device *dev;
	void *cpu_addr;
	dma_addr_t dma_addr;
};

static struct olddev the_dev;

static void olddev_release(struct kref *ref)
{
	struct olddev *d = container_of(ref, struct olddev, ref);

	vfree(d->vbuf);
}

static void olddev_vma_open(struct vm_area_struct *vma)
{
	struct olddev *d = vma->vm_private_data;

	kref_get(&d->ref);
}

static void olddev_vma_close(struct vm_area_struct *vma)
{
	struct olddev *d = vma->vm_private_data;

	kref_put(&d->ref, olddev_release);
}

static vm_fault_t olddev_fault(struct vm_fault *vmf)
{
	struct olddev *d = vmf->vma->vm_private_data;

	if (vmf->pgoff >= ARRAY_SIZE(d->pages))
		return VM_FAULT_SIGBUS;
	return vmf_insert_page(vmf->vma, vmf->address, d->pages[vmf->pgoff]);
}

static const struct vm_operations_struct olddev_vm_ops = {
	.open = olddev_vma_open,
	.close = olddev_vma_close,
	.fault = olddev_fault,
};

static int olddev_mmap_remap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	struct olddev *d = file->private_data;

	if (vma->vm_pgoff + vma_pages(vma) > 16)
		return -EINVAL;
	if (is_cow_mapping(vma->vm_flags))
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vm_flags_clear(vma, VM_MAYEXEC);
	vm_flags_mod(vma, VM_DONTCOPY, VM_MAYWRITE);
	vma->vm_ops = &olddev_vm_ops;
	vma->vm_private_data = d;
	olddev_vma_open(vma);
	if (io_remap_pfn_range(vma, vma->vm_start, PHYS_PFN(d->base) + vma->vm_pgoff, size,
			       vma->vm_page_prot))
		return -EAGAIN;
	return remap_pfn_range(vma, vma->vm_start, PHYS_PFN(d->base), size,
			       pgprot_writecombine(vma->vm_page_prot));
}

static int olddev_mmap_misc(struct file *file, struct vm_area_struct *vma)
{
	struct olddev *d = file->private_data;
	unsigned long num = ARRAY_SIZE(d->pages);
	int ret;

	mutex_lock(&d->lock);
	atomic_inc(&d->users);
	refcount_inc(&d->count);
	get_file(file);
	mutex_unlock(&d->lock);
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	if (vma->vm_pgoff == 1)
		return vm_iomap_memory(vma, d->base, PAGE_SIZE);
	if (vma->vm_pgoff == 2)
		return vm_insert_page(vma, vma->vm_start, d->pages[0]);
	if (vma->vm_pgoff == 3)
		return vm_insert_pages(vma, vma->vm_start, d->pages, &num);
	if (vma->vm_pgoff == 4)
		return vm_map_pages(vma, d->pages, num);
	if (vma->vm_pgoff == 5)
		return vm_map_pages_zero(vma, d->pages, num);
	if (vma->vm_pgoff == 6)
		return remap_vmalloc_range(vma, d->vbuf, 0);
	if (vma->vm_pgoff == 7)
		return dma_mmap_coherent(d->dev, vma, d->cpu_addr, d->dma_addr, vma_pages(vma));
	if (vma->vm_pgoff == 8)
		return dma_mmap_wc(d->dev, vma, d->cpu_addr, d->dma_addr, PAGE_SIZE);
	if (vma->vm_pgoff == 9)
		return generic_file_mmap(file, vma);
	vma_set_anonymous(vma);
	ret = generic_file_readonly_mmap(file, vma);
	vm_flags_reset(vma, vma->vm_flags | VM_LOCKED);
	return ret;
}

static int olddev_open(struct inode *inode, struct file *file)
{
	(void)inode;
	file->private_data = &the_dev;
	return 0;
}

static const struct file_operations olddev_fops = {
	.owner = THIS_MODULE,
	.open = olddev_open,
	.mmap = olddev_mmap_remap,
	.llseek = noop_llseek,
};

static const struct file_operations olddev_misc_fops = {
	.owner = THIS_MODULE,
	.open = olddev_open,
	.mmap = olddev_mmap_misc,
};

static struct miscdevice olddev_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "olddev",
	.fops = &olddev_misc_fops,
};

static int olddev_uio_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	struct uio_mem *mem = &info->mem[vma->vm_pgoff];

	return remap_pfn_range(vma, vma->vm_start, mem->addr >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static struct uio_info olddev_uio = {
	.name = "olddev",
	.version = "1",
	.mmap = olddev_uio_mmap,
};

int olddev_export(void);
int olddev_export(void)
{
	INIT_LIST_HEAD(&the_dev.maps);
	kref_init(&the_dev.ref);
	return register_chrdev(0, "olddev", &olddev_fops) + misc_register(&olddev_misc) +
	       uio_register_device(NULL, &olddev_uio);
}
EXPORT_SYMBOL_GPL(olddev_export);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("mmprep old-style sample");
