// SPDX-License-Identifier: GPL-2.0
/*
 * both-hooks (R3): .mmap and .mmap_prepare are mutually exclusive in one file_operations.
 * can_mmap_file() WARNs and do_mmap() fails with -ENODEV when both are set.
 * Sets come from initializers and from assignments to the same object; two assignments
 * count only when they sit in the same block (not in the two arms of an if).
 */
#include "check_util.h"

static int my_id;

struct hook_set {
	CXCursor base;			/* the file_operations object (or its initializer) */
	const char *base_name;
	struct node *at;
	bool mmap;			/* else mmap_prepare */
	bool null;
	bool from_init;
	const char *fn_name;
};

#define MAX_SETS 256

static struct hook_set sets[MAX_SETS];
static unsigned int nsets;

static void add_set(struct unit *u, CXCursor base, const char *base_name, struct node *member,
		    struct node *value, bool from_init)
{
	const char *name = node_name(u, member);
	struct func *f;
	struct hook_set *s;

	if (strcmp(name, "mmap") && strcmp(name, "mmap_prepare"))
		return;
	if (nsets >= MAX_SETS)
		return;
	f = func_of_expr(u, value);
	s = &sets[nsets++];
	s->base = base;
	s->base_name = base_name;
	s->at = member;
	s->mmap = !strcmp(name, "mmap");
	s->null = is_null_value(value);
	s->from_init = from_init;
	s->fn_name = f ? f->name : expr_text(u, value);
}

static void both_node(struct unit *u, struct node *n)
{
	unsigned int i;

	if (n->kind == CXCursor_InitListExpr &&
	    type_is_record(u, node_type(n), "file_operations")) {
		CXCursor base = n->cur;
		const char *base_name = "this file_operations initializer";

		if (n->parent && n->parent->kind == CXCursor_VarDecl) {
			base = n->parent->cur;
			base_name = node_name(u, n->parent);
		}
		for (i = 0; i < n->nkids; i++) {
			struct node *m = designator_member(n->kids[i]);

			if (m)
				add_set(u, base, base_name, m, n->kids[i]->kids[n->kids[i]->nkids - 1],
					true);
		}
		return;
	}
	if (is_assign(u, n) && n->kids[0]->kind == CXCursor_MemberRefExpr &&
	    n->kids[0]->nkids) {
		struct node *m = n->kids[0], *b = strip(m->kids[0]);
		const char *rec = member_record(u, m);

		if (!rec || strcmp(rec, "file_operations"))
			return;
		if (b->kind == CXCursor_UnaryOperator && unop_kind(u, b) == UNOP_DEREF)
			b = strip(b->kids[0]);
		if (b->kind != CXCursor_DeclRefExpr)
			return;
		add_set(u, clang_getCursorReferenced(b->cur), node_name(u, b), m, n->kids[1],
			false);
	}
}

/* The innermost branch (if arm, case, loop body, ...) a node sits in, and which arm. */
static const struct node *branch_of(const struct node *n, unsigned int *arm)
{
	const struct node *c = n, *p = n->parent;

	for (; p; c = p, p = p->parent) {
		unsigned int i;

		switch (p->kind) {
		case CXCursor_IfStmt:
		case CXCursor_SwitchStmt:
		case CXCursor_CaseStmt:
		case CXCursor_DefaultStmt:
		case CXCursor_WhileStmt:
		case CXCursor_ForStmt:
		case CXCursor_DoStmt:
		case CXCursor_ConditionalOperator:
		case CXCursor_FunctionDecl:
			for (i = 0; i < p->nkids; i++)
				if (p->kids[i] == c)
					*arm = i;
			return p;
		default:
			break;
		}
	}
	*arm = 0;
	return NULL;
}

static bool same_block(const struct hook_set *a, const struct hook_set *b)
{
	unsigned int arm_a, arm_b;
	const struct node *pa = branch_of(a->at, &arm_a), *pb = branch_of(b->at, &arm_b);

	return pa == pb && arm_a == arm_b;
}

static void both_unit(struct unit *u)
{
	unsigned int i, j, k;

	for (i = 0; i < nsets; i++) {
		struct hook_set *p = &sets[i];
		bool cleared = false;

		if (p->mmap || p->null)
			continue;
		for (j = 0; j < nsets; j++) {
			struct hook_set *m = &sets[j];

			if (!m->mmap || m->null || !clang_equalCursors(m->base, p->base))
				continue;
			if (!m->from_init && !p->from_init && !same_block(m, p))
				continue;
			for (k = 0; k < nsets; k++)
				if (sets[k].null && clang_equalCursors(sets[k].base, p->base))
					cleared = true;
			if (cleared)
				break;
			report(u, my_id, p->at->line > m->at->line ? p->at : m->at,
			       "%s'%s' sets both .mmap (%s) and .mmap_prepare (%s); they are "
			       "mutually exclusive: can_mmap_file() WARNs and mmap() fails with "
			       "-ENODEV. Drop .mmap and keep .mmap_prepare",
			       fn_prefix(u, p->at->func), p->base_name, m->fn_name, p->fn_name);
			break;
		}
	}
	nsets = 0;
}

void check_both_hooks(int id)
{
	my_id = id;
	add_node_hook(id, both_node);
	add_unit_hook(id, both_unit);
}
