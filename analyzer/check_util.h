/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers shared by the checks.
 */
#ifndef CHECK_UTIL_H
#define CHECK_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "check.h"

/* "the mmap_prepare hook foo()" or "bar(), called from the mmap_prepare hook foo()" */
static inline const char *prepare_ctx(struct unit *u, struct func *f)
{
	if (f->roles & ROLE_PREPARE)
		return arena_printf(&u->arena, "the %s %s()",
				    strcmp(f->why_prepare, "mmap_prepare hook") ?
				    "prepare hook" : "mmap_prepare hook", f->name);
	return arena_printf(&u->arena, "%s(), called from the prepare hook %s()", f->name,
			    f->prepare_root ? f->prepare_root->name : "?");
}

/* The assignment, compound assignment or ++/-- that writes the lvalue n, if any. */
static inline struct node *writer_of(struct unit *u, struct node *n)
{
	struct node *p = n->parent, *c = n;

	while (p && (p->kind == CXCursor_ParenExpr ||
		     (p->kind == CXCursor_UnexposedExpr && p->nkids == 1)) && p->nkids == 1) {
		c = p;
		p = p->parent;
	}
	if (!p)
		return NULL;
	if ((is_assign(u, p) || p->kind == CXCursor_CompoundAssignOperator) && p->kids[0] == c)
		return p;
	if (p->kind == CXCursor_UnaryOperator && unop_kind(u, p) == UNOP_INCDEC)
		return p;
	return NULL;
}

/* A designated initializer (.member = value): the member node, or NULL. */
static inline struct node *designator_member(struct node *n)
{
	struct node *member = NULL;
	unsigned int i;

	if (n->kind != CXCursor_UnexposedExpr || n->nkids < 2 ||
	    n->kids[0]->kind != CXCursor_MemberRef)
		return NULL;
	for (i = 0; i < n->nkids && n->kids[i]->kind == CXCursor_MemberRef; i++)
		member = n->kids[i];
	return i == n->nkids - 1 ? member : NULL;
}

static inline bool is_null_value(struct node *n)
{
	long long v;

	n = strip_casts(n);
	return n && eval_int(n, &v) && v == 0;
}

static inline const char *fn_prefix(struct unit *u, struct func *f)
{
	return f ? arena_printf(&u->arena, "%s(): ", f->name) : "";
}

#endif
