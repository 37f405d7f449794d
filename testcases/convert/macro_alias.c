// SPDX-License-Identifier: GPL-2.0
/*
 * A hook that is a macro for a generic helper or NULL in another
 * configuration: the macro follows the rename.  One whose macro names anything else is
 * left alone.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>

static const struct vm_operations_struct tape_dax_vm_ops;
static const struct vm_operations_struct disc_dax_vm_ops;
int disc_legacy_mmap(struct file *file, struct vm_area_struct *vma);

#ifdef CONFIG_TAPE_DAX
static int tape_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!file->private_data)
		return generic_file_mmap(file, vma);

	vma->vm_ops = &tape_dax_vm_ops;
	return 0;
}
#else
#define tape_file_mmap	generic_file_mmap
#endif

#ifdef CONFIG_DISC_DAX
static int disc_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &disc_dax_vm_ops;
	return 0;
}
#else
#define disc_file_mmap	disc_legacy_mmap
#endif

#ifdef CONFIG_REEL_MMAP
static int reel_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_private_data = file->private_data;
	return 0;
}
#else
#define reel_mmap	NULL
#endif

static const struct file_operations reel_fops = {
	.owner	= THIS_MODULE,
	.mmap	= reel_mmap,
};

static const struct file_operations tape_fops = {
	.owner	= THIS_MODULE,
	.mmap	= tape_file_mmap,
};

static const struct file_operations disc_fops = {
	.owner	= THIS_MODULE,
	.mmap	= disc_file_mmap,
};
