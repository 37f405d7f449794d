// SPDX-License-Identifier: GPL-2.0
/*
 * A standalone driver that includes the compiler's <stddef.h> and the headers mmap drivers
 * commonly include is analysed whole: no note, no partial marker. The shims stand for
 * x86-64 with CONFIG_MMU and CONFIG_FS_DAX, so code under #ifdef CONFIG_FS_DAX, under
 * IS_ENABLED(CONFIG_MMU) and in a CONFIG_MMU helper is analysed, and the !CONFIG_MMU
 * variant is not.
 *
 * check-name: shims: compiler headers, common kernel headers, default configuration
 */
#include <stddef.h>
#include <stdint.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/vmalloc.h>
#include <linux/delay.h>
#include <linux/pagemap.h>
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>
#include <linux/poll.h>
#include <linux/file.h>
#include <linux/sched.h>
#include <linux/highmem.h>
#include <linux/fb.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/uio.h>
#include <linux/sched/signal.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/miscdevice.h>
#include <linux/dma-buf.h>
#include <linux/compat.h>
#include <linux/seq_file.h>
#include <linux/of.h>
#include <linux/cdev.h>
#include <linux/sched/mm.h>
#include <linux/debugfs.h>
#include <linux/pm_runtime.h>
#include <linux/random.h>
#include <linux/iomap.h>
#include <linux/relay.h>
#include <linux/dax.h>
#include <linux/idr.h>
#include <linux/sizes.h>

struct sdev {
	size_t size;
	uint32_t id;
	struct device *dev;
	void *buf;
};

/* true positive: a per-mapping allocation in the hook */
static int sdev_prepare(struct vm_area_desc *desc)
{
	struct sdev *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	desc->private_data = priv;
	return 0;
}

#ifdef CONFIG_FS_DAX
/* true positive: built under CONFIG_FS_DAX, reached from the hook */
static int sdev_dax_check(struct vm_area_desc *desc)
{
	struct vm_area_struct *vma = NULL;

	return vma && desc->start ? -EINVAL : 0;
}
#else
static int sdev_dax_check(struct vm_area_desc *desc)
{
	return 0;
}
#endif

#ifdef CONFIG_MMU
/* true positive: the MMU variant of a helper the hook calls */
static int sdev_private_ok(struct vm_area_desc *desc)
{
	struct vm_area_struct *vma = NULL;

	return vma ? 1 : 0;
}
#else
/* true negative: not built (CONFIG_MMU is on) */
static int sdev_private_ok(struct vm_area_desc *desc)
{
	struct vm_area_struct *nommu_vma = NULL;

	return nommu_vma ? 1 : 0;
}
#endif

static int sdev_dax_prepare(struct vm_area_desc *desc)
{
	if (IS_ENABLED(CONFIG_MMU) && !sdev_private_ok(desc))
		return -EINVAL;
	return sdev_dax_check(desc);
}

/* true negative: a .mmap hook may use the VMA, here its 7.0+ vma->flags bitmap */
static int sdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!vma_flags_test_any(&vma->flags, VMA_SHARED_BIT))
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, 0, SZ_4K, vma->vm_page_prot);
}

static const struct file_operations sdev_fops = {
	.owner = THIS_MODULE,
	.mmap_prepare = sdev_prepare,
};

static const struct file_operations sdev_dax_fops = {
	.owner = THIS_MODULE,
	.mmap_prepare = sdev_dax_prepare,
};

static const struct file_operations sdev_old_fops = {
	.owner = THIS_MODULE,
	.mmap = sdev_mmap,
};

/*
 * check-output-start
shim-common-headers.c:61:22: warning: sdev_prepare(): kzalloc() allocates per-mapping memory in the mmap_prepare hook sdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
shim-common-headers.c:73:25: warning: sdev_dax_check(): 'vma' is a struct vm_area_struct pointer in the prepare hook sdev_dax_check(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
shim-common-headers.c:88:25: warning: sdev_private_ok(): 'vma' is a struct vm_area_struct pointer in the prepare hook sdev_private_ok(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
 * check-output-end
 */
