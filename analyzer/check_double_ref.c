// SPDX-License-Identifier: GPL-2.0
/*
 * double-ref (R20): a reference is taken once per mapping. When per-mapping state moved to
 * vm_ops->mapped (7.1+), the prepare hook must stop taking it: the first posting of the 7.1
 * afs fix took the open-mmap count in both and leaked one per mapping. And a reference
 * taken in mapped needs its release in that vm_operations_struct's .close, with .open taking
 * it again for the VMAs a split or a fork adds (as .open/.close did before).
 *
 * The reference-taking and releasing calls are prepare-resource's (check_refs.c) plus
 * counter ++/--, followed through same-file callees. Two calls take "the same" reference
 * when the callee is the same and the object has the same shape: the address of the same
 * field of the same struct (&stm->dev: stm_device.dev), an object of the same struct type
 * (vnode, desc->file, file: what they point to), or the same global, whatever the local
 * and parameter names. A release matches an object of the same shape, or its container.
 */
#include "check_refs.h"
#include "check_util.h"

static int my_id;

#define MAX_EVENTS 256
#define MAX_DEPTH 8

struct ref_event {
	const char *what;		/* "afs_add_open_mmap()", "d->users++" */
	const char *callee;		/* "afs_add_open_mmap", "++" */
	const char *key;		/* the object's shape */
	bool release;
	struct node *at;
	struct func *in;
};

struct events {
	struct ref_event v[MAX_EVENTS];
	unsigned int n;
	struct func *seen[64];
	unsigned int nseen;
};

/* "rec.field" for &x->field, "rec" for a pointer to a struct, "global:name", or a type. */
static const char *obj_key(struct unit *u, struct node *arg)
{
	struct node *e = strip_casts(arg);
	CXType t = clang_getCanonicalType(node_type(arg));
	CXCursor ref;

	/* the type the callee receives: vma->vm_private_data passed as a struct foo * */
	if (t.kind == CXType_Pointer && record_name(u, clang_getPointeeType(t)) &&
	    !(e && e->kind == CXCursor_UnaryOperator && unop_kind(u, e) == UNOP_ADDR))
		return record_name(u, clang_getPointeeType(t));
	if (!e)
		return "?";
	if (e->kind == CXCursor_UnaryOperator && unop_kind(u, e) == UNOP_ADDR) {
		struct node *obj = strip_casts(e->kids[0]);

		if (obj && obj->kind == CXCursor_MemberRefExpr && member_record(u, obj))
			return arena_printf(&u->arena, "%s.%s", member_record(u, obj),
					    node_name(u, obj));
		e = obj;
		if (!e)
			return "?";
	} else {
		t = clang_getCanonicalType(node_type(e));
		if (t.kind == CXType_Pointer && record_name(u, clang_getPointeeType(t)))
			return record_name(u, clang_getPointeeType(t));
	}
	if (e->kind == CXCursor_DeclRefExpr) {
		ref = clang_getCursorReferenced(e->cur);
		if (clang_getCursorKind(ref) == CXCursor_VarDecl &&
		    clang_Cursor_hasVarDeclGlobalStorage(ref))
			return arena_printf(&u->arena, "global:%s", node_name(u, e));
	}
	if (e->kind == CXCursor_MemberRefExpr && member_record(u, e))
		return arena_printf(&u->arena, "%s.%s", member_record(u, e), node_name(u, e));
	return cx_str(u, clang_getTypeSpelling(clang_getCanonicalType(node_type(e))));
}

/* +1 for x++ / ++x / x += n, -1 for x-- / --x / x -= n, 0 otherwise. */
static int counter_step(struct unit *u, struct node *n)
{
	CXToken *toks = NULL;
	unsigned int ntok, i;
	const char *op;
	int step = 0;

	if (n->kind == CXCursor_CompoundAssignOperator) {
		op = binop_spelling(u, n);
		return !op ? 0 : !strcmp(op, "+=") ? 1 : !strcmp(op, "-=") ? -1 : 0;
	}
	if (n->kind != CXCursor_UnaryOperator || unop_kind(u, n) != UNOP_INCDEC)
		return 0;
	clang_tokenize(u->tu, clang_getCursorExtent(n->cur), &toks, &ntok);
	for (i = 0; i < ntok && !step; i++) {
		const char *sp = cx_str(u, clang_getTokenSpelling(u->tu, toks[i]));

		step = !strcmp(sp, "++") ? 1 : !strcmp(sp, "--") ? -1 : 0;
	}
	clang_disposeTokens(u->tu, toks, ntok);
	return step;
}

static void add_event(struct events *ev, const char *what, const char *callee, const char *key,
		      bool release, struct node *at, struct func *in)
{
	struct ref_event *e;

	if (ev->n >= MAX_EVENTS)
		return;
	e = &ev->v[ev->n++];
	e->what = what;
	e->callee = callee;
	e->key = key;
	e->release = release;
	e->at = at;
	e->in = in;
}

static void scan(struct unit *u, struct func *f, struct node *n, struct events *ev)
{
	unsigned int i;
	int step;

	if (n->kind == CXCursor_CallExpr && n->nkids >= 2) {
		const char *name = call_name(u, n);
		enum res_kind kind = resource_call_kind(name);
		bool release = is_release_call(name) || counter_add_negative(name, n);

		if (!release && (kind == RES_REF || kind == RES_PUBLISH))
			add_event(ev, arena_printf(&u->arena, "%s()", name), name,
				  obj_key(u, n->kids[1]), false, n, f);
		else if (release)
			add_event(ev, arena_printf(&u->arena, "%s()", name), name,
				  obj_key(u, n->kids[1]), true, n, f);
	} else if ((step = counter_step(u, n)) != 0) {
		struct node *m = strip(n->kids[0]);

		/* a counter in a structure reached through a pointer, as prepare-resource */
		if (m->kind == CXCursor_MemberRefExpr && m->nkids &&
		    clang_getCanonicalType(node_type(strip(m->kids[0]))).kind == CXType_Pointer)
			add_event(ev, arena_printf(&u->arena, "%s%s", expr_text(u, m),
						   step > 0 ? "++" : "--"),
				  step > 0 ? "++" : "--", obj_key(u, m), step < 0, n, f);
	}
	for (i = 0; i < n->nkids; i++)
		scan(u, f, n->kids[i], ev);
}

/* The events of f and of the same-file functions it calls. */
static void collect(struct unit *u, struct func *f, struct events *ev, int depth)
{
	unsigned int i;

	if (!f || !f->tree || depth > MAX_DEPTH)
		return;
	for (i = 0; i < ev->nseen; i++)
		if (ev->seen[i] == f)
			return;
	if (ev->nseen < ARRAY_SIZE(ev->seen))
		ev->seen[ev->nseen++] = f;
	scan(u, f, f->tree, ev);
	for (i = 0; i < f->ncallees; i++)
		collect(u, f->callees[i], ev, depth + 1);
}

/* A vm_operations_struct defined in this file, with the callbacks double-ref needs. */
struct ops {
	const char *name;
	struct func *mapped, *open, *close;
	bool may_split;
	unsigned int mapped_line;
};

static struct node *global_of(struct unit *u, CXCursor var)
{
	unsigned int i;

	for (i = 0; i < u->nglobals; i++)
		if (clang_equalCursors(u->globals[i]->cur, var))
			return u->globals[i];
	return NULL;
}

static void ops_fields(struct unit *u, struct node *n, struct ops *o)
{
	struct node *member = designator_member(n);
	unsigned int i;

	if (member) {
		const char *field = node_name(u, member);
		struct func *fn = func_of_expr(u, n->kids[n->nkids - 1]);

		if (!strcmp(field, "mapped")) {
			o->mapped = fn;
			o->mapped_line = member->line;
		} else if (!strcmp(field, "open")) {
			o->open = fn;
		} else if (!strcmp(field, "close")) {
			o->close = fn;
		} else if (!strcmp(field, "may_split")) {
			o->may_split = true;
		}
		return;
	}
	for (i = 0; i < n->nkids; i++)
		ops_fields(u, n->kids[i], o);
}

static bool ops_of_global(struct unit *u, struct node *g, struct ops *o)
{
	memset(o, 0, sizeof(*o));
	if (g->kind != CXCursor_VarDecl ||
	    !type_is_record(u, clang_getCursorType(g->cur), "vm_operations_struct"))
		return false;
	o->name = node_name(u, g);
	ops_fields(u, g, o);
	return o->mapped && o->mapped->tree;
}

/* The vm_operations_struct a desc->vm_ops = &ops; installs, if it is one of this file's. */
static struct node *installed_ops(struct unit *u, struct node *n)
{
	struct node *lhs, *rhs;

	if (!is_assign(u, n))
		return NULL;
	lhs = strip(n->kids[0]);
	if (lhs->kind != CXCursor_MemberRefExpr || strcmp(node_name(u, lhs), "vm_ops") ||
	    !member_record(u, lhs) || strcmp(member_record(u, lhs), "vm_area_desc"))
		return NULL;
	rhs = strip_casts(n->kids[1]);
	if (!rhs || rhs->kind != CXCursor_UnaryOperator || unop_kind(u, rhs) != UNOP_ADDR)
		return NULL;
	rhs = strip_casts(rhs->kids[0]);
	if (!rhs || rhs->kind != CXCursor_DeclRefExpr)
		return NULL;
	return global_of(u, clang_getCursorReferenced(rhs->cur));
}

static const char *where(struct unit *u, const struct ref_event *e, const char *role,
			 struct func *root)
{
	if (e->in == root)
		return arena_printf(&u->arena, "the %s %s()", role, root->name);
	return arena_printf(&u->arena, "%s(), called from the %s %s()", e->in->name, role,
			    root->name);
}

static const struct ref_event *find_taken(const struct events *ev, const struct ref_event *e)
{
	unsigned int i;

	for (i = 0; i < ev->n; i++)
		if (!ev->v[i].release && !strcmp(ev->v[i].callee, e->callee) &&
		    !strcmp(ev->v[i].key, e->key))
			return &ev->v[i];
	return NULL;
}

/* Same object, or one is a field of the other ("rdev.ref" and "rdev"). */
static bool same_object(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (!strcmp(a, b))
		return true;
	if (na > nb)
		return !strncmp(a, b, nb) && a[nb] == '.';
	return nb > na && !strncmp(a, b, na) && b[na] == '.';
}

static bool finds(const struct events *ev, const struct ref_event *e, bool release)
{
	unsigned int i;

	for (i = 0; i < ev->n; i++)
		if (ev->v[i].release == release && same_object(ev->v[i].key, e->key))
			return true;
	return false;
}

static void find_installs(struct unit *u, struct node *n, struct node **found, unsigned int *nfound)
{
	struct node *g = installed_ops(u, n);
	unsigned int i;

	if (g) {
		for (i = 0; i < *nfound; i++)
			if (found[i] == g)
				break;
		if (i == *nfound && *nfound < 8)
			found[(*nfound)++] = g;
	}
	for (i = 0; i < n->nkids; i++)
		find_installs(u, n->kids[i], found, nfound);
}

/* Findings already made, so a helper two hooks share is reported once. */
struct reported {
	struct node *at[64];
	unsigned int n;
};

static bool already_reported(struct reported *rep, struct node *at)
{
	unsigned int i;

	for (i = 0; i < rep->n; i++)
		if (rep->at[i] == at)
			return true;
	if (rep->n < ARRAY_SIZE(rep->at))
		rep->at[rep->n++] = at;
	return false;
}

/* The prepare side: the same reference taken in the hook and in the mapped it installs. */
static void check_hook(struct unit *u, struct func *hook, struct reported *rep)
{
	struct events *pre = xcalloc(1, sizeof(*pre)), *map = xcalloc(1, sizeof(*map));
	struct node *installs[8];
	unsigned int ninstalls = 0, i, k;
	struct ops o;

	collect(u, hook, pre, 0);
	for (i = 0; i < pre->nseen; i++)
		find_installs(u, pre->seen[i]->tree, installs, &ninstalls);
	for (k = 0; k < ninstalls; k++) {
		if (!ops_of_global(u, installs[k], &o))
			continue;
		memset(map, 0, sizeof(*map));
		collect(u, o.mapped, map, 0);
		for (i = 0; i < pre->n; i++) {
			const struct ref_event *e = &pre->v[i], *m;

			if (e->release || !(m = find_taken(map, e)))
				continue;
			if (already_reported(rep, e->at))
				continue;
			report(u, my_id, e->at, "%s(): %s in %s takes the reference that the "
			       "vm_ops->mapped callback %s() of %s also takes (%s): each mapping "
			       "takes it twice and .close gives back one; take it in mapped only",
			       e->in->name, e->what, where(u, e, "prepare hook", hook),
			       o.mapped->name, o.name, m->at == e->at ?
			       arena_printf(&u->arena, "through %s(), which both call",
					    e->in->name) :
			       arena_printf(&u->arena, "%s on line %u", m->what, m->at->line));
		}
	}
	free(pre);
	free(map);
}

/* The mapped side: a reference taken in mapped needs .close to give it back, .open to retake it. */
static void check_ops(struct unit *u, struct node *g)
{
	struct events *map, *cls, *opn;
	struct ops o;
	unsigned int i;

	if (!ops_of_global(u, g, &o))
		return;
	map = xcalloc(1, sizeof(*map));
	cls = xcalloc(1, sizeof(*cls));
	opn = xcalloc(1, sizeof(*opn));
	collect(u, o.mapped, map, 0);
	collect(u, o.close, cls, 0);
	collect(u, o.open, opn, 0);
	for (i = 0; i < map->n; i++) {
		const struct ref_event *e = &map->v[i];
		const char *ctx, *open_too, *no_open;
		bool reopened;

		if (e->release)
			continue;
		ctx = where(u, e, "vm_ops->mapped callback", o.mapped);
		reopened = finds(opn, e, false);
		no_open = o.open ?
			arena_printf(&u->arena, ".open %s() does not take it", o.open->name) :
			arena_printf(&u->arena, "%s has no .open to take it", o.name);
		open_too = reopened ? "" :
			o.open ? arena_printf(&u->arena, "; .open %s() must take it too, for the "
					      "VMAs a split or fork adds", o.open->name) :
			"; an .open must take it too, for the VMAs a split or fork adds";
		if (!o.close)
			report(u, my_id, e->at, "%s(): %s in %s takes a reference that nothing "
			       "gives back: %s has no .close; add a .close that releases it%s",
			       e->in->name, e->what, ctx, o.name, open_too);
		else if (!finds(cls, e, true))
			report(u, my_id, e->at, "%s(): %s in %s takes a reference that .close "
			       "%s() of %s does not give back: release it there%s", e->in->name,
			       e->what, ctx, o.close->name, o.name, open_too);
		else if (!reopened && !o.may_split)
			report(u, my_id, e->at, "%s(): %s in %s takes a reference that .close "
			       "%s() gives back for every VMA, but %s for the VMAs a split or fork "
			       "adds: take it in .open too", e->in->name, e->what, ctx,
			       o.close->name, no_open);
	}
	free(map);
	free(cls);
	free(opn);
}

static bool is_fops_hook(const struct func *f)
{
	return (f->roles & ROLE_PREPARE) && !strcmp(f->why_prepare, "mmap_prepare hook");
}

static void double_ref_unit(struct unit *u)
{
	struct reported rep = { 0 };
	unsigned int i;

	/* .mmap_prepare hooks first: a finding names the hook the VFS calls */
	for (i = 0; i < u->nfuncs; i++)
		if (is_fops_hook(u->funcs[i]))
			check_hook(u, u->funcs[i], &rep);
	for (i = 0; i < u->nfuncs; i++)
		if ((u->funcs[i]->roles & ROLE_PREPARE) && !is_fops_hook(u->funcs[i]))
			check_hook(u, u->funcs[i], &rep);
	for (i = 0; i < u->nglobals; i++)
		check_ops(u, u->globals[i]);
}

void check_double_ref(int id)
{
	my_id = id;
	add_unit_hook(id, double_ref_unit);
}
