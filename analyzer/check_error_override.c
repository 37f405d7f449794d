// SPDX-License-Identifier: GPL-2.0
/*
 * error-override (R6): desc->action.error_override (7.2; posted as error_filter) must be a
 * constant -errno in -4095..-1. check_mmap_action() WARNs and fails the mmap with -EINVAL
 * otherwise. error_filter was never merged.
 */
#include "check_util.h"

static int my_id;

static void check_value(struct unit *u, struct node *at, struct func *f, const char *field,
			struct node *value)
{
	long long v;

	if (!strcmp(field, "error_filter")) {
		report(u, my_id, at, "%ssets action.error_filter, a name that was never merged: "
		       "the field is desc->action.error_override (7.2)", fn_prefix(u, f));
		return;
	}
	if (!eval_int(value, &v)) {
		report(u, my_id, at, "%ssets action.error_override to '%s', which is not a "
		       "constant; it must be a constant -errno in -4095..-1 (e.g. -EAGAIN)",
		       fn_prefix(u, f), expr_text(u, value));
		return;
	}
	if (v >= -4095 && v <= -1)
		return;
	if (!v)
		report(u, my_id, at, "%ssets action.error_override to 0, which means no "
		       "override; drop the assignment", fn_prefix(u, f));
	else
		report(u, my_id, at, "%ssets action.error_override to %lld, which is not a "
		       "-errno in -4095..-1: mmap_action_prepare() WARNs and fails the mmap with "
		       "-EINVAL; use a negative errno such as -EAGAIN", fn_prefix(u, f), v);
}

static bool is_override_field(const char *name)
{
	return !strcmp(name, "error_override") || !strcmp(name, "error_filter");
}

static void override_node(struct unit *u, struct node *n)
{
	const char *name, *rec;
	struct node *w;

	if (n->kind != CXCursor_MemberRefExpr && n->kind != CXCursor_MemberRef)
		return;
	name = node_name(u, n);
	if (!is_override_field(name))
		return;
	rec = member_record(u, n);
	if (!rec || strcmp(rec, "mmap_action"))
		return;
	if (n->kind == CXCursor_MemberRef) {
		if (n->parent && designator_member(n->parent) == n)
			check_value(u, n, n->func, name, n->parent->kids[n->parent->nkids - 1]);
		return;
	}
	w = writer_of(u, n);
	if (!w)
		return;
	if (w->kind != CXCursor_BinaryOperator)
		report(u, my_id, w, "%scomputes action.%s in place; it must be a constant "
		       "-errno in -4095..-1 (e.g. -EAGAIN)", fn_prefix(u, n->func), name);
	else
		check_value(u, w, n->func, name, w->kids[1]);
}

static bool override_diag(struct unit *u, const struct diag *d)
{
	if (strstr(d->message, "'error_filter'") && strstr(d->message, "'struct mmap_action'")) {
		report_at(u, my_id, d->line, d->col, d->func,
			  "%suses action.error_filter, a name that was never merged: the field is "
			  "desc->action.error_override (7.2)", fn_prefix(u, d->func));
		return true;
	}
	if (strstr(d->message, "'error_override'") && strstr(d->message, "'struct mmap_action'")) {
		report_at(u, my_id, d->line, d->col, d->func,
			  "%suses action.error_override, which exists from 7.2 on; with --api=%s "
			  "there is no errno override (error_hook is removed in 7.2)",
			  fn_prefix(u, d->func), api_name(u->api));
		return true;
	}
	return false;
}

void check_error_override(int id)
{
	my_id = id;
	add_node_hook(id, override_node);
	add_diag_hook(id, override_diag);
}
