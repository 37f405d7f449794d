// SPDX-License-Identifier: GPL-2.0
/*
 * desc-immutable (R13): desc->mm, file, start and end describe the mapping being created
 * and are read-only for a prepare hook (const in 6.18-7.0; 7.1 dropped the const only so
 * that compat code can fill a descriptor). Writes through the hook's descriptor pointer
 * are reported; compat code filling a local descriptor is not.
 */
#include "check_util.h"

static int my_id;

static const char *advice(const char *field)
{
	if (!strcmp(field, "file"))
		return "assign desc->vm_file to change the file the VMA holds";
	if (!strcmp(field, "mm"))
		return "it only says which mm is being mapped into";
	return "to map part of the range, pass it to mmap_action_remap() or "
	       "mmap_action_map_kernel_pages()";
}

static bool is_ro_field(const char *name)
{
	return !strcmp(name, "mm") || !strcmp(name, "file") || !strcmp(name, "start") ||
	       !strcmp(name, "end");
}

/* The base of desc->x is a pointer to a descriptor (not a local object). */
static bool through_pointer(struct unit *u, struct node *member)
{
	struct node *b;

	if (!member->nkids)
		return false;
	b = strip(member->kids[0]);
	return type_ptr_to(u, node_type(b), "vm_area_desc");
}

static void immutable_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	const char *name, *rec;
	struct node *w;

	if (!f || !f->in_prepare)
		return;
	w = n->kind == CXCursor_UnaryOperator ? writer_of(u, n) : NULL;
	if (w && unop_kind(u, n) == UNOP_DEREF && w->kids[0] == n &&
	    type_ptr_to(u, node_type(strip(n->kids[0])), "vm_area_desc")) {
		report(u, my_id, w, "%s(): overwrites *%s, including the read-only mm, file, start "
		       "and end, in %s; assign the mutable fields one by one", f->name,
		       expr_text(u, n->kids[0]), prepare_ctx(u, f));
		return;
	}
	if (n->kind != CXCursor_MemberRefExpr)
		return;
	name = node_name(u, n);
	if (!is_ro_field(name))
		return;
	rec = member_record(u, n);
	if (!rec || strcmp(rec, "vm_area_desc") || !through_pointer(u, n))
		return;
	w = writer_of(u, n);
	if (!w)
		return;
	report(u, my_id, w, "%s(): writes %s in %s; mm, file, start and end are read-only for "
	       "a prepare hook: %s", f->name, expr_text(u, n), prepare_ctx(u, f),
	       advice(name));
}

static bool immutable_diag(struct unit *u, const struct diag *d)
{
	static const char *const fields[] = { "mm", "file", "start", "end" };
	size_t i;

	if (!d->func || !d->func->in_prepare ||
	    !strstr(d->message, "cannot assign to non-static data member"))
		return false;
	for (i = 0; i < 4; i++) {
		char *pat = xasprintf("member '%s' with const-qualified type", fields[i]);
		bool hit = strstr(d->message, pat);

		free(pat);
		if (hit) {
			report_at(u, my_id, d->line, d->col, d->func,
				  "%s(): writes desc->%s in %s; mm, file, start and end are "
				  "read-only for a prepare hook: %s", d->func->name, fields[i],
				  prepare_ctx(u, d->func), advice(fields[i]));
			return true;
		}
	}
	return false;
}

void check_desc_immutable(int id)
{
	my_id = id;
	add_node_hook(id, immutable_node);
	add_diag_hook(id, immutable_diag);
}
