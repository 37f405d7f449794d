// SPDX-License-Identifier: GPL-2.0
/*
 * pages-lifetime (R12): mmap_action_map_kernel_pages() and _full() store only the pointer
 * to the page array; the pages are inserted by mmap_action_complete() after the hook has
 * returned. A local array, or an allocation the function frees, is gone by then.
 */
#include "check_util.h"

static int my_id;

static bool is_local(CXCursor var)
{
	return clang_getCursorKind(var) == CXCursor_VarDecl &&
	       !clang_Cursor_hasVarDeclGlobalStorage(var);
}

static bool is_array(CXCursor var)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));

	return t.kind == CXType_ConstantArray || t.kind == CXType_VariableArray ||
	       t.kind == CXType_IncompleteArray;
}

static bool frees(struct unit *u, struct node *n, CXCursor var)
{
	unsigned int i;

	if (n->kind == CXCursor_CallExpr && n->nkids >= 2) {
		const char *name = call_name(u, n);
		struct node *a = strip_casts(n->kids[1]);

		if ((!strcmp(name, "kfree") || !strcmp(name, "kvfree") || !strcmp(name, "vfree")) &&
		    a->kind == CXCursor_DeclRefExpr &&
		    clang_equalCursors(clang_getCursorReferenced(a->cur), var))
			return true;
	}
	for (i = 0; i < n->nkids; i++)
		if (frees(u, n->kids[i], var))
			return true;
	return false;
}

static void pages_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	const char *name;
	struct node *a;
	unsigned int idx;
	CXCursor var;

	if (!f || n->kind != CXCursor_CallExpr)
		return;
	name = call_name(u, n);
	if (!strcmp(name, "mmap_action_map_kernel_pages"))
		idx = 3;
	else if (!strcmp(name, "mmap_action_map_kernel_pages_full"))
		idx = 2;
	else
		return;
	if (n->nkids <= idx)
		return;
	a = strip_casts(n->kids[idx]);
	if (a->kind == CXCursor_UnaryOperator && unop_kind(u, a) == UNOP_ADDR)
		a = strip_casts(a->kids[0]);
	while (a->kind == CXCursor_ArraySubscriptExpr && a->nkids == 2)
		a = strip_casts(a->kids[0]);
	if (a->kind == CXCursor_BinaryOperator && a->nkids == 2)	/* pages + off */
		a = strip_casts(a->kids[0]);
	if (a->kind != CXCursor_DeclRefExpr)
		return;
	var = clang_getCursorReferenced(a->cur);
	if (!is_local(var))
		return;
	if (is_array(var))
		report(u, my_id, a, "%s(): %s() is given the local array '%s'; only the pointer is "
		       "kept and the pages are inserted after the hook returns, when '%s' is gone: "
		       "keep the page array in data that lives as long as the mapping",
		       f->name, name, node_name(u, a), node_name(u, a));
	else if (frees(u, f->tree, var))
		report(u, my_id, a, "%s(): %s() is given '%s', which %s() frees; only the pointer "
		       "is kept and the pages are inserted after the hook returns: free the array "
		       "when the mapping goes away (vm_ops->close), not in the hook",
		       f->name, name, node_name(u, a), f->name);
}

void check_pages_lifetime(int id)
{
	my_id = id;
	add_node_hook(id, pages_node);
}
