// SPDX-License-Identifier: GPL-2.0
/*
 * desc-uninit (R7): a struct vm_area_desc or struct mmap_action local with no initializer
 * and no memset whose address is passed on, or a field of which is read, while some fields
 * may still be unwritten on some path. This is the March 2026 compat_vma_mmap() crash: a
 * partly filled descriptor reached code that called a garbage success_hook.
 * The work is done by the interpreter in flow.c.
 */
#include "check_util.h"
#include "flow.h"

static int my_id;

static void uninit_func(struct unit *u, struct func *f)
{
	flow_uninit(u, f, my_id);
}

void check_desc_uninit(int id)
{
	my_id = id;
	add_func_hook(id, uninit_func);
}
