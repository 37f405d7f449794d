// SPDX-License-Identifier: GPL-2.0
/*
 * vma-in-prepare (R1, R17): an mmap_prepare hook runs before the VMA exists. Inside the hook
 * and every function it calls in this file, report where a struct vm_area_struct comes
 * from: a parameter or local of that type, a call returning one (find_vma, vma_lookup), a
 * cast or container_of, a global, a field of another struct; and calls of the compat APIs
 * that need a real VMA. vm_ops callbacks that are only stored are not calls, and compat
 * bridges that take both a descriptor and a VMA are not hooks (ast.c).
 */
#include "check_util.h"

static int my_id;

#define MAX_SEEN 256

static struct {
	const struct func *f;
	unsigned int line;
	CXCursor decl;			/* a global: one finding per function */
} seen[MAX_SEEN];
static unsigned int nseen;
static const struct unit *seen_unit;

/*
 * One finding per function and line (a declaration and its initializer are one use), and
 * one per function for each global.
 */
static bool first_use(struct unit *u, struct node *n, CXCursor decl)
{
	unsigned int i;

	if (seen_unit != u) {
		seen_unit = u;
		nseen = 0;
	}
	for (i = 0; i < nseen; i++) {
		if (seen[i].f != n->func)
			continue;
		if (seen[i].line == n->line)
			return false;
		if (!clang_Cursor_isNull(decl) && clang_equalCursors(seen[i].decl, decl))
			return false;
	}
	if (nseen < MAX_SEEN) {
		seen[nseen].f = n->func;
		seen[nseen].decl = decl;
		seen[nseen++].line = n->line;
	}
	return true;
}

static bool in_unevaluated(struct node *n)
{
	for (n = n->parent; n; n = n->parent)
		if (n->kind == CXCursor_UnaryExpr)
			return true;
	return false;
}

static bool is_compat_api(const char *name)
{
	return !strcmp(name, "compat_vma_mmap") || !strcmp(name, "__compat_vma_mmap") ||
	       !strcmp(name, "compat_set_desc_from_vma") || !strcmp(name, "vfs_mmap") ||
	       !strcmp(name, "compat_vma_mmap_prepare") || !strcmp(name, "call_mmap");
}

static void vma_report(struct unit *u, struct node *n, const char *what)
{
	struct func *f = n->func;
	CXCursor decl = clang_getNullCursor();

	if (n->kind == CXCursor_DeclRefExpr)
		decl = clang_getCursorReferenced(n->cur);
	if (!first_use(u, n, decl))
		return;
	report(u, my_id, n,
	       "%s(): %s in %s; no VMA exists while mmap_prepare runs: use the descriptor "
	       "(desc->start, end, pgoff, page_prot, flags)%s",
	       f->name, what, prepare_ctx(u, f),
	       u->api >= 701 ? " and do work on the new mapping in vm_ops->mapped" :
	       ", or keep this driver on .mmap until vm_ops->mapped exists (7.1)");
}

static void vma_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	CXType t;

	if (!f || !f->in_prepare || in_unevaluated(n))
		return;
	switch (n->kind) {
	case CXCursor_ParmDecl:
		if (n->parent != f->tree)
			return;
		/* fall through */
	case CXCursor_VarDecl:
		t = node_type(n);
		if (type_mentions(u, t, "vm_area_struct"))
			vma_report(u, n, arena_printf(&u->arena, "'%s' is a struct vm_area_struct%s",
						      node_name(u, n),
						      clang_getCanonicalType(t).kind ==
						      CXType_Pointer ? " pointer" : ""));
		return;
	case CXCursor_CallExpr: {
		const char *name = call_name(u, n);

		if (type_mentions(u, node_type(n), "vm_area_struct"))
			vma_report(u, n, arena_printf(&u->arena, "%s() returns a struct "
						      "vm_area_struct", name));
		else if (is_compat_api(name))
			vma_report(u, n, arena_printf(&u->arena, "%s() needs a real VMA (the "
						      "compat APIs are for .mmap hooks only)",
						      name));
		return;
	}
	case CXCursor_CStyleCastExpr:
		if (type_mentions(u, node_type(n), "vm_area_struct"))
			vma_report(u, n, "a value is cast to a struct vm_area_struct pointer");
		return;
	case CXCursor_MemberRefExpr:
		if (type_mentions(u, node_type(n), "vm_area_struct"))
			vma_report(u, n, arena_printf(&u->arena, "'%s' holds a struct "
						      "vm_area_struct", expr_text(u, n)));
		return;
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(n->cur);

		if (clang_getCursorKind(d) == CXCursor_VarDecl &&
		    clang_Cursor_hasVarDeclGlobalStorage(d) &&
		    type_mentions(u, node_type(n), "vm_area_struct"))
			vma_report(u, n, arena_printf(&u->arena, "the global '%s' is a struct "
						      "vm_area_struct", node_name(u, n)));
		return;
	}
	default:
		return;
	}
}

void check_vma_in_prepare(int id)
{
	my_id = id;
	add_node_hook(id, vma_node);
}
