// SPDX-License-Identifier: GPL-2.0
/*
 * action-direct (R9): a prepare hook requests an action through the mmap_action_*()
 * helpers; it never writes desc->action.type or the union by hand, never sets
 * hide_from_rmap_until_complete (core and hugetlb only), and no driver calls the core
 * internals mmap_action_prepare(), mmap_action_complete() or the remap prepare and
 * complete steps. error_override (7.2) is the one field drivers set directly; success_hook and
 * error_hook are action-hook's business.
 * R9 reserves all of this for the mm core itself: nothing is reported in a file under the
 * tree's top mm/ folder, and hide_from_rmap_until_complete is hugetlb's own field in
 * fs/hugetlbfs/ (and mm/hugetlb*.c, which is mm core anyway).
 */
#include "check_util.h"

static int my_id;

static bool is_core_internal(const char *name)
{
	static const char *const names[] = {
		"mmap_action_prepare", "mmap_action_complete", "mmap_action_finish",
		"remap_pfn_range_prepare", "remap_pfn_range_complete",
		"io_remap_pfn_range_prepare", "io_remap_pfn_range_complete",
		"map_kernel_pages_prepare", "map_kernel_pages_complete",
		"simple_ioremap_prepare", "simple_ioremap_complete",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static bool skip_field(const char *name)
{
	return !strcmp(name, "error_override") || !strcmp(name, "error_filter") ||
	       !strcmp(name, "success_hook") || !strcmp(name, "error_hook");
}

/* Is the chain under this member reached through a pointer (the hook's descriptor)? */
static bool via_pointer(struct node *m)
{
	while (m && m->kind == CXCursor_MemberRefExpr && m->nkids) {
		struct node *b = strip(m->kids[0]);

		if (clang_getCanonicalType(node_type(b)).kind == CXType_Pointer)
			return true;
		m = b;
	}
	return false;
}

/* The mm core runs actions: its own files may do all of the above. */
static bool in_mm_core(struct unit *u)
{
	return unit_in_tree_dir(u, "mm/");
}

static bool in_hugetlb(struct unit *u)
{
	return unit_in_tree_dir(u, "fs/hugetlbfs/") || unit_in_tree_dir(u, "mm/hugetlb");
}

static void direct_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	const char *name, *rec;
	struct node *w, *top;

	if (n->kind != CXCursor_CallExpr && n->kind != CXCursor_MemberRefExpr)
		return;
	if (in_mm_core(u))
		return;
	if (n->kind == CXCursor_CallExpr) {
		name = call_name(u, n);
		if (is_core_internal(name))
			report(u, my_id, n, "%scalls %s(), an mm-internal step of running an "
			       "action; a driver only requests one with an mmap_action_*() helper "
			       "and the core runs it", fn_prefix(u, f), name);
		return;
	}
	if (!f || !f->in_prepare || n->kind != CXCursor_MemberRefExpr)
		return;
	name = node_name(u, n);
	rec = member_record(u, n);
	if (!rec)
		return;
	if (!strcmp(rec, "vm_area_desc") && !strcmp(name, "action")) {
		/* desc->action = ... overwrites the whole action */
		w = writer_of(u, n);
		if (w && via_pointer(n))
			report(u, my_id, w, "%s(): overwrites %s by hand in %s; request the action "
			       "with an mmap_action_*() helper instead", f->name, expr_text(u, n),
			       prepare_ctx(u, f));
		return;
	}
	if (strcmp(rec, "mmap_action") || skip_field(name))
		return;
	/* the outermost member of the chain is what is written: desc->action.remap.start */
	top = n;
	while (top->parent && top->parent->kind == CXCursor_MemberRefExpr &&
	       top->parent->kids[0] == top)
		top = top->parent;
	w = writer_of(u, top);
	if (!w || !via_pointer(n))
		return;
	if (!strcmp(name, "hide_from_rmap_until_complete")) {
		if (!in_hugetlb(u))
			report(u, my_id, w, "%s(): sets %s in %s; it is for the mm core and "
			       "hugetlb only (and forced off for stacked callers): drop it",
			       f->name, expr_text(u, top), prepare_ctx(u, f));
	} else {
		report(u, my_id, w, "%s(): writes %s by hand in %s; request the action with an "
		       "mmap_action_*() helper (mmap_action_remap(), mmap_action_ioremap(), "
		       "...), which fills type and range together", f->name, expr_text(u, top),
		       prepare_ctx(u, f));
	}
}

void check_action_direct(int id)
{
	my_id = id;
	add_node_hook(id, direct_node);
}
