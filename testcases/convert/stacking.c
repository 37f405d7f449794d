// SPDX-License-Identifier: GPL-2.0
/* Stacking file systems and proxies keep .mmap: they depend on another file's. */
#include <linux/fs.h>
#include <linux/mm.h>

struct layer_file {
	struct file *lower;
};

struct proxy_ops {
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

struct proxy_entry {
	const struct proxy_ops *ops;
};

/* The ecryptfs shape: the lower file must map, then the generic ops. */
static int cryptfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct layer_file *lf = file->private_data;

	if (!lf->lower->f_op->mmap)
		return -ENODEV;
	return generic_file_mmap(file, vma);
}

/* The proc shape: another table's mmap is called with the VMA. */
static int proxy_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct proxy_entry *pe = file->private_data;

	if (!pe->ops->mmap)
		return -EIO;
	return pe->ops->mmap(file, vma);
}

/* Not a hook: a loader that checks that a file can be mapped (R19). */
static int loader_check(struct file *file)
{
	if (!file->f_op->mmap)
		return -ENOEXEC;
	if (file->f_op->mmap == NULL)
		return -ENOEXEC;
	return 0;
}

static int loader_can(struct file *file)
{
	if (file->f_op->mmap)
		pr_debug("mappable\n");
	return file->f_op->mmap != NULL && file->f_op->read_iter;
}

/* Dispatches the call itself: its test stays. */
static int loader_dispatch(struct file *file, struct vm_area_struct *vma)
{
	if (!file->f_op->mmap)
		return -ENODEV;
	return file->f_op->mmap(file, vma);
}

static const struct file_operations cryptfs_fops = {
	.mmap		= cryptfs_mmap,
};

static const struct file_operations proxy_fops = {
	.mmap		= proxy_mmap,
};
