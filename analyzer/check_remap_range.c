// SPDX-License-Identifier: GPL-2.0
/*
 * remap-range (R8): the range given to mmap_action_remap(), mmap_action_ioremap() and
 * mmap_action_map_kernel_pages() must lie within [desc->start, desc->end). Arguments are
 * evaluated as linear forms in desc->start and desc->end (vma_desc_size(), vma_desc_pages(),
 * constants, locals with one initializer); only ranges that are provably outside are
 * reported. The _full variants are always in range. Page size is taken to be 4096.
 */
#include "check_util.h"

static int my_id;

#define PG 4096LL

/* value = (s * desc->start + e * desc->end) / PG + c */
struct lin {
	bool ok;
	long long s, e, c;
};

static const struct lin NOLIN = { false, 0, 0, 0 };

static struct lin lin_const(long long c)
{
	struct lin l = { true, 0, 0, c };

	return l;
}

static struct lin lin_scale(struct lin a, long long k)
{
	a.s *= k;
	a.e *= k;
	a.c *= k;
	return a;
}

static struct lin lin_div(struct lin a, long long d)
{
	if (!d || a.s % d || a.e % d || a.c % d)
		return NOLIN;
	a.s /= d;
	a.e /= d;
	a.c /= d;
	return a;
}

static bool is_desc_ref(struct node *n, CXCursor desc)
{
	n = strip_casts(n);
	return n && n->kind == CXCursor_DeclRefExpr &&
	       clang_equalCursors(clang_getCursorReferenced(n->cur), desc);
}

static bool var_written(struct unit *u, struct node *n, CXCursor var)
{
	unsigned int i;

	if (n->kind == CXCursor_DeclRefExpr &&
	    clang_equalCursors(clang_getCursorReferenced(n->cur), var)) {
		struct node *p = n->parent;

		if (writer_of(u, n))
			return true;
		while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
			p = p->parent;
		if (p && p->kind == CXCursor_UnaryOperator && unop_kind(u, p) == UNOP_ADDR)
			return true;
	}
	for (i = 0; i < n->nkids; i++)
		if (var_written(u, n->kids[i], var))
			return true;
	return false;
}

static struct node *find_vardecl(struct node *n, CXCursor var)
{
	unsigned int i;

	if (n->kind == CXCursor_VarDecl && clang_equalCursors(n->cur, var))
		return n;
	for (i = 0; i < n->nkids; i++) {
		struct node *r = find_vardecl(n->kids[i], var);

		if (r)
			return r;
	}
	return NULL;
}

static struct lin lin_eval(struct unit *u, struct func *f, struct node *n, CXCursor desc,
			   int depth)
{
	struct lin a, b;
	const char *op;
	long long v;

	n = strip_casts(n);
	if (!n || depth > 16)
		return NOLIN;
	if (eval_int(n, &v))
		return lin_const(v);
	switch (n->kind) {
	case CXCursor_MemberRefExpr:
		if (!n->nkids || !is_desc_ref(n->kids[0], desc))
			return NOLIN;
		if (!strcmp(node_name(u, n), "start"))
			return (struct lin){ true, PG, 0, 0 };
		if (!strcmp(node_name(u, n), "end"))
			return (struct lin){ true, 0, PG, 0 };
		return NOLIN;
	case CXCursor_CallExpr:
		if (n->nkids != 2 || !is_desc_ref(n->kids[1], desc))
			return NOLIN;
		if (!strcmp(call_name(u, n), "vma_desc_size"))
			return (struct lin){ true, -PG, PG, 0 };
		if (!strcmp(call_name(u, n), "vma_desc_pages"))
			return (struct lin){ true, -1, 1, 0 };
		return NOLIN;
	case CXCursor_DeclRefExpr: {
		CXCursor var = clang_getCursorReferenced(n->cur);
		struct node *decl;

		if (clang_getCursorKind(var) != CXCursor_VarDecl ||
		    clang_Cursor_hasVarDeclGlobalStorage(var))
			return NOLIN;
		decl = find_vardecl(f->tree, var);
		if (!decl || !last_expr_kid(decl) || var_written(u, f->tree, var))
			return NOLIN;
		return lin_eval(u, f, last_expr_kid(decl), desc, depth + 1);
	}
	case CXCursor_BinaryOperator:
		if (n->nkids != 2)
			return NOLIN;
		op = binop_spelling(u, n);
		if (!op)
			return NOLIN;
		a = lin_eval(u, f, n->kids[0], desc, depth + 1);
		b = lin_eval(u, f, n->kids[1], desc, depth + 1);
		if (!a.ok || !b.ok)
			return NOLIN;
		if (!strcmp(op, "+"))
			return (struct lin){ true, a.s + b.s, a.e + b.e, a.c + b.c };
		if (!strcmp(op, "-"))
			return (struct lin){ true, a.s - b.s, a.e - b.e, a.c - b.c };
		if (!strcmp(op, "*") && !a.s && !a.e)
			return lin_scale(b, a.c);
		if (!strcmp(op, "*") && !b.s && !b.e)
			return lin_scale(a, b.c);
		if (!strcmp(op, "<<") && !b.s && !b.e && b.c >= 0 && b.c < 32)
			return lin_scale(a, 1LL << b.c);
		if (!strcmp(op, ">>") && !b.s && !b.e && b.c >= 0 && b.c < 32)
			return lin_div(a, 1LL << b.c);
		if (!strcmp(op, "/") && !b.s && !b.e)
			return lin_div(a, b.c);
		return NOLIN;
	default:
		return NOLIN;
	}
}

static void range_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	const char *name, *why = NULL;
	struct node *d;
	CXCursor desc;
	struct lin start, size;
	bool pages;

	if (!f || !f->in_prepare || n->kind != CXCursor_CallExpr || n->nkids != 5)
		return;
	name = call_name(u, n);
	pages = !strcmp(name, "mmap_action_map_kernel_pages");
	if (strcmp(name, "mmap_action_remap") && strcmp(name, "mmap_action_ioremap") && !pages)
		return;
	d = strip_casts(n->kids[1]);
	if (!d || d->kind != CXCursor_DeclRefExpr)
		return;
	desc = clang_getCursorReferenced(d->cur);
	start = lin_eval(u, f, n->kids[2], desc, 0);
	size = lin_eval(u, f, n->kids[4], desc, 0);
	if (pages && size.ok)
		size = lin_scale(size, PG);
	if (start.ok && start.s == PG && !start.e && start.c < 0) {
		why = arena_printf(&u->arena, "starts %lld bytes below desc->start", -start.c);
	} else if (start.ok && !start.s && start.e == PG && start.c >= 0) {
		why = "starts at or past desc->end";
	} else if (start.ok && size.ok) {
		struct lin end = { true, start.s + size.s, start.e + size.e, start.c + size.c };

		if (!end.s && end.e == PG && end.c > 0)
			why = arena_printf(&u->arena, "ends %lld bytes past desc->end", end.c);
	}
	if (!why)
		return;
	report(u, my_id, n, "%s(): the range given to %s() %s; it must lie within "
	       "[desc->start, desc->end) (%s)%s", f->name, name, why,
	       u->api >= 701 ? "7.1+ fails the mmap with -EFAULT" : "the helper WARNs",
	       pages ? "" : arena_printf(&u->arena, "; %s_full() maps the whole VMA", name));
}

void check_remap_range(int id)
{
	my_id = id;
	add_node_hook(id, range_node);
}
