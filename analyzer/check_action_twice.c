// SPDX-License-Identifier: GPL-2.0
/*
 * action-twice (R10): each mmap_action_*() helper overwrites desc->action, so a second
 * helper call on a path through the hook silently replaces the first request. The
 * interpreter in flow.c finds the second calls (FACT_SECOND_ACTION); this file reports the
 * first one of each function.
 */
#include "check_util.h"
#include "flow.h"

static int my_id;

static void twice_fact(struct unit *u, const struct flow_fact *fact, void *data)
{
	bool *reported = data;

	if (fact->kind != FACT_SECOND_ACTION || *reported)
		return;
	*reported = true;
	report(u, my_id, fact->at,
	       "%s(): %s() replaces the action already requested by %s() on line %u; a "
	       "descriptor carries one action: request a single range (or keep the "
	       "driver on .mmap)", fact->f->name, fact->helper, fact->action, fact->action_line);
}

static void twice_func(struct unit *u, struct func *f)
{
	bool reported = false;

	if (f->in_prepare && f->takes_desc)
		flow_hook(u, f, twice_fact, &reported);
}

void check_action_twice(int id)
{
	my_id = id;
	add_func_hook(id, twice_func);
}
