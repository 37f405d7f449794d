// SPDX-License-Identifier: GPL-2.0
/*
 * Page arrays that die with the hook (a local array, a freed allocation) and ones that
 * live as long as the device (fine).
 *
 * check-name: pages-lifetime
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct kdev {
	struct page *pages[4];
	struct page **ring;
};

static int kdev_local(struct vm_area_desc *desc)
{
	struct kdev *k = desc->file->private_data;
	struct page *pages[4];
	int i;

	for (i = 0; i < 4; i++)
		pages[i] = k->pages[i];
	mmap_action_map_kernel_pages(desc, desc->start, pages, 4);
	return 0;
}

static int kdev_freed(struct vm_area_desc *desc)
{
	struct kdev *k = desc->file->private_data;
	struct page **copy = kmalloc_array(4, sizeof(*copy), GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	copy[0] = k->pages[0];
	mmap_action_map_kernel_pages_full(desc, copy);
	kfree(copy);
	return 0;
}

static int kdev_device_array(struct vm_area_desc *desc)
{
	struct kdev *k = desc->file->private_data;
	struct page **ring = k->ring;

	if (desc->pgoff)
		mmap_action_map_kernel_pages_full(desc, ring + desc->pgoff);
	else
		mmap_action_map_kernel_pages(desc, desc->start, k->pages, 4);
	return 0;
}

const struct file_operations kdev_fops[] = {
	{ .mmap_prepare = kdev_local },
	{ .mmap_prepare = kdev_freed },
	{ .mmap_prepare = kdev_device_array },
};

/*
 * check-output-start
pages-lifetime.c:25:50: warning: kdev_local(): mmap_action_map_kernel_pages() is given the local array 'pages'; only the pointer is kept and the pages are inserted after the hook returns, when 'pages' is gone: keep the page array in data that lives as long as the mapping [pages-lifetime]
pages-lifetime.c:37:42: warning: kdev_freed(): mmap_action_map_kernel_pages_full() is given 'copy', which kdev_freed() frees; only the pointer is kept and the pages are inserted after the hook returns: free the array when the mapping goes away (vm_ops->close), not in the hook [pages-lifetime]
 * check-output-end
 */
