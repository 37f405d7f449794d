// SPDX-License-Identifier: GPL-2.0
/*
 * A hook defined here and bound in chardev.c: it calls a function of
 * another module for its effect, so it stays on .mmap, and so do its
 * binding and its prototype.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include "priv.h"

extern void board_note_mapping(struct file *file);

int stuck_mmap(struct file *file, struct vm_area_struct *vma)
{
	board_note_mapping(file);
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}
