// SPDX-License-Identifier: GPL-2.0
/*
 * action-twice (R10): each mmap_action_*() helper overwrites desc->action, so a second
 * helper call on a path through the hook silently replaces the first request.
 */
#include "check_util.h"
#include "flow.h"

static int my_id;

static void twice_func(struct unit *u, struct func *f)
{
	if (f->in_prepare && f->takes_desc)
		flow_hook(u, f, my_id, HOOK_ACTION_TWICE);
}

void check_action_twice(int id)
{
	my_id = id;
	add_func_hook(id, twice_func);
}
