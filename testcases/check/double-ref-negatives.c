// SPDX-License-Identifier: GPL-2.0
/*
 * double-ref: no finding for the corrected afs shape (the prepare hook leaves the count to
 * mapped, .close drops it, .open retakes it), the stm shape (runtime PM taken in mapped,
 * given back in .close through a helper, retaken in .open), a kref given back through the
 * container's put helper, ops that forbid splitting, and a prepare hook and mapped that
 * only read the same object (accessors are not references).
 *
 * check-name: double-ref: negatives
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>

int pm_runtime_get_sync(struct device *dev);
int pm_runtime_get(struct device *dev);
int pm_runtime_put_autosuspend(struct device *dev);
void pm_runtime_mark_last_busy(struct device *dev);

struct gvnode {
	struct kref ref;
	unsigned long size;
};

void gv_add_open_mmap(struct gvnode *vnode);
void gv_drop_open_mmap(struct gvnode *vnode);
void gv_free(struct kref *ref);

static struct gvnode *GV_I(const struct file *file)
{
	return file->private_data;
}

/* afs, as merged in 7.1 */
static int gv_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	gv_add_open_mmap(GV_I(file));
	return 0;
}

static void gv_vm_open(struct vm_area_struct *vma)
{
	gv_add_open_mmap(GV_I(vma->vm_file));
}

static void gv_vm_close(struct vm_area_struct *vma)
{
	gv_drop_open_mmap(GV_I(vma->vm_file));
}

static const struct vm_operations_struct gv_vm_ops = {
	.open = gv_vm_open,
	.close = gv_vm_close,
	.mapped = gv_mapped,
};

static int gv_mmap_prepare(struct vm_area_desc *desc)
{
	struct gvnode *vnode = GV_I(desc->file);
	int ret;

	if (vnode->size < vma_desc_size(desc))
		return -EINVAL;
	ret = generic_file_mmap_prepare(desc);
	if (ret == 0)
		desc->vm_ops = &gv_vm_ops;
	return ret;
}

/* stm */
struct sdev {
	struct device dev;
};

struct sfile {
	struct sdev *stm;
};

static int st_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	struct sfile *stmf = file->private_data;
	struct sdev *stm = stmf->stm;

	pm_runtime_get_sync(&stm->dev);
	return 0;
}

static void st_open(struct vm_area_struct *vma)
{
	struct sfile *stmf = vma->vm_file->private_data;

	pm_runtime_get(&stmf->stm->dev);
}

static void st_idle(struct sdev *stm)
{
	pm_runtime_mark_last_busy(&stm->dev);
	pm_runtime_put_autosuspend(&stm->dev);
}

static void st_close(struct vm_area_struct *vma)
{
	struct sfile *stmf = vma->vm_file->private_data;

	st_idle(stmf->stm);
}

static const struct vm_operations_struct st_vm_ops = {
	.open = st_open,
	.close = st_close,
	.mapped = st_mapped,
};

static int st_mmap_prepare(struct vm_area_desc *desc)
{
	struct sfile *stmf = desc->file->private_data;

	if (!stmf->stm)
		return -EINVAL;
	desc->vm_ops = &st_vm_ops;
	mmap_action_ioremap_full(desc, 0x1000);
	return 0;
}

/* a kref given back through the container's own put, on ops that refuse splits */
static void kc_put(struct gvnode *v)
{
	kref_put(&v->ref, gv_free);
}

static int kc_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		     const struct file *file, void **vm_private_data)
{
	struct gvnode *v = GV_I(file);

	kref_get(&v->ref);
	*vm_private_data = v;
	return 0;
}

static void kc_close(struct vm_area_struct *vma)
{
	kc_put(vma->vm_private_data);
}

static int kc_may_split(struct vm_area_struct *vma, unsigned long addr)
{
	return -EINVAL;
}

static const struct vm_operations_struct kc_vm_ops = {
	.mapped = kc_mapped,
	.close = kc_close,
	.may_split = kc_may_split,
};

static int kc_mmap_prepare(struct vm_area_desc *desc)
{
	if (!GV_I(desc->file))
		return -ENODEV;
	desc->vm_ops = &kc_vm_ops;
	return 0;
}

const struct file_operations gv_fops[] = {
	{ .mmap_prepare = gv_mmap_prepare },
	{ .mmap_prepare = st_mmap_prepare },
	{ .mmap_prepare = kc_mmap_prepare },
};

/*
 * check-output-start
 * check-output-end
 */
