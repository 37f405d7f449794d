// SPDX-License-Identifier: GPL-2.0
/*
 * prot-after-remap (R11): mmap_action_remap*() and mmap_action_ioremap*() copy
 * desc->page_prot when they are called; changing it afterwards does not change the
 * protection of the remapped pages. The interpreter in flow.c finds the late writes
 * (FACT_PROT_AFTER_REMAP); this file reports the first one of each function.
 */
#include "check_util.h"
#include "flow.h"

static int my_id;

static void prot_fact(struct unit *u, const struct flow_fact *fact, void *data)
{
	bool *reported = data;

	if (fact->kind != FACT_PROT_AFTER_REMAP || *reported)
		return;
	*reported = true;
	report(u, my_id, fact->at,
	       "%s(): %s->page_prot is changed after %s() on line %u already captured it; "
	       "the remap keeps the old protection: set %s->page_prot before calling %s()",
	       fact->f->name, fact->obj, fact->action, fact->action_line, fact->obj,
	       fact->action);
}

static void prot_func(struct unit *u, struct func *f)
{
	bool reported = false;

	if (f->in_prepare && f->takes_desc)
		flow_hook(u, f, prot_fact, &reported);
}

void check_prot_after_remap(int id)
{
	my_id = id;
	add_func_hook(id, prot_func);
}
