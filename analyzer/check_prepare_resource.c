// SPDX-License-Identifier: GPL-2.0
/*
 * prepare-resource (R2): an mmap_prepare hook is effectively stateless: after it returns the
 * mapping may still fail or be merged into a neighbour, and nothing calls the driver back.
 * Per-mapping allocations, references, list insertions and counters taken there leak or
 * miscount; they belong in vm_ops->mapped (7.1+). A buffer allocated and freed inside the
 * same function is not per-mapping and is not reported.
 */
#include "check_refs.h"
#include "check_util.h"

static int my_id;

static bool is_free(const char *name)
{
	return !strcmp(name, "kfree") || !strcmp(name, "kvfree") || !strcmp(name, "vfree") ||
	       !strcmp(name, "kmem_cache_free") || !strcmp(name, "free_pages") ||
	       !strcmp(name, "free_page") || !strcmp(name, "__free_pages") ||
	       !strcmp(name, "kfree_sensitive");
}

/* The local variable an allocation is assigned to, if any. */
static bool alloc_target(struct unit *u, struct node *call, CXCursor *var)
{
	struct node *p = call->parent;

	while (p && (p->kind == CXCursor_UnexposedExpr || p->kind == CXCursor_ParenExpr ||
		     p->kind == CXCursor_CStyleCastExpr))
		p = p->parent;
	if (!p)
		return false;
	if (p->kind == CXCursor_VarDecl) {
		*var = p->cur;
		return !clang_Cursor_hasVarDeclGlobalStorage(p->cur);
	}
	if (is_assign(u, p) && strip(p->kids[0])->kind == CXCursor_DeclRefExpr) {
		*var = clang_getCursorReferenced(strip(p->kids[0])->cur);
		return clang_getCursorKind(*var) == CXCursor_VarDecl &&
		       !clang_Cursor_hasVarDeclGlobalStorage(*var);
	}
	return false;
}

static bool freed_in(struct unit *u, struct node *n, CXCursor var)
{
	unsigned int i;

	if (n->kind == CXCursor_CallExpr && n->nkids >= 2 && is_free(call_name(u, n))) {
		struct node *a = strip_casts(n->kids[1]);

		if (a->kind == CXCursor_DeclRefExpr &&
		    clang_equalCursors(clang_getCursorReferenced(a->cur), var))
			return true;
	}
	for (i = 0; i < n->nkids; i++)
		if (freed_in(u, n->kids[i], var))
			return true;
	return false;
}

static const char *fix(struct unit *u)
{
	if (u->api >= 701)
		return "do it in a vm_ops->mapped callback installed through desc->vm_ops, which "
		       "runs once the mapping exists";
	return "before 7.1 there is no vm_ops->mapped to move it to: keep this driver on .mmap";
}

static void resource_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	const char *name, *what = NULL;

	if (!f || !f->in_prepare)
		return;
	if (n->kind == CXCursor_UnaryOperator && unop_kind(u, n) == UNOP_INCDEC) {
		struct node *m = strip(n->kids[0]);

		if (m->kind != CXCursor_MemberRefExpr || !m->nkids)
			return;
		if (clang_getCanonicalType(node_type(strip(m->kids[0]))).kind != CXType_Pointer ||
		    type_ptr_to(u, node_type(strip(m->kids[0])), "vm_area_desc"))
			return;
		report(u, my_id, n, "%s(): changes the counter %s in %s; the mapping may still "
		       "fail or be merged after the hook returns, so the count drifts: %s",
		       f->name, expr_text(u, m), prepare_ctx(u, f), fix(u));
		return;
	}
	if (n->kind != CXCursor_CallExpr)
		return;
	name = call_name(u, n);
	if (counter_add_negative(name, n))
		return;
	switch (resource_call_kind(name)) {
	case RES_ALLOC: {
		CXCursor var;

		if (alloc_target(u, n, &var) && freed_in(u, f->tree, var))
			return;
		what = "allocates per-mapping memory";
		break;
	}
	case RES_REF:
		what = "takes a reference";
		break;
	case RES_PUBLISH:
		what = "publishes per-mapping state";
		break;
	default:
		return;
	}
	report(u, my_id, n, "%s(): %s() %s in %s; the mapping may still fail or be merged "
	       "after the hook returns and nothing undoes it: %s",
	       f->name, name, what, prepare_ctx(u, f), fix(u));
}

void check_prepare_resource(int id)
{
	my_id = id;
	add_node_hook(id, resource_node);
}
