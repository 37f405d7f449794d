// SPDX-License-Identifier: GPL-2.0
/* A /proc window on the extended ring buffer. */
#include <linux/fs.h>
#include <linux/mm.h>

static int ringbuf_ext_proc_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct proc_ops ringbuf_ext_proc_ops = {
	.proc_mmap = ringbuf_ext_proc_mmap,
};
