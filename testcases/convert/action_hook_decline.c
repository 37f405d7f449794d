// SPDX-License-Identifier: GPL-2.0
/* Hooks that have no mechanical 7.2 form: left alone and reported. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/atomic.h>
#include <linux/printk.h>

static atomic_t dec_maps;

/* Keeps -ENOMEM, turns anything else into -EAGAIN. */
static int dec_filter(int err)
{
	return err == -ENOMEM ? err : -EAGAIN;
}

static int dec_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = dec_filter;
	return 0;
}

static int dec_loud(int err)
{
	pr_warn("dec: mapping failed: %d\n", err);
	return -EAGAIN;
}

static int dec_loud_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = dec_loud;
	return 0;
}

/* Not an errno at all. */
static int dec_positive(int err)
{
	return EAGAIN;
}

static int dec_positive_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = dec_positive;
	return 0;
}

/* Post-map work: belongs in vm_ops->mapped. */
static int dec_count(const struct vm_area_struct *vma)
{
	atomic_inc(&dec_maps);
	return 0;
}

static int dec_count_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.success_hook = dec_count;
	return 0;
}

/* Defined elsewhere. */
extern int dec_extern_filter(int err);

static int dec_extern_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = dec_extern_filter;
	return 0;
}

/* Through a struct mmap_action pointer. */
static int dec_again(int err)
{
	return -EAGAIN;
}

static int dec_action_mmap_prepare(struct vm_area_desc *desc)
{
	struct mmap_action *action = &desc->action;

	mmap_action_remap_full(desc, desc->pgoff);
	action->error_hook = dec_again;
	return 0;
}

/* Anonymous, but the ops set afterwards would win in 7.2. */
static int dec_anon(const struct vm_area_struct *vma)
{
	vma_set_anonymous((struct vm_area_struct *)vma);
	return 0;
}

static const struct vm_operations_struct dec_vm_ops;

static int dec_anon_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.success_hook = dec_anon;
	desc->vm_ops = &dec_vm_ops;
	return 0;
}

/* Passes the descriptor on afterwards: the callee may set vm_ops. */
static int dec_anon_shmem_mmap_prepare(struct vm_area_desc *desc)
{
	desc->action.success_hook = dec_anon;
	return shmem_zero_setup_desc(desc);
}

/* Reads the field. */
static int dec_peek_mmap_prepare(struct vm_area_desc *desc)
{
	if (desc->action.error_hook)
		return -EBUSY;
	desc->action.error_hook = dec_again;
	return 0;
}

/* The errno depends on the configuration. */
#ifdef CONFIG_DEC_BUSY
static int dec_cfg(int err)
{
	return -EBUSY;
}
#else
static int dec_cfg(int err)
{
	return -EAGAIN;
}
#endif

static int dec_cfg_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	desc->action.error_hook = dec_cfg;
	return 0;
}

static const struct file_operations dec_fops[] = {
	{ .mmap_prepare = dec_mmap_prepare },
	{ .mmap_prepare = dec_loud_mmap_prepare },
	{ .mmap_prepare = dec_positive_mmap_prepare },
	{ .mmap_prepare = dec_count_mmap_prepare },
	{ .mmap_prepare = dec_extern_mmap_prepare },
	{ .mmap_prepare = dec_action_mmap_prepare },
	{ .mmap_prepare = dec_anon_mmap_prepare },
	{ .mmap_prepare = dec_anon_shmem_mmap_prepare },
	{ .mmap_prepare = dec_peek_mmap_prepare },
	{ .mmap_prepare = dec_cfg_mmap_prepare },
};
