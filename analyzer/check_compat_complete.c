// SPDX-License-Identifier: GPL-2.0
/*
 * compat-complete (R17): a .mmap bridge that builds a descriptor with
 * compat_set_desc_from_vma() and calls a prepare hook must then call
 * __compat_vma_mmap(&desc, vma): that is what applies the fields to the VMA, runs the
 * action and calls vm_ops->mapped. Reported when the function never does, neither itself
 * nor through a function of this file it hands the descriptor to. A descriptor handed to a
 * named function defined elsewhere may be completed there and is not reported.
 */
#include "check_util.h"

static int my_id;

/* The local variable behind &var, or a null cursor. */
static CXCursor addr_of_local(struct unit *u, struct node *arg)
{
	struct node *a = strip_casts(arg);

	if (a && a->kind == CXCursor_UnaryOperator && unop_kind(u, a) == UNOP_ADDR) {
		a = strip(a->kids[0]);
		if (a->kind == CXCursor_DeclRefExpr)
			return clang_getCursorReferenced(a->cur);
	}
	return clang_getNullCursor();
}

static bool calls_complete(struct unit *u, struct node *n, int depth);

struct scan {
	CXCursor desc;
	bool completed;
	bool maybe_elsewhere;
	struct node *built;
};

static void scan_calls(struct unit *u, struct node *n, struct scan *sc)
{
	unsigned int i;

	if (n->kind == CXCursor_CallExpr) {
		const char *name = call_name(u, n);
		struct func *callee = call_func(u, n);
		bool named = !clang_Cursor_isNull(call_target(n));

		for (i = 1; i < n->nkids; i++) {
			CXCursor v = addr_of_local(u, n->kids[i]);

			if (clang_Cursor_isNull(v) || !clang_equalCursors(v, sc->desc))
				continue;
			if (!strcmp(name, "__compat_vma_mmap"))
				sc->completed = true;
			else if (!strcmp(name, "compat_set_desc_from_vma"))
				;
			else if (callee && callee->in_main)
				sc->completed |= calls_complete(u, callee->tree, 0);
			else if (named && !callee)
				sc->maybe_elsewhere = true;
		}
	}
	for (i = 0; i < n->nkids; i++)
		scan_calls(u, n->kids[i], sc);
}

static bool calls_complete(struct unit *u, struct node *n, int depth)
{
	unsigned int i;

	if (depth > 4)
		return true;
	if (n->kind == CXCursor_CallExpr) {
		struct func *callee = call_func(u, n);

		if (!strcmp(call_name(u, n), "__compat_vma_mmap"))
			return true;
		if (callee && callee->in_main && callee->tree != n &&
		    calls_complete(u, callee->tree, depth + 1))
			return true;
	}
	for (i = 0; i < n->nkids; i++)
		if (calls_complete(u, n->kids[i], depth))
			return true;
	return false;
}

static void find_builders(struct unit *u, struct func *f, struct node *n)
{
	unsigned int i;

	if (n->kind == CXCursor_CallExpr && n->nkids >= 2 &&
	    !strcmp(call_name(u, n), "compat_set_desc_from_vma")) {
		struct scan sc = { addr_of_local(u, n->kids[1]), false, false, n };

		if (!clang_Cursor_isNull(sc.desc)) {
			scan_calls(u, f->tree, &sc);
			if (!sc.completed && !sc.maybe_elsewhere)
				report(u, my_id, n, "%s(): the descriptor built by "
				       "compat_set_desc_from_vma() never reaches __compat_vma_mmap(); "
				       "without it the VMA keeps its old fields, the action is not run "
				       "and vm_ops->mapped is not called: call __compat_vma_mmap(&%s, "
				       "vma) when the hook succeeds", f->name,
				       cx_str(u, clang_getCursorSpelling(sc.desc)));
		}
	}
	for (i = 0; i < n->nkids; i++)
		find_builders(u, f, n->kids[i]);
}

static void complete_func(struct unit *u, struct func *f)
{
	find_builders(u, f, f->tree);
}

void check_compat_complete(int id)
{
	my_id = id;
	add_func_hook(id, complete_func);
}
