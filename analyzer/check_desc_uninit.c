// SPDX-License-Identifier: GPL-2.0
/*
 * desc-uninit (R7): a struct vm_area_desc or struct mmap_action local with no initializer
 * and no memset whose address is passed on, or a field of which is read, while some fields
 * may still be unwritten on some path. This is the March 2026 compat_vma_mmap() crash: a
 * partly filled descriptor reached code that called a garbage success_hook.
 * The interpreter in flow.c finds the uses (FACT_UNINIT_USE); this file reports the first
 * one of each object.
 */
#include "check_util.h"
#include "flow.h"

static int my_id;

struct uninit_run {
	uint32_t reported;		/* objects already reported, by obj_index */
};

static const char *fix_hint(struct unit *u, const struct flow_fact *fact)
{
	if (!strcmp(fact->record, "mmap_action"))
		return arena_printf(&u->arena, "initialize it (struct mmap_action %s = {};) or "
				    "memset it first", fact->obj);
	if (u->api >= 701)
		return arena_printf(&u->arena, "initialize it (struct vm_area_desc %s = {};), "
				    "memset it, or fill it with compat_set_desc_from_vma() first",
				    fact->obj);
	return arena_printf(&u->arena,
			    "initialize it (struct vm_area_desc %s = {};) or memset it first",
			    fact->obj);
}

static const char *obj_text(struct unit *u, const struct flow_fact *fact)
{
	if (!*fact->path)
		return fact->obj;
	return arena_printf(&u->arena, "%s.%s", fact->obj, fact->path);
}

static const char *use_text(struct unit *u, const struct flow_fact *fact)
{
	const char *obj = obj_text(u, fact), *via = fact->via;

	switch (fact->use) {
	case FLOW_USE_READ:
		return arena_printf(&u->arena, "'%s' is read", obj);
	case FLOW_USE_COPY:
		return arena_printf(&u->arena, "'%s' is copied", obj);
	case FLOW_USE_ESCAPE:
		return arena_printf(&u->arena, "the address of '%s' is passed to %s%s", obj, via,
				    strchr(via, '(') ? "" : "()");
	case FLOW_USE_STORE:
		return arena_printf(&u->arena, "the address of '%s' is stored", obj);
	case FLOW_USE_RETURN:
		return arena_printf(&u->arena, "'%s' is returned", obj);
	default:
		return arena_printf(&u->arena, "the address of '%s' is passed to %s", obj, via);
	}
}

static void uninit_fact(struct unit *u, const struct flow_fact *fact, void *data)
{
	struct uninit_run *run = data;
	uint32_t bit = 1U << (fact->obj_index % 32);

	if (fact->kind != FACT_UNINIT_USE || (run->reported & bit))
		return;
	run->reported |= bit;
	report(u, my_id, fact->at,
	       "%s(): %s while %s %s of '%s' may be unwritten (%s has no initializer); %s",
	       fact->f->name, use_text(u, fact), strchr(fact->fields, ',') ? "fields" : "field",
	       fact->fields, fact->obj, fact->obj, fix_hint(u, fact));
}

static void uninit_func(struct unit *u, struct func *f)
{
	struct uninit_run run = { 0 };

	flow_uninit(u, f, uninit_fact, &run);
}

void check_desc_uninit(int id)
{
	my_id = id;
	add_func_hook(id, uninit_func);
}
