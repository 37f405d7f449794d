// SPDX-License-Identifier: GPL-2.0
/*
 * mapped-in-mmap (R4): since 7.1 vfs_mmap() calls __vma_check_mmap_hook() after a
 * successful f_op->mmap, which WARNs and fails with -EINVAL when vma->vm_ops->mapped is
 * set. So a vm_operations_struct with .mapped may only reach desc->vm_ops in an
 * mmap_prepare hook, never vma->vm_ops.
 */
#include "check_util.h"

static int my_id;

#define MAX_OPS 64

static CXCursor mapped_ops[MAX_OPS];
static const char *mapped_fn[MAX_OPS];
static unsigned int nops;

static void find_mapped_ops(struct unit *u, struct node *n)
{
	unsigned int i;

	if (n->kind == CXCursor_InitListExpr && n->parent && n->parent->kind == CXCursor_VarDecl &&
	    type_is_record(u, node_type(n), "vm_operations_struct")) {
		for (i = 0; i < n->nkids; i++) {
			struct node *m = designator_member(n->kids[i]);
			struct node *v = m ? n->kids[i]->kids[n->kids[i]->nkids - 1] : NULL;

			if (m && !strcmp(node_name(u, m), "mapped") && !is_null_value(v) &&
			    nops < MAX_OPS) {
				mapped_ops[nops] = n->parent->cur;
				mapped_fn[nops++] = expr_text(u, v);
			}
		}
	}
	for (i = 0; i < n->nkids; i++)
		find_mapped_ops(u, n->kids[i]);
}

static struct node *find_decl(struct node *n, CXCursor var)
{
	unsigned int i;

	if (n->kind == CXCursor_VarDecl && clang_equalCursors(n->cur, var))
		return n;
	for (i = 0; i < n->nkids; i++) {
		struct node *r = find_decl(n->kids[i], var);

		if (r)
			return r;
	}
	return NULL;
}

/* &ops, or a local pointer initialised with &ops, where ops has .mapped. */
static int mapped_index(struct unit *u, struct node *value, int depth)
{
	struct node *v = strip_casts(value), *decl;
	CXCursor d;
	unsigned int i;

	if (!v || depth > 4)
		return -1;
	if (v->kind == CXCursor_UnaryOperator && unop_kind(u, v) == UNOP_ADDR)
		v = strip(v->kids[0]);
	if (v->kind != CXCursor_DeclRefExpr)
		return -1;
	d = clang_getCursorReferenced(v->cur);
	for (i = 0; i < nops; i++)
		if (clang_equalCursors(mapped_ops[i], d))
			return (int)i;
	if (!v->func || clang_getCursorKind(d) != CXCursor_VarDecl ||
	    clang_Cursor_hasVarDeclGlobalStorage(d))
		return -1;
	decl = find_decl(v->func->tree, d);
	if (!decl || !last_expr_kid(decl))
		return -1;
	return mapped_index(u, last_expr_kid(decl), depth + 1);
}

static void find_installs(struct unit *u, struct node *n)
{
	unsigned int i;

	if (is_assign(u, n) && n->kids[0]->kind == CXCursor_MemberRefExpr &&
	    !strcmp(node_name(u, n->kids[0]), "vm_ops")) {
		const char *rec = member_record(u, n->kids[0]);
		int k = mapped_index(u, n->kids[1], 0);

		if (rec && !strcmp(rec, "vm_area_struct") && k >= 0)
			report(u, my_id, n,
			       "%sinstalls %s, which has .mapped = %s, on a VMA (%s); after an "
			       ".mmap hook vfs_mmap() rejects vm_ops->mapped with -EINVAL (7.1+): "
			       "convert the hook to .mmap_prepare and set desc->vm_ops instead",
			       fn_prefix(u, n->func), expr_text(u, n->kids[1]), mapped_fn[k],
			       expr_text(u, n->kids[0]));
	}
	for (i = 0; i < n->nkids; i++)
		find_installs(u, n->kids[i]);
}

static void mapped_unit(struct unit *u)
{
	unsigned int i;

	nops = 0;
	for (i = 0; i < u->nglobals; i++)
		find_mapped_ops(u, u->globals[i]);
	for (i = 0; i < u->nfuncs; i++)
		find_mapped_ops(u, u->funcs[i]->tree);
	if (!nops)
		return;
	for (i = 0; i < u->nfuncs; i++)
		find_installs(u, u->funcs[i]->tree);
}

void check_mapped_in_mmap(int id)
{
	my_id = id;
	add_unit_hook(id, mapped_unit);
}
