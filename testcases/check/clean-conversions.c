// SPDX-License-Identifier: GPL-2.0
/*
 * Correct conversions in the shapes the in-tree ones take (our own code): a physical
 * window with a custom protection, a one-page simple ioremap, a uio-like core dispatching
 * to a driver-private prepare hook and to helpers under a mutex, a file-backed mapping
 * with vm_ops->mapped, an anonymous /dev/zero-like mapping, an errno override. Every check
 * must stay quiet.
 *
 * check-name: all checks: correct conversions stay clean
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/uio_driver.h>

struct win {
	phys_addr_t base;
	unsigned long size;
	bool uncached;
};

pgprot_t win_access_prot(struct file *file, unsigned long pfn, unsigned long size,
			 pgprot_t prot);

static int win_mmap_prepare(struct vm_area_desc *desc)
{
	struct win *w = desc->file->private_data;
	unsigned long size = vma_desc_size(desc);
	phys_addr_t offset = (phys_addr_t)desc->pgoff << PAGE_SHIFT;

	if (offset + size > w->size)
		return -EINVAL;
	desc->page_prot = win_access_prot(desc->file, desc->pgoff, size, desc->page_prot);
	if (w->uncached)
		desc->page_prot = pgprot_noncached(desc->page_prot);
	mmap_action_remap_full(desc, PHYS_PFN(w->base) + desc->pgoff);
	desc->action.error_override = -EAGAIN;
	return 0;
}

static int timer_mmap_prepare(struct vm_area_desc *desc)
{
	struct win *w = desc->file->private_data;

	if (w->base & ~PAGE_MASK)
		return -ENOSYS;
	desc->page_prot = pgprot_noncached(desc->page_prot);
	mmap_action_simple_ioremap(desc, w->base, PAGE_SIZE);
	return 0;
}

/* A uio-like core */
struct ucore {
	struct mutex lock;
	struct uio_info *info;
};

static const struct vm_operations_struct ucore_phys_vm_ops;
static const struct vm_operations_struct ucore_logical_vm_ops;

static int ucore_map_physical(struct vm_area_desc *desc, struct uio_mem *mem)
{
	if (mem->addr & ~PAGE_MASK)
		return -ENODEV;
	if (vma_desc_size(desc) > mem->size)
		return -EINVAL;
	desc->vm_ops = &ucore_phys_vm_ops;
	if (mem->memtype == UIO_MEM_PHYS)
		desc->page_prot = pgprot_noncached(desc->page_prot);
	mmap_action_ioremap(desc, desc->start, mem->addr >> PAGE_SHIFT, vma_desc_size(desc));
	return 0;
}

static int ucore_map_logical(struct vm_area_desc *desc)
{
	desc->vm_ops = &ucore_logical_vm_ops;
	return 0;
}

static int ucore_mmap_prepare(struct vm_area_desc *desc)
{
	struct ucore *uc = desc->file->private_data;
	struct uio_mem *mem;
	int ret = 0;

	mutex_lock(&uc->lock);
	if (desc->pgoff >= MAX_UIO_MAPS) {
		ret = -EINVAL;
		goto out;
	}
	if (uc->info->mmap_prepare) {
		ret = uc->info->mmap_prepare(uc->info, desc);
		goto out;
	}
	mem = &uc->info->mem[desc->pgoff];
	switch (mem->memtype) {
	case UIO_MEM_IOVA:
	case UIO_MEM_PHYS:
		ret = ucore_map_physical(desc, mem);
		break;
	case UIO_MEM_LOGICAL:
	case UIO_MEM_VIRTUAL:
		ret = ucore_map_logical(desc);
		break;
	default:
		ret = -EINVAL;
		break;
	}
out:
	mutex_unlock(&uc->lock);
	return ret;
}

/* A file-backed mapping counting its users once the mapping exists */
struct cfile {
	struct kref ref;
};

static int cfile_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
			const struct file *file, void **vm_private_data)
{
	struct cfile *c = file->private_data;

	(void)start;
	(void)end;
	(void)pgoff;
	kref_get(&c->ref);
	*vm_private_data = c;
	return 0;
}

static void cfile_release(struct kref *ref)
{
	(void)ref;
}

static void cfile_open(struct vm_area_struct *vma)
{
	struct cfile *c = vma->vm_private_data;

	kref_get(&c->ref);
}

static void cfile_close(struct vm_area_struct *vma)
{
	struct cfile *c = vma->vm_private_data;

	kref_put(&c->ref, cfile_release);
}

static const struct vm_operations_struct cfile_vm_ops = {
	.mapped = cfile_mapped,
	.open = cfile_open,
	.close = cfile_close,
};

static int cfile_mmap_prepare(struct vm_area_desc *desc)
{
	int ret = generic_file_mmap_prepare(desc);

	if (ret)
		return ret;
	desc->vm_ops = &cfile_vm_ops;
	return 0;
}

static int zero_mmap_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_test(desc, VMA_SHARED_BIT))
		return shmem_zero_setup_desc(desc);
	vma_desc_set_anonymous(desc);
	return 0;
}

const struct file_operations clean_fops[] = {
	{ .mmap_prepare = win_mmap_prepare },
	{ .mmap_prepare = timer_mmap_prepare },
	{ .mmap_prepare = ucore_mmap_prepare },
	{ .mmap_prepare = cfile_mmap_prepare },
	{ .mmap_prepare = zero_mmap_prepare },
};

/*
 * check-output-start
 * check-output-end
 */
