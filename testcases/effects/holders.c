// SPDX-License-Identifier: GPL-2.0
/*
 * A filesystem's own lock, taken and given back in the .mmap hook through a
 * holder or a level: not per-mapping state, whatever the lock's bookkeeping
 * counts.  The same calls that leave the hook holding it are.
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct lockres {
	unsigned int holders;
	unsigned long stats;
	unsigned long gen;
};

struct holder {
	struct lockres *res;
	int level;
};

static const struct vm_operations_struct wfs_vm_ops;

/* takes the lock: a holder count, and statistics only ever counted up */
static int wfs_hold(struct lockres *res, int level, struct holder *h)
{
	h->res = res;
	h->level = level;
	res->holders++;
	res->stats++;
	res->gen++;
	return 0;
}

/* gives it back */
static void wfs_drop(struct holder *h)
{
	h->res->holders--;
}

static int wfs_lock_inode(struct inode *inode, int *level)
{
	struct lockres *res = inode->i_private;

	*level = 1;
	res->holders++;
	res->stats++;
	return 0;
}

static void wfs_unlock_inode(struct inode *inode, int level)
{
	struct lockres *res = inode->i_private;

	res->holders--;
}

struct sized {
	seqcount_t seq;
	loff_t size;
};

/* i_size_write()'s shape: a value written in a seqcount's write section */
static void wfs_set_size(struct sized *s, loff_t size)
{
	write_seqcount_begin(&s->seq);
	s->size = size;
	write_seqcount_end(&s->seq);
}

/* the seqcount's sequence is not a counter of the mapping: converted */
static int sized_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sized *s = file->private_data;

	wfs_set_size(s, vma->vm_end - vma->vm_start);
	vma->vm_ops = &wfs_vm_ops;
	return 0;
}

/* gfs2's shape: a holder on the stack, the error of the take returned */
static int held_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct inode *inode = file_inode(file);

	if (!(file->f_flags & O_NOATIME)) {
		struct holder h;
		int error;

		error = wfs_hold(inode->i_private, 1, &h);
		if (error)
			return error;
		wfs_drop(&h);
		file_accessed(file);
	}
	vma->vm_ops = &wfs_vm_ops;
	return 0;
}

/* ocfs2's shape: a level given back, the failure of the take logged */
static int level_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = 0, level = 0;

	ret = wfs_lock_inode(file_inode(file), &level);
	if (ret < 0) {
		pr_err("wfs: lock failed: %d\n", ret);
		goto out;
	}
	wfs_unlock_inode(file_inode(file), level);
out:
	vma->vm_ops = &wfs_vm_ops;
	return 0;
}

/* a way out between the take and the give-back keeps the lock: not converted */
static int early_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct holder h;
	int error;

	error = wfs_hold(file_inode(file)->i_private, 1, &h);
	if (error)
		return error;
	if (vma->vm_pgoff)
		return -EINVAL;
	wfs_drop(&h);
	vma->vm_ops = &wfs_vm_ops;
	return 0;
}

/* given back only when something else fails: the lock is kept, not converted */
static int kept_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct holder h;
	int error;

	error = wfs_hold(file_inode(file)->i_private, 1, &h);
	if (error)
		return error;
	if (!(file->f_mode & FMODE_WRITE)) {
		wfs_drop(&h);
		return -EPERM;
	}
	vma->vm_ops = &wfs_vm_ops;
	return 0;
}

/* another holder than the one taken: not a pair, not converted */
static int other_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct holder h, g;
	int error;

	error = wfs_hold(file_inode(file)->i_private, 1, &h);
	if (error)
		return error;
	wfs_drop(&g);
	vma->vm_ops = &wfs_vm_ops;
	return 0;
}

static const struct file_operations held_fops = {
	.mmap		= held_mmap,
};

static const struct file_operations level_fops = {
	.mmap		= level_mmap,
};

static const struct file_operations early_fops = {
	.mmap		= early_mmap,
};

static const struct file_operations kept_fops = {
	.mmap		= kept_mmap,
};

static const struct file_operations other_fops = {
	.mmap		= other_mmap,
};

static const struct file_operations sized_fops = {
	.mmap		= sized_mmap,
};
