// SPDX-License-Identifier: GPL-2.0
/* Logging calls are not per-mapping state; other calls for effect are. */
#include <linux/fs.h>
#include <linux/mm.h>

struct chatty {
	int id;
};

extern void chatty_debug(struct chatty *c, const char *what);
extern void chatty_register_mapping(struct chatty *c);

static const struct vm_operations_struct chatty_vm_ops;

static int chatty_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct chatty *c = file->private_data;

	chatty_debug(c, "mmap");
	vma->vm_ops = &chatty_vm_ops;
	return 0;
}

static int busy_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct chatty *c = file->private_data;

	chatty_register_mapping(c);
	vma->vm_ops = &chatty_vm_ops;
	return 0;
}

static const struct file_operations chatty_fops = {
	.mmap = chatty_mmap,
};

static const struct file_operations busy_fops = {
	.mmap = busy_mmap,
};
