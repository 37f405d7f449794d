// SPDX-License-Identifier: GPL-2.0
/*
 * f_op->mmap tested to decide whether a file can be mapped (R19), in the shapes 6.12 still
 * has: a binary loader refusing an interpreter, an executable or a library, the mmap
 * syscall path and its nommu twin, a backing file, a stacked filesystem that dispatches
 * itself, a local copy of f_op, a comparison with NULL, ?:, a bool, and a lockdown test
 * given only the file_operations.
 *
 * check-name: mmap-presence: positives
 */
#include <linux/fs.h>
#include <linux/mm.h>

struct pbin_prm {
	struct file *file;
	unsigned long flags;
};

static int pbin_load_interp(struct file *interpreter)
{
	if (!interpreter->f_op->mmap)
		return -ENOEXEC;
	return 0;
}

static int pbin_load_binary(struct pbin_prm *bprm)
{
	int retval = -ENOEXEC;

	if (bprm->flags & 1)
		goto out;
	if (!bprm->file->f_op->mmap)
		goto out;
	retval = pbin_load_interp(bprm->file);
out:
	return retval;
}

static int pbin_load_library(struct file *file, bool arch_ok)
{
	if (!arch_ok || !file->f_op->mmap)
		return -ENOEXEC;
	return 0;
}

static unsigned long pmm_do_mmap(struct file *file, unsigned long flags)
{
	if (file) {
		switch (flags & 3) {
		case 1:
			break;
		case 2:
			if (!file->f_op->mmap)
				return -ENODEV;
			break;
		default:
			return -EINVAL;
		}
	}
	return 0;
}

static int pmm_validate_nommu(struct file *file, unsigned long *capabilities)
{
	if (file) {
		/* files must support mmap */
		if (!file->f_op->mmap)
			return -ENODEV;
		*capabilities = 1;
	}
	return 0;
}

static int pback_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(file->f_mode & FMODE_WRITE) && vma->vm_pgoff)
		return -EIO;
	if (!file->f_op->mmap)
		return -ENODEV;
	return vfs_mmap(file, vma);
}

static int pstack_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *host_file = file->private_data;

	if (!host_file->f_op->mmap)
		return -ENODEV;
	return host_file->f_op->mmap(host_file, vma);
}

static int plower_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower_file = file->private_data;
	const struct file_operations *fop = lower_file->f_op;

	if (fop->mmap == NULL)
		return -ENODEV;
	return vfs_mmap(lower_file, vma);
}

static int pcheck_ternary(struct file *file)
{
	return file->f_op->mmap ? 0 : -ENODEV;
}

static bool pcheck_bool(struct file *file)
{
	bool mappable = file->f_op->mmap;

	return mappable;
}

/* a check that lets files without mapping hooks skip a lockdown test */
static int plocked_down(const struct file_operations *real_fops, bool writable)
{
	if (!writable && (!real_fops || (!real_fops->unlocked_ioctl && !real_fops->mmap)))
		return 0;
	return -EPERM;
}

const struct file_operations pstack_fops[] = {
	{ .mmap = pback_file_mmap },
	{ .mmap = pstack_file_mmap },
	{ .mmap = plower_mmap },
};

int pcheck_all(struct pbin_prm *bprm, struct file *file, unsigned long *caps)
{
	return pbin_load_binary(bprm) + pbin_load_library(file, true) +
	       (int)pmm_do_mmap(file, 2) + pmm_validate_nommu(file, caps) +
	       pcheck_ternary(file) + pcheck_bool(file) + plocked_down(file->f_op, false);
}

/*
 * check-output-start
mmap-presence.c:21:26: warning: pbin_load_interp(): tests interpreter->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(interpreter) [mmap-presence]
mmap-presence.c:32:25: warning: pbin_load_binary(): tests bprm->file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(bprm->file) [mmap-presence]
mmap-presence.c:41:31: warning: pbin_load_library(): tests file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(file) [mmap-presence]
mmap-presence.c:53:21: warning: pmm_do_mmap(): tests file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(file) [mmap-presence]
mmap-presence.c:67:20: warning: pmm_validate_nommu(): tests file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(file) [mmap-presence]
mmap-presence.c:78:19: warning: pback_file_mmap(): tests file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(file) [mmap-presence]
mmap-presence.c:87:24: warning: pstack_file_mmap(): tests host_file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(host_file), and call the hook through vfs_mmap(), which runs either [mmap-presence]
mmap-presence.c:97:11: warning: plower_mmap(): tests fop->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(lower_file) [mmap-presence]
mmap-presence.c:104:21: warning: pcheck_ternary(): tests file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(file) [mmap-presence]
mmap-presence.c:109:30: warning: pcheck_bool(): tests file->f_op->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: use can_mmap_file(file) [mmap-presence]
mmap-presence.c:117:77: warning: plocked_down(): tests real_fops->mmap to decide whether the file can be mapped; a file whose driver moved to .mmap_prepare has no .mmap and is refused: test ->mmap_prepare as well (can_mmap_file() does both for a file) [mmap-presence]
 * check-output-end
 */
