// SPDX-License-Identifier: GPL-2.0
/* Hooks that must stay with a human, one reason each. */
#include <linux/fs.h>
#include <linux/mm.h>

static const struct vm_operations_struct misc_vm_ops;
extern int other_mmap(struct file *file, struct vm_area_struct *vma);
extern void note_vma(struct vm_area_struct *vma);

/* Not static, but nothing else in the tree names it: converted, still global. */
int pub_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &misc_vm_ops;
	return 0;
}

/* Replaces every flag. */
static int reset_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_reset(vma, VM_READ | VM_SHARED);
	return 0;
}

/* Reads a field the descriptor only lets you write. */
static int peek_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_private_data)
		return -EBUSY;
	return 0;
}

/* Writes a read-only field. */
static int trim_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_end = vma->vm_start + PAGE_SIZE;
	return 0;
}

/* Hands the VMA to a helper. */
static int pass_mmap(struct file *file, struct vm_area_struct *vma)
{
	note_vma(vma);
	return 0;
}

/* Called directly from another hook. */
static int inner_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &misc_vm_ops;
	return 0;
}

static int outer_mmap(struct file *file, struct vm_area_struct *vma)
{
	return inner_mmap(file, vma);
}

/* A flag mask that is not a list of VM_* bits. */
static unsigned long extra_flags;

static int mask_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, extra_flags);
	return 0;
}

/* Stacks another file's mmap. */
static int stack_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;

	return vfs_mmap(lower, vma);
}

/* Inserts single pages. */
static struct page *one_page;

static int single_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vm_insert_page(vma, vma->vm_start, one_page);
}

/* Already uses the name the descriptor needs. */
static int named_mmap(struct file *file, struct vm_area_struct *vma)
{
	void *desc = file->private_data;

	vma->vm_private_data = desc;
	return 0;
}

/* Maps pages from an array on its own stack. */
static int stackpages_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct page *pages[2] = { one_page, one_page };

	return vm_map_pages(vma, pages, 2);
}

static const struct file_operations pub_fops = { .mmap = pub_mmap, };

static const struct file_operations reset_fops = { .mmap = reset_mmap, };
static const struct file_operations peek_fops = { .mmap = peek_mmap, };
static const struct file_operations trim_fops = { .mmap = trim_mmap, };
static const struct file_operations pass_fops = { .mmap = pass_mmap, };
static const struct file_operations inner_fops = { .mmap = inner_mmap, };
static const struct file_operations outer_fops = { .mmap = outer_mmap, };
static const struct file_operations mask_fops = { .mmap = mask_mmap, };
static const struct file_operations stack_fops = { .mmap = stack_mmap, };
static const struct file_operations single_fops = { .mmap = single_mmap, };
static const struct file_operations named_fops = { .mmap = named_mmap, };
static const struct file_operations stackpages_fops = { .mmap = stackpages_mmap, };
static const struct file_operations other_fops = { .mmap = other_mmap, };
