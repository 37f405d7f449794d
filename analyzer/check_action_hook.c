// SPDX-License-Identifier: GPL-2.0
/*
 * action-hook (R5): mmap_action.success_hook and error_hook are removed in 7.2.
 * success_hook handed the driver the new VMA; error_hook filtered the errno. Report every
 * write and read, and (on 7.2 headers, where the fields are gone) the compiler's
 * "no member named" error, with what replaces each. Below --api=7.2 the fields are valid
 * API: a use is a note naming 7.2; from 7.2 on a warning.
 */
#include "check_util.h"

static int my_id;

static const char *advice(struct unit *u, const char *field)
{
	if (!strcmp(field, "success_hook")) {
		if (u->api >= 702)
			return "success_hook was removed in 7.2: do work on the new mapping in "
			       "vm_ops->mapped, or call vma_desc_set_anonymous(desc) for a "
			       "/dev/zero-style private mapping";
		if (u->api >= 701)
			return "success_hook hands the driver the VMA and is removed in 7.2: do "
			       "work on the new mapping in vm_ops->mapped instead";
		return "success_hook hands the driver the VMA and is removed in 7.2; before 7.1 "
		       "there is no replacement (vm_ops->mapped): keep this driver on .mmap";
	}
	if (u->api >= 702)
		return "error_hook was replaced in 7.2 by a constant: "
		       "desc->action.error_override = -EAGAIN; (any -errno in -4095..-1)";
	return "error_hook is removed in 7.2, where a constant "
	       "desc->action.error_override = -E...; replaces it";
}

static bool is_hook_field(const char *name)
{
	return !strcmp(name, "success_hook") || !strcmp(name, "error_hook");
}

static void hook_node(struct unit *u, struct node *n)
{
	const char *name, *rec, *how;
	struct node *w;

	if (n->kind != CXCursor_MemberRefExpr && n->kind != CXCursor_MemberRef)
		return;
	name = node_name(u, n);
	if (!is_hook_field(name))
		return;
	rec = member_record(u, n);
	if (!rec || strcmp(rec, "mmap_action"))
		return;
	if (n->kind == CXCursor_MemberRef) {
		if (!n->parent || designator_member(n->parent) != n)
			return;
		how = is_null_value(n->parent->kids[n->parent->nkids - 1]) ? "clears" : "sets";
	} else {
		w = writer_of(u, n);
		how = w ? (is_null_value(w->kids[w->nkids - 1]) ? "clears" : "sets") : "reads";
	}
	report_sev(u, my_id, api_severity(u, api_removed(name, "mmap_action")), n,
		   "%s%s action.%s; %s", fn_prefix(u, n->func), how, name, advice(u, name));
}

static bool hook_diag(struct unit *u, const struct diag *d)
{
	static const char *const fields[] = { "success_hook", "error_hook" };
	size_t i;

	for (i = 0; i < 2; i++) {
		char *a = xasprintf("no member named '%s' in 'struct mmap_action'", fields[i]);
		char *b = xasprintf("field designator '%s' does not refer to any field in type "
				    "'struct mmap_action'", fields[i]);
		bool hit = strstr(d->message, a) || strstr(d->message, b);

		free(a);
		free(b);
		if (hit) {
			report_at(u, my_id, d->line, d->col, d->func,
				  "%suses action.%s; %s", fn_prefix(u, d->func), fields[i],
				  advice(u, fields[i]));
			return true;
		}
	}
	return false;
}

void check_action_hook(int id)
{
	my_id = id;
	add_node_hook(id, hook_node);
	add_diag_hook(id, hook_diag);
}
