// SPDX-License-Identifier: GPL-2.0
/*
 * The field-write interpreter behind desc-uninit, the per-function summaries it uses for
 * same-TU callees, and the path facts about the desc parameter behind action-twice and
 * prot-after-remap. It reports nothing itself: it publishes facts (flow.h) and the checks
 * turn them into findings.
 *
 * State: for every tracked object, the set of leaves (fields) written on every path so far.
 * Joins intersect; loops run their body once; goto states are joined at their label.
 * Writes are over-approximated where this is cheap (&& and || right-hand sides count),
 * which can only hide findings, never invent them.
 */
#include <stdlib.h>
#include <string.h>

#include "flow.h"

#define MAX_OBJS 16
#define MAX_ALIAS 32
#define MAX_SUMMARY_DEPTH 12

enum flow_mode {
	FLOW_UNINIT,
	FLOW_SUMMARY,
	FLOW_HOOK,
};

struct tobj {
	CXCursor decl;
	const struct layout *lay;
	bool param;			/* the object is *decl */
	const char *name;
	unsigned int param_index;
	uint64_t needs;
	bool escapes;
	const char *via;
};

struct falias {
	CXCursor var;
	int obj;
	const char *path;
};

struct fstate {
	bool dead;
	uint64_t w[MAX_OBJS];
	bool may_action;		/* an action helper ran on some path */
	bool must_remap;		/* a remap/ioremap helper ran on every path */
	const char *act_name;
	unsigned int act_line;
};

struct fgoto {
	const char *label;
	struct fstate st;
	struct fgoto *next;
};

struct fswitch {
	struct fstate entry;
	bool has_default;
};

struct ref {
	int obj;
	bool addr;
	const char *path;
	struct node *at;		/* the expression naming it, for reads */
};

struct flow {
	struct unit *u;
	struct func *f;
	enum flow_mode mode;
	flow_fact_fn fact_fn;
	void *fact_data;
	struct tobj obj[MAX_OBJS];
	unsigned int nobj;
	struct falias alias[MAX_ALIAS];
	unsigned int nalias;
	struct fstate *brk;
	struct fswitch *sw;
	struct fstate exit;
	struct fgoto *gotos;
	int depth;
};

static const struct ref NOREF = { -1, false, "", NULL };

static int summary_depth;

static void fl_stmt(struct flow *fl, struct node *n, struct fstate *st);
static struct ref fl_expr(struct flow *fl, struct node *n, struct fstate *st);

static void join(struct fstate *a, const struct fstate *b)
{
	unsigned int i;

	if (b->dead)
		return;
	if (a->dead) {
		*a = *b;
		return;
	}
	for (i = 0; i < MAX_OBJS; i++)
		a->w[i] &= b->w[i];
	a->may_action |= b->may_action;
	a->must_remap &= b->must_remap;
	if (!a->act_name) {
		a->act_name = b->act_name;
		a->act_line = b->act_line;
	}
}

static const char *path_join(struct flow *fl, const char *a, const char *b)
{
	if (!*a)
		return b;
	return arena_printf(&fl->u->arena, "%s.%s", a, b);
}

static int find_obj(struct flow *fl, CXCursor decl)
{
	unsigned int i;

	for (i = 0; i < fl->nobj; i++)
		if (clang_equalCursors(fl->obj[i].decl, decl))
			return (int)i;
	return -1;
}

static struct falias *find_alias(struct flow *fl, CXCursor var)
{
	unsigned int i;

	for (i = 0; i < fl->nalias; i++)
		if (clang_equalCursors(fl->alias[i].var, var))
			return &fl->alias[i];
	return NULL;
}

static void set_alias(struct flow *fl, CXCursor var, struct ref r)
{
	struct falias *a = find_alias(fl, var);

	if (!a) {
		if (fl->nalias >= MAX_ALIAS)
			return;
		a = &fl->alias[fl->nalias++];
		a->var = var;
	}
	a->obj = r.obj;
	a->path = r.path;
}

static void clear_alias(struct flow *fl, CXCursor var)
{
	struct falias *a = find_alias(fl, var);

	if (a)
		a->obj = -1;
}

static void fl_use(struct flow *fl, int oi, const char *path, uint64_t mask, struct fstate *st,
		   struct node *at, enum flow_use kind, const char *via)
{
	struct tobj *o = &fl->obj[oi];
	uint64_t unwritten = mask & ~st->w[oi];
	struct sbuf fields = { 0 };
	struct flow_fact fact = { 0 };

	if (!unwritten || st->dead || fl->mode == FLOW_HOOK)
		return;
	if (fl->mode == FLOW_SUMMARY) {
		o->needs |= unwritten;
		if (kind == FLOW_USE_ESCAPE || kind == FLOW_USE_STORE || kind == FLOW_USE_RETURN ||
		    (kind == FLOW_USE_CALLEE && via && strstr(via, "passes"))) {
			if (!o->escapes)
				o->via = kind == FLOW_USE_STORE ? "a store" :
					 kind == FLOW_USE_RETURN ? "its caller" : via;
			o->escapes = true;
		} else if (!o->via) {
			o->via = via ? via : (*path ? path : NULL);
		}
		return;
	}
	layout_names(o->lay, unwritten, &fields);
	fact.kind = FACT_UNINIT_USE;
	fact.f = fl->f;
	fact.at = at;
	fact.obj = o->name;
	fact.obj_index = (unsigned int)oi;
	fact.record = o->lay->record;
	fact.use = kind;
	fact.path = path;
	fact.via = via;
	fact.fields = fields.s;
	fl->fact_fn(fl->u, &fact, fl->fact_data);
	free(fields.s);
}

static void fl_write(struct flow *fl, int oi, uint64_t mask, struct fstate *st, struct node *at)
{
	struct tobj *o = &fl->obj[oi];

	if (st->dead)
		return;
	if (fl->mode == FLOW_HOOK && st->must_remap && (mask & layout_mask(o->lay, "page_prot")) &&
	    mask != layout_all(o->lay)) {
		struct flow_fact fact = { 0 };

		fact.kind = FACT_PROT_AFTER_REMAP;
		fact.f = fl->f;
		fact.at = at;
		fact.obj = o->name;
		fact.obj_index = (unsigned int)oi;
		fact.record = o->lay->record;
		fact.action = st->act_name;
		fact.action_line = st->act_line;
		fl->fact_fn(fl->u, &fact, fl->fact_data);
	}
	st->w[oi] |= mask;
}

static void fl_consume(struct flow *fl, struct ref r, struct fstate *st, struct node *at,
		       enum flow_use kind, const char *via)
{
	struct tobj *o;

	if (r.obj < 0)
		return;
	o = &fl->obj[r.obj];
	if (r.addr) {
		if (kind == FLOW_USE_ESCAPE || kind == FLOW_USE_STORE || kind == FLOW_USE_RETURN)
			fl_use(fl, r.obj, r.path, layout_mask(o->lay, r.path), st, at, kind, via);
		return;
	}
	fl_use(fl, r.obj, r.path, layout_mask(o->lay, r.path), st, r.at ? r.at : at,
	       *r.path ? FLOW_USE_READ : FLOW_USE_COPY, via);
}

static bool is_zeroing(const char *name)
{
	return strstr(name, "memset") || !strcmp(name, "memzero_explicit");
}

static bool is_copying(const char *name)
{
	return strstr(name, "memcpy") || strstr(name, "memmove");
}

/* Calls that take an address without looking at the object: size queries, printing. */
static bool is_inert_builtin(const char *name)
{
	if (!strncmp(name, "__builtin_", 10))
		return !is_zeroing(name) && !is_copying(name);
	return strstr(name, "printk") || !strncmp(name, "__dynamic_", 10);
}

static bool is_full_initializer(struct flow *fl, const char *name)
{
	return fl->u->api >= 701 && !strcmp(name, "compat_set_desc_from_vma");
}

/* A void * parameter: the callee sees bytes, summarised as one leaf. */
static const struct layout opaque_layout = {
	.record = "void",
	.nleaves = 1,
	.leaf = { "*" },
};

static uint64_t map_mask(const struct layout *from, uint64_t mask, const struct layout *to,
			 const char *prefix, struct flow *fl)
{
	uint64_t m = 0;
	unsigned int i;

	if (from == &opaque_layout)
		return mask ? layout_mask(to, prefix) : 0;
	if (from == to && !*prefix)
		return mask;
	for (i = 0; i < from->nalias; i++) {
		if (!(mask & (1ULL << from->alias_leaf[i])))
			continue;
		m |= layout_mask(to, path_join(fl, prefix, from->alias_path[i]));
	}
	return m;
}

static void hook_action_call(struct flow *fl, int oi, const char *name, struct node *call,
			     struct fstate *st)
{
	if (st->dead)
		return;
	if (st->may_action) {
		struct flow_fact fact = { 0 };

		fact.kind = FACT_SECOND_ACTION;
		fact.f = fl->f;
		fact.at = call;
		fact.obj = fl->obj[oi].name;
		fact.obj_index = (unsigned int)oi;
		fact.record = fl->obj[oi].lay->record;
		fact.action = st->act_name;
		fact.action_line = st->act_line;
		fact.helper = name;
		fl->fact_fn(fl->u, &fact, fl->fact_data);
	}
	st->may_action = true;
	st->act_name = arena_strdup(&fl->u->arena, name);
	st->act_line = call->line;
	if (is_remap_helper(name))
		st->must_remap = true;
}

static struct ref fl_call(struct flow *fl, struct node *n, struct fstate *st)
{
	CXCursor target = call_target(n);
	const char *name = NULL;
	struct func *callee = NULL;
	unsigned int i;

	if (clang_Cursor_isNull(target)) {
		if (n->nkids)
			fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
	} else {
		name = cx_str(fl->u, clang_getCursorSpelling(target));
		callee = func_for_decl(fl->u, target);
	}
	for (i = 1; i < n->nkids; i++) {
		struct ref r = fl_expr(fl, n->kids[i], st);
		unsigned int pi = i - 1;
		const struct tobj *o;
		uint64_t mask;

		if (r.obj < 0)
			continue;
		o = &fl->obj[r.obj];
		if (!r.addr) {
			fl_consume(fl, r, st, n, FLOW_USE_COPY, NULL);
			continue;
		}
		mask = layout_mask(o->lay, r.path);
		if (fl->mode == FLOW_HOOK) {
			if (name && pi == 0 && !*r.path && is_action_helper(name))
				hook_action_call(fl, r.obj, name, n, st);
			continue;
		}
		if (name && is_inert_builtin(name))
			continue;
		if (name && is_zeroing(name)) {
			if (pi == 0)
				fl_write(fl, r.obj, mask, st, n);
			continue;
		}
		if (name && is_copying(name)) {
			if (pi == 0)
				fl_write(fl, r.obj, mask, st, n);
			else
				fl_use(fl, r.obj, r.path, mask, st, n, FLOW_USE_COPY, NULL);
			continue;
		}
		if (callee && pi < callee->nparams) {
			const struct summary *s = func_summary(fl->u, callee, pi);

			if (s && s->valid) {
				uint64_t needs = map_mask(s->lay, s->needs, o->lay, r.path, fl);
				uint64_t must = map_mask(s->lay, s->must, o->lay, r.path, fl);
				const char *via;

				if (s->escapes)
					via = arena_printf(&fl->u->arena,
							   "%s(), which passes it on to %s%s", name,
							   s->via ? s->via : "?",
							   s->via && !strchr(s->via, '(') &&
							   !strchr(s->via, ' ') ? "()" : "");
				else
					via = arena_printf(&fl->u->arena, "%s(), which reads it",
							   name);
				if (needs)
					fl_use(fl, r.obj, r.path, needs, st, n, FLOW_USE_CALLEE,
					       via);
				fl_write(fl, r.obj, must, st, n);
				continue;
			}
		}
		if (name && is_full_initializer(fl, name) && pi == 0) {
			fl_write(fl, r.obj, mask, st, n);
			continue;
		}
		fl_use(fl, r.obj, r.path, mask, st, n, FLOW_USE_ESCAPE,
		       name ? name : arena_printf(&fl->u->arena, "the indirect call %s()",
						  call_name(fl->u, n)));
	}
	return NOREF;
}

static bool is_local_pointer(CXCursor var)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	enum CXCursorKind k = clang_getCursorKind(var);

	if (t.kind != CXType_Pointer)
		return false;
	if (k == CXCursor_ParmDecl)
		return true;
	return k == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(var);
}

static struct ref fl_assign(struct flow *fl, struct node *n, struct fstate *st)
{
	struct node *lhs = n->kids[0], *ls = strip(lhs);
	struct ref r = fl_expr(fl, n->kids[1], st), l;

	if (ls->kind == CXCursor_DeclRefExpr) {
		CXCursor d = clang_getCursorReferenced(ls->cur);
		int oi = find_obj(fl, d);

		if (oi >= 0 && !fl->obj[oi].param) {
			fl_consume(fl, r, st, n, FLOW_USE_STORE, NULL);
			fl_write(fl, oi, layout_all(fl->obj[oi].lay), st, n);
			return NOREF;
		}
		if (oi < 0 && is_local_pointer(d)) {
			if (r.obj >= 0 && r.addr) {
				set_alias(fl, d, r);
				return NOREF;
			}
			clear_alias(fl, d);
			fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
			return NOREF;
		}
		fl_consume(fl, r, st, n, FLOW_USE_STORE, NULL);
		return NOREF;
	}
	l = fl_expr(fl, lhs, st);
	fl_consume(fl, r, st, n, FLOW_USE_STORE, NULL);
	if (l.obj >= 0 && !l.addr)
		fl_write(fl, l.obj, layout_mask(fl->obj[l.obj].lay, l.path), st, n);
	return NOREF;
}

static struct ref fl_expr(struct flow *fl, struct node *n, struct fstate *st)
{
	struct ref r, r2;
	struct node *k;
	unsigned int i;

	if (!n)
		return NOREF;
	switch (n->kind) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(n->cur);
		int oi = find_obj(fl, d);
		struct falias *a;

		if (oi >= 0) {
			r.obj = oi;
			r.addr = fl->obj[oi].param;
			r.path = "";
			r.at = n;
			return r;
		}
		a = find_alias(fl, d);
		if (a && a->obj >= 0) {
			r.obj = a->obj;
			r.addr = true;
			r.path = a->path;
			r.at = n;
			return r;
		}
		return NOREF;
	}
	case CXCursor_MemberRefExpr: {
		const char *name = node_name(fl->u, n);

		if (!n->nkids)
			return NOREF;
		r = fl_expr(fl, n->kids[0], st);
		if (r.obj < 0)
			return NOREF;
		r.addr = false;
		r.at = n;
		if (*name)
			r.path = path_join(fl, r.path, name);
		return r;
	}
	case CXCursor_UnaryOperator:
		if (!n->nkids)
			return NOREF;
		switch (unop_kind(fl->u, n)) {
		case UNOP_ADDR:
			r = fl_expr(fl, n->kids[0], st);
			if (r.obj >= 0)
				r.addr = true;
			return r;
		case UNOP_DEREF:
			r = fl_expr(fl, n->kids[0], st);
			if (r.obj >= 0 && r.addr) {
				r.addr = false;
				return r;
			}
			fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
			return NOREF;
		case UNOP_INCDEC:
			r = fl_expr(fl, n->kids[0], st);
			if (r.obj >= 0 && !r.addr) {
				fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
				fl_write(fl, r.obj, layout_mask(fl->obj[r.obj].lay, r.path), st, n);
			}
			return NOREF;
		default:
			fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
			return NOREF;
		}
	case CXCursor_BinaryOperator:
		if (n->nkids != 2)
			break;
		if (is_assign(fl->u, n))
			return fl_assign(fl, n, st);
		fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
		fl_consume(fl, fl_expr(fl, n->kids[1], st), st, n, FLOW_USE_READ, NULL);
		return NOREF;
	case CXCursor_CompoundAssignOperator:
		if (n->nkids != 2)
			break;
		fl_consume(fl, fl_expr(fl, n->kids[1], st), st, n, FLOW_USE_READ, NULL);
		r = fl_expr(fl, n->kids[0], st);
		if (r.obj >= 0 && !r.addr) {
			fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
			fl_write(fl, r.obj, layout_mask(fl->obj[r.obj].lay, r.path), st, n);
		}
		return NOREF;
	case CXCursor_CallExpr:
		return fl_call(fl, n, st);
	case CXCursor_ConditionalOperator:
		if (n->nkids == 3) {
			struct fstate s1, s2;

			fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
			s1 = *st;
			s2 = *st;
			r = fl_expr(fl, n->kids[1], &s1);
			r2 = fl_expr(fl, n->kids[2], &s2);
			*st = s1;
			join(st, &s2);
			if (r.obj >= 0 && r.addr) {
				fl_consume(fl, r2, st, n, FLOW_USE_READ, NULL);
				return r;
			}
			if (r2.obj >= 0 && r2.addr) {
				fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
				return r2;
			}
			fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
			fl_consume(fl, r2, st, n, FLOW_USE_READ, NULL);
			return NOREF;
		}
		break;
	case CXCursor_UnaryExpr:		/* sizeof, alignof: not evaluated */
		return NOREF;
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
		k = last_expr_kid(n);
		return k ? fl_expr(fl, k, st) : NOREF;
	case CXCursor_UnexposedExpr:
		if (n->nkids == 1 && node_is_expr(n->kids[0]))
			return fl_expr(fl, n->kids[0], st);
		if (n->nkids >= 2 && n->kids[0]->kind == CXCursor_MemberRef) {
			/* designated initializer: the value is stored */
			fl_consume(fl, fl_expr(fl, n->kids[n->nkids - 1], st), st, n,
				   FLOW_USE_STORE, NULL);
			return NOREF;
		}
		break;
	case CXCursor_InitListExpr:
		for (i = 0; i < n->nkids; i++)
			if (node_is_expr(n->kids[i]))
				fl_consume(fl, fl_expr(fl, n->kids[i], st), st, n->kids[i],
					   FLOW_USE_STORE, NULL);
		return NOREF;
	case CXCursor_StmtExpr:
		for (i = 0; i < n->nkids; i++)
			fl_stmt(fl, n->kids[i], st);
		return NOREF;
	case CXCursor_ArraySubscriptExpr:
		/* an element of an array field is part of that field's leaf */
		if (n->nkids != 2)
			break;
		r = fl_expr(fl, n->kids[0], st);
		fl_consume(fl, fl_expr(fl, n->kids[1], st), st, n, FLOW_USE_READ, NULL);
		if (r.obj >= 0 && !r.addr)
			return r;
		fl_consume(fl, r, st, n, FLOW_USE_READ, NULL);
		return NOREF;
	default:
		break;
	}
	for (i = 0; i < n->nkids; i++) {
		if (node_is_expr(n->kids[i]))
			fl_consume(fl, fl_expr(fl, n->kids[i], st), st, n->kids[i],
				   FLOW_USE_READ, NULL);
		else if (clang_isStatement(n->kids[i]->kind))
			fl_stmt(fl, n->kids[i], st);
	}
	return NOREF;
}

static void fl_vardecl(struct flow *fl, struct node *n, struct fstate *st)
{
	CXType t = clang_getCursorType(n->cur);
	struct node *init = last_expr_kid(n);
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->cur);
	struct ref r;

	if (fl->mode == FLOW_UNINIT && !init && sc != CX_SC_Static && sc != CX_SC_Extern &&
	    (type_is_record(fl->u, t, "vm_area_desc") || type_is_record(fl->u, t, "mmap_action")) &&
	    fl->nobj < MAX_OBJS) {
		const struct layout *lay = layout_for(fl->u, t);

		if (lay) {
			struct tobj *o = &fl->obj[fl->nobj];

			memset(o, 0, sizeof(*o));
			o->decl = n->cur;
			o->lay = lay;
			o->name = node_name(fl->u, n);
			st->w[fl->nobj++] = 0;
		}
		return;
	}
	if (!init)
		return;
	r = fl_expr(fl, init, st);
	if (r.obj >= 0 && r.addr && is_local_pointer(n->cur)) {
		set_alias(fl, n->cur, r);
		return;
	}
	fl_consume(fl, r, st, n, FLOW_USE_STORE, NULL);
}

static bool may_revive(struct node *n)
{
	return n->kind == CXCursor_CompoundStmt || n->kind == CXCursor_LabelStmt ||
	       n->kind == CXCursor_CaseStmt || n->kind == CXCursor_DefaultStmt;
}

static void fl_loop_body(struct flow *fl, struct node *body, struct fstate *st,
			 struct fstate *breaks)
{
	struct fstate *saved = fl->brk;

	breaks->dead = true;
	fl->brk = breaks;
	fl_stmt(fl, body, st);
	fl->brk = saved;
}

static void fl_stmt(struct flow *fl, struct node *n, struct fstate *st)
{
	struct fstate s1, s2, brk;
	unsigned int i;

	if (!n || fl->depth > 400)
		return;
	if (st->dead && !may_revive(n))
		return;
	fl->depth++;
	switch (n->kind) {
	case CXCursor_CompoundStmt:
		for (i = 0; i < n->nkids; i++)
			fl_stmt(fl, n->kids[i], st);
		break;
	case CXCursor_DeclStmt:
		for (i = 0; i < n->nkids; i++)
			if (n->kids[i]->kind == CXCursor_VarDecl)
				fl_vardecl(fl, n->kids[i], st);
		break;
	case CXCursor_IfStmt:
		if (n->nkids < 2)
			break;
		fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
		s1 = *st;
		s2 = *st;
		fl_stmt(fl, n->kids[1], &s1);
		if (n->nkids > 2)
			fl_stmt(fl, n->kids[2], &s2);
		*st = s1;
		join(st, &s2);
		break;
	case CXCursor_WhileStmt:
		if (n->nkids < 2)
			break;
		fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
		s1 = *st;
		fl_loop_body(fl, n->kids[1], &s1, &brk);
		break;
	case CXCursor_DoStmt:
		if (n->nkids < 2)
			break;
		fl_loop_body(fl, n->kids[0], st, &brk);
		fl_consume(fl, fl_expr(fl, n->kids[1], st), st, n, FLOW_USE_READ, NULL);
		join(st, &brk);
		break;
	case CXCursor_ForStmt:
		if (!n->nkids)
			break;
		for (i = 0; i + 1 < n->nkids; i++) {
			if (node_is_expr(n->kids[i]))
				fl_consume(fl, fl_expr(fl, n->kids[i], st), st, n,
					   FLOW_USE_READ, NULL);
			else
				fl_stmt(fl, n->kids[i], st);
		}
		s1 = *st;
		fl_loop_body(fl, n->kids[n->nkids - 1], &s1, &brk);
		if (n->nkids == 1)		/* for (;;): left only by break */
			*st = brk;
		break;
	case CXCursor_SwitchStmt: {
		struct fswitch sw, *saved_sw = fl->sw;

		if (n->nkids < 2)
			break;
		fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_READ, NULL);
		sw.entry = *st;
		sw.has_default = false;
		fl->sw = &sw;
		s1 = *st;
		s1.dead = true;
		fl_loop_body(fl, n->kids[n->nkids - 1], &s1, &brk);
		fl->sw = saved_sw;
		*st = s1;
		join(st, &brk);
		if (!sw.has_default)
			join(st, &sw.entry);
		break;
	}
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		if (fl->sw) {
			if (n->kind == CXCursor_DefaultStmt)
				fl->sw->has_default = true;
			join(st, &fl->sw->entry);
		}
		if (n->nkids)
			fl_stmt(fl, n->kids[n->nkids - 1], st);
		break;
	case CXCursor_BreakStmt:
		if (fl->brk)
			join(fl->brk, st);
		st->dead = true;
		break;
	case CXCursor_ContinueStmt:
		st->dead = true;
		break;
	case CXCursor_ReturnStmt:
		if (n->nkids)
			fl_consume(fl, fl_expr(fl, n->kids[0], st), st, n, FLOW_USE_RETURN, NULL);
		join(&fl->exit, st);
		st->dead = true;
		break;
	case CXCursor_GotoStmt:
		if (n->nkids) {
			struct fgoto *g = arena_alloc(&fl->u->arena, sizeof(*g));

			g->label = node_name(fl->u, n->kids[0]);
			g->st = *st;
			g->next = fl->gotos;
			fl->gotos = g;
		}
		st->dead = true;
		break;
	case CXCursor_IndirectGotoStmt:
		st->dead = true;
		break;
	case CXCursor_LabelStmt: {
		const char *label = node_name(fl->u, n);
		struct fgoto *g;

		for (g = fl->gotos; g; g = g->next)
			if (!strcmp(g->label, label))
				join(st, &g->st);
		if (n->nkids)
			fl_stmt(fl, n->kids[n->nkids - 1], st);
		break;
	}
	case CXCursor_NullStmt:
		break;
	default:
		if (node_is_expr(n)) {
			fl_consume(fl, fl_expr(fl, n, st), st, n, FLOW_USE_READ, NULL);
			break;
		}
		for (i = 0; i < n->nkids; i++) {
			if (node_is_expr(n->kids[i]))
				fl_consume(fl, fl_expr(fl, n->kids[i], st), st, n,
					   FLOW_USE_READ, NULL);
			else
				fl_stmt(fl, n->kids[i], st);
		}
		break;
	}
	fl->depth--;
}

static struct node *func_body(struct node *tree)
{
	unsigned int i;

	if (!tree)
		return NULL;
	for (i = 0; i < tree->nkids; i++)
		if (tree->kids[i]->kind == CXCursor_CompoundStmt)
			return tree->kids[i];
	return NULL;
}

static void fl_init(struct flow *fl, struct unit *u, struct func *f, enum flow_mode mode)
{
	memset(fl, 0, sizeof(*fl));
	fl->u = u;
	fl->f = f;
	fl->mode = mode;
	fl->exit.dead = true;
}

static void add_param_objs(struct flow *fl, struct fstate *st, bool desc_only)
{
	unsigned int i;

	for (i = 0; i < fl->f->nparams && fl->nobj < MAX_OBJS; i++) {
		CXCursor p = clang_Cursor_getArgument(fl->f->cur, i);
		CXType t = clang_getCanonicalType(clang_getCursorType(p));
		const struct layout *lay;
		struct tobj *o;

		if (!desc_only && t.kind == CXType_Pointer &&
		    clang_getCanonicalType(clang_getPointeeType(t)).kind == CXType_Void) {
			lay = &opaque_layout;
		} else {
			if (!type_ptr_to(fl->u, t, "vm_area_desc") &&
			    (desc_only || !type_ptr_to(fl->u, t, "mmap_action")))
				continue;
			lay = layout_for(fl->u, clang_getPointeeType(t));
			if (!lay)
				continue;
		}
		o = &fl->obj[fl->nobj];
		memset(o, 0, sizeof(*o));
		o->decl = p;
		o->lay = lay;
		o->param = true;
		o->param_index = i;
		o->name = cx_str(fl->u, clang_getCursorSpelling(p));
		st->w[fl->nobj++] = 0;
	}
}

const struct summary *func_summary(struct unit *u, struct func *f, unsigned int param)
{
	struct flow *fl;
	struct fstate st;
	struct node *body;
	unsigned int i;

	if (param >= f->nparams)
		return NULL;
	if (f->sum_state == 2)
		return &f->sums[param];
	if (f->sum_state == 1 || summary_depth >= MAX_SUMMARY_DEPTH)
		return NULL;
	f->sum_state = 1;
	f->sums = arena_alloc(&u->arena, f->nparams * sizeof(*f->sums));
	if (!f->tree)
		f->tree = build_tree(u, f->cur, NULL, f);
	body = func_body(f->tree);
	if (body) {
		fl = xcalloc(1, sizeof(*fl));
		fl_init(fl, u, f, FLOW_SUMMARY);
		memset(&st, 0, sizeof(st));
		add_param_objs(fl, &st, false);
		if (fl->nobj) {
			summary_depth++;
			fl_stmt(fl, body, &st);
			join(&fl->exit, &st);
			summary_depth--;
		}
		for (i = 0; i < fl->nobj; i++) {
			struct tobj *o = &fl->obj[i];
			struct summary *s = &f->sums[o->param_index];

			s->valid = true;
			s->lay = o->lay;
			s->must = fl->exit.dead ? layout_all(o->lay) : fl->exit.w[i];
			s->needs = o->needs;
			s->escapes = o->escapes;
			s->via = o->via;
		}
		free(fl);
	}
	f->sum_state = 2;
	return &f->sums[param];
}

void flow_uninit(struct unit *u, struct func *f, flow_fact_fn fn, void *data)
{
	struct flow *fl = xcalloc(1, sizeof(*fl));
	struct fstate st;

	fl_init(fl, u, f, FLOW_UNINIT);
	fl->fact_fn = fn;
	fl->fact_data = data;
	memset(&st, 0, sizeof(st));
	fl_stmt(fl, func_body(f->tree), &st);
	free(fl);
}

void flow_hook(struct unit *u, struct func *f, flow_fact_fn fn, void *data)
{
	struct flow *fl = xcalloc(1, sizeof(*fl));
	struct fstate st;

	fl_init(fl, u, f, FLOW_HOOK);
	fl->fact_fn = fn;
	fl->fact_data = data;
	memset(&st, 0, sizeof(st));
	add_param_objs(fl, &st, true);
	if (fl->nobj)
		fl_stmt(fl, func_body(f->tree), &st);
	free(fl);
}
