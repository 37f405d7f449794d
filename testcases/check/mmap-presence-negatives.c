// SPDX-License-Identifier: GPL-2.0
/*
 * mmap-presence: no finding for can_mmap_file(), for calling the hook, for code that tests
 * both hooks, for uses of the value that are not a presence test (printing it, comparing it
 * with a given function), for the mmap member of another ops structure, and on headers whose
 * struct file_operations has no mmap_prepare (include/mmap-presence-6.12.c, a 6.12-style
 * file with its own declarations and no shim header).
 *
 * check-name: mmap-presence: negatives
 * check-command: mmprep-check $file include/mmap-presence-6.12.c
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/printk.h>

struct nsnd_ops {
	int (*mmap)(void *substream);
};

static int nload_binary(struct file *file)
{
	if (!can_mmap_file(file))
		return -ENOEXEC;
	return 0;
}

static int ncall_mmap(struct file *file, struct vm_area_struct *vma)
{
	return file->f_op->mmap(file, vma);
}

static int ncall_deref(struct file *file, struct vm_area_struct *vma)
{
	const struct file_operations *fop = file->f_op;

	return (*fop->mmap)(file, vma);
}

static int nboth_hooks(struct file *file, struct vm_area_struct *vma)
{
	if (!file->f_op->mmap && !file->f_op->mmap_prepare)
		return -ENODEV;
	if (file->f_op->mmap_prepare)
		return vfs_mmap(file, vma);
	return file->f_op->mmap(file, vma);
}

static int nown_mmap(struct file *file, struct vm_area_struct *vma)
{
	return file && vma ? 0 : -EINVAL;
}

static bool nis_own(struct file *file)
{
	pr_info("mmap hook %p\n", file->f_op->mmap);
	return file->f_op->mmap == nown_mmap;
}

static int nsnd_mmap(struct nsnd_ops *ops, void *substream)
{
	if (!ops->mmap)
		return -ENXIO;
	return ops->mmap(substream);
}

const struct file_operations nown_fops = {
	.mmap = nown_mmap,
};

int ncheck_all(struct file *file, struct vm_area_struct *vma, struct nsnd_ops *ops)
{
	return nload_binary(file) + ncall_mmap(file, vma) + ncall_deref(file, vma) +
	       nboth_hooks(file, vma) + nis_own(file) + nsnd_mmap(ops, vma);
}

/*
 * check-output-start
 * check-output-end
 */
