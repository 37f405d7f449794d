// SPDX-License-Identifier: GPL-2.0
/*
 * prepare-resource (R2): an mmap_prepare hook is effectively stateless: after it returns the
 * mapping may still fail or be merged into a neighbour, and nothing calls the driver back.
 * Per-mapping allocations, references, list insertions and counters taken there leak or
 * miscount; they belong in vm_ops->mapped (7.1+). A buffer allocated and freed inside the
 * same function is not per-mapping and is not reported.
 */
#include "check_util.h"

static int my_id;

enum res_kind {
	RES_ALLOC,
	RES_REF,
	RES_PUBLISH,
};

static const struct {
	const char *name;
	enum res_kind kind;
} res_calls[] = {
	{ "kmalloc", RES_ALLOC }, { "kzalloc", RES_ALLOC }, { "kcalloc", RES_ALLOC },
	{ "kmalloc_array", RES_ALLOC }, { "kmalloc_node", RES_ALLOC },
	{ "kzalloc_node", RES_ALLOC }, { "kvmalloc", RES_ALLOC }, { "kvzalloc", RES_ALLOC },
	{ "kvcalloc", RES_ALLOC }, { "kvmalloc_array", RES_ALLOC }, { "vmalloc", RES_ALLOC },
	{ "vzalloc", RES_ALLOC }, { "vmalloc_user", RES_ALLOC },
	{ "kmem_cache_alloc", RES_ALLOC }, { "kmem_cache_zalloc", RES_ALLOC },
	{ "kstrdup", RES_ALLOC }, { "kmemdup", RES_ALLOC }, { "alloc_pages", RES_ALLOC },
	{ "alloc_page", RES_ALLOC }, { "__get_free_pages", RES_ALLOC },
	{ "get_zeroed_page", RES_ALLOC }, { "devm_kzalloc", RES_ALLOC },
	{ "devm_kmalloc", RES_ALLOC },
	{ "kref_get", RES_REF }, { "kref_get_unless_zero", RES_REF },
	{ "refcount_inc", RES_REF }, { "refcount_inc_not_zero", RES_REF },
	{ "atomic_inc", RES_REF }, { "atomic_inc_return", RES_REF },
	{ "atomic_long_inc", RES_REF }, { "atomic64_inc", RES_REF }, { "get_file", RES_REF },
	{ "get_device", RES_REF }, { "get_page", RES_REF }, { "try_module_get", RES_REF },
	{ "__module_get", RES_REF }, { "pm_runtime_get_sync", RES_REF },
	{ "list_add", RES_PUBLISH }, { "list_add_tail", RES_PUBLISH },
	{ "list_add_rcu", RES_PUBLISH }, { "list_add_tail_rcu", RES_PUBLISH },
	{ "hlist_add_head", RES_PUBLISH }, { "hlist_add_head_rcu", RES_PUBLISH },
	{ "xa_store", RES_PUBLISH }, { "idr_alloc", RES_PUBLISH },
};

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
	size_t i;

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
	for (i = 0; i < ARRAY_SIZE(res_calls); i++) {
		if (strcmp(name, res_calls[i].name))
			continue;
		switch (res_calls[i].kind) {
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
		default:
			what = "publishes per-mapping state";
			break;
		}
		break;
	}
	if (!what)
		return;
	report(u, my_id, n, "%s(): %s() %s in %s; the mapping may still fail or be merged "
	       "after the hook returns and nothing undoes it: %s",
	       f->name, name, what, prepare_ctx(u, f), fix(u));
}

void check_prepare_resource(int id)
{
	my_id = id;
	add_node_hook(id, resource_node);
}
