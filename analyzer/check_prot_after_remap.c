// SPDX-License-Identifier: GPL-2.0
/*
 * prot-after-remap (R11): mmap_action_remap*() and mmap_action_ioremap*() copy
 * desc->page_prot when they are called; changing it afterwards does not change the
 * protection of the remapped pages.
 */
#include "check_util.h"
#include "flow.h"

static int my_id;

static void prot_func(struct unit *u, struct func *f)
{
	if (f->in_prepare && f->takes_desc)
		flow_hook(u, f, my_id, HOOK_PROT_AFTER_REMAP);
}

void check_prot_after_remap(int id)
{
	my_id = id;
	add_func_hook(id, prot_func);
}
