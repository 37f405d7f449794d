// SPDX-License-Identifier: GPL-2.0
/*
 * The AST copy, type helpers, function roles and the same-TU call graph.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"

const char *cx_str(struct unit *u, CXString s)
{
	const char *c = clang_getCString(s);
	const char *r = arena_strdup(&u->arena, c ? c : "");

	clang_disposeString(s);
	return r;
}

static bool cx_eq(CXString s, const char *want)
{
	const char *c = clang_getCString(s);
	bool eq = c && !strcmp(c, want);

	clang_disposeString(s);
	return eq;
}

bool loc_in_main(struct unit *u, CXSourceLocation loc, unsigned int *line, unsigned int *col)
{
	CXFile file;
	unsigned int l, c;

	clang_getExpansionLocation(loc, &file, &l, &c, NULL);
	if (line)
		*line = l;
	if (col)
		*col = c;
	return file && clang_File_isEqual(file, u->main_file);
}

/* A kernel tree's top folder has Kconfig and Kbuild files and an mm folder. */
static bool is_tree_top(const char *dir)
{
	static const char *const want[] = { "Kconfig", "Kbuild", "mm" };
	struct stat st;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		char *p = xasprintf("%s/%s", dir, want[i]);
		bool ok = !stat(p, &st) && (i < 2 ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode));

		free(p);
		if (!ok)
			return false;
	}
	return true;
}

/*
 * The main file's path below the top of the kernel tree it lies in ("mm/util.c"); when no
 * tree top is found above it, the path as given if it is relative ("./" dropped), else "".
 */
const char *unit_tree_path(struct unit *u)
{
	char full[PATH_MAX], dir[PATH_MAX], *slash;
	const char *name;

	if (u->tree_path)
		return u->tree_path;
	name = cx_str(u, clang_getFileName(u->main_file));
	u->tree_path = "";
	if (realpath(name, full)) {
		strcpy(dir, full);
		while ((slash = strrchr(dir, '/')) && slash > dir) {
			*slash = 0;
			if (is_tree_top(dir)) {
				u->tree_path = arena_strdup(&u->arena, full + (slash - dir) + 1);
				break;
			}
		}
	}
	if (!*u->tree_path && name[0] != '/') {
		while (!strncmp(name, "./", 2))
			name += 2;
		u->tree_path = name;
	}
	return u->tree_path;
}

/* Is the main file under the tree folder prefix ("mm/", "fs/hugetlbfs/", "mm/hugetlb")? */
bool unit_in_tree_dir(struct unit *u, const char *prefix)
{
	return !strncmp(unit_tree_path(u), prefix, strlen(prefix));
}

struct kids {
	CXCursor *v;
	unsigned int n, cap;
};

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 8;
		k->v = xrealloc(k->v, k->cap * sizeof(*k->v));
	}
	k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

struct node *build_tree(struct unit *u, CXCursor c, struct node *parent, struct func *f)
{
	struct node *n = arena_alloc(&u->arena, sizeof(*n));
	struct kids k = { 0 };
	unsigned int i;

	n->cur = c;
	n->kind = clang_getCursorKind(c);
	n->parent = parent;
	n->func = f;
	clang_getExpansionLocation(clang_getCursorLocation(c), NULL, &n->line, &n->col, NULL);
	clang_visitChildren(c, collect_kid, &k);
	if (k.n) {
		n->kids = arena_alloc(&u->arena, k.n * sizeof(*n->kids));
		n->nkids = k.n;
		for (i = 0; i < k.n; i++)
			n->kids[i] = build_tree(u, k.v[i], n, f);
	}
	free(k.v);
	return n;
}

const char *node_name(struct unit *u, struct node *n)
{
	if (!n->name)
		n->name = cx_str(u, clang_getCursorSpelling(n->cur));
	return n->name;
}

bool node_is_expr(const struct node *n)
{
	return clang_isExpression(n->kind);
}

struct node *last_expr_kid(struct node *n)
{
	unsigned int i;

	for (i = n->nkids; i > 0; i--)
		if (node_is_expr(n->kids[i - 1]))
			return n->kids[i - 1];
	return NULL;
}

struct node *strip(struct node *n)
{
	while (n) {
		if (n->kind == CXCursor_ParenExpr && n->nkids == 1)
			n = n->kids[0];
		else if (n->kind == CXCursor_UnexposedExpr && n->nkids == 1 && node_is_expr(n->kids[0]))
			n = n->kids[0];
		else
			break;
	}
	return n;
}

struct node *strip_casts(struct node *n)
{
	for (;;) {
		n = strip(n);
		if (n && n->kind == CXCursor_CStyleCastExpr && last_expr_kid(n))
			n = last_expr_kid(n);
		else
			return n;
	}
}

CXType node_type(const struct node *n)
{
	return clang_getCursorType(n->cur);
}

/* Types */

const char *record_name(struct unit *u, CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Record)
		return NULL;
	return cx_str(u, clang_getCursorSpelling(clang_getTypeDeclaration(t)));
}

bool type_is_record(struct unit *u, CXType t, const char *name)
{
	(void)u;
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Record)
		return false;
	return cx_eq(clang_getCursorSpelling(clang_getTypeDeclaration(t)), name);
}

bool type_ptr_to(struct unit *u, CXType t, const char *name)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	return type_is_record(u, clang_getPointeeType(t), name);
}

bool type_mentions(struct unit *u, CXType t, const char *name)
{
	int depth;

	for (depth = 0; depth < 8; depth++) {
		t = clang_getCanonicalType(t);
		switch (t.kind) {
		case CXType_Pointer:
			t = clang_getPointeeType(t);
			break;
		case CXType_ConstantArray:
		case CXType_IncompleteArray:
		case CXType_VariableArray:
		case CXType_DependentSizedArray:
			t = clang_getArrayElementType(t);
			break;
		case CXType_Record:
			return type_is_record(u, t, name);
		default:
			return false;
		}
	}
	return false;
}

static void normalize_type(const char *in, char *out, size_t size)
{
	static const char *const drop[] = { "const", "volatile", "restrict", "__restrict" };
	size_t o = 0;
	const char *p = in;

	while (*p && o + 1 < size) {
		size_t i, len;
		bool dropped = false;

		for (i = 0; i < ARRAY_SIZE(drop); i++) {
			len = strlen(drop[i]);
			if (!strncmp(p, drop[i], len) && (p == in || p[-1] == ' ' || p[-1] == '*') &&
			    (p[len] == ' ' || p[len] == '\0' || p[len] == '*')) {
				p += len;
				while (*p == ' ')
					p++;
				dropped = true;
				break;
			}
		}
		if (dropped)
			continue;
		out[o++] = *p++;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = 0;
}

bool types_same(struct unit *u, CXType a, CXType b)
{
	char na[512], nb[512];
	const char *sa, *sb;

	a = clang_getCanonicalType(a);
	b = clang_getCanonicalType(b);
	if (clang_equalTypes(a, b))
		return true;
	sa = cx_str(u, clang_getTypeSpelling(a));
	sb = cx_str(u, clang_getTypeSpelling(b));
	normalize_type(sa, na, sizeof(na));
	normalize_type(sb, nb, sizeof(nb));
	return !strcmp(na, nb);
}

/* Expressions */

static bool is_lvalue_kind(struct unit *u, struct node *n)
{
	CXCursor ref;

	switch (n->kind) {
	case CXCursor_DeclRefExpr:
		ref = clang_getCursorReferenced(n->cur);
		return clang_getCursorKind(ref) == CXCursor_VarDecl ||
		       clang_getCursorKind(ref) == CXCursor_ParmDecl;
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		return true;
	case CXCursor_ParenExpr:
		return n->nkids == 1 && is_lvalue_kind(u, n->kids[0]);
	case CXCursor_UnaryOperator:
		return unop_kind(u, n) == UNOP_DEREF;
	default:
		return false;
	}
}

/*
 * libclang 14 has no operator kind. An assignment's left side is an lvalue with no
 * implicit conversion, and the assignment has its type; every other binary operator
 * reads its left side through an implicit lvalue-to-rvalue cast (UnexposedExpr).
 */
bool is_assign(struct unit *u, struct node *n)
{
	struct node *lhs;

	if (n->kind != CXCursor_BinaryOperator || n->nkids != 2)
		return false;
#if CINDEX_VERSION_MINOR >= 64
	/* LLVM 17+ says which operator it is */
	(void)lhs;
	(void)is_lvalue_kind;
	return clang_getCursorBinaryOperatorKind(n->cur) == CXBinaryOperator_Assign;
#endif
	lhs = n->kids[0];
	if (!is_lvalue_kind(u, lhs))
		return false;
	return types_same(u, node_type(n), node_type(lhs));
}

enum unop unop_kind(struct unit *u, struct node *n)
{
	CXType t, c;
	struct node *kid;

	if (n->kind != CXCursor_UnaryOperator || n->nkids != 1)
		return UNOP_OTHER;
	kid = n->kids[0];
	t = clang_getCanonicalType(node_type(n));
	c = clang_getCanonicalType(node_type(kid));
	if (t.kind == CXType_Pointer && types_same(u, clang_getPointeeType(t), c))
		return UNOP_ADDR;
	if (c.kind == CXType_Pointer && types_same(u, clang_getPointeeType(c), t))
		return UNOP_DEREF;
	if (kid->kind != CXCursor_UnexposedExpr && is_lvalue_kind(u, kid) && types_same(u, t, c))
		return UNOP_INCDEC;
	return UNOP_OTHER;
}

static void file_offset(CXSourceLocation loc, CXFile *file, unsigned int *off)
{
	clang_getExpansionLocation(loc, file, NULL, NULL, off);
}

/*
 * The operator token of a binary operator, or NULL: the last punctuation token (other than
 * parentheses) between the end of the left operand and the start of the right one, both
 * taken at their expansion locations so that operands coming from macros (PAGE_SIZE) are
 * fine. An operator inside a macro body yields an empty range and NULL.
 */
const char *binop_spelling(struct unit *u, struct node *n)
{
	CXSourceLocation lend, rstart;
	CXFile lf, rf;
	unsigned int loff, roff, ntok, i;
	CXToken *toks = NULL;
	const char *res = NULL;

	if ((n->kind != CXCursor_BinaryOperator && n->kind != CXCursor_CompoundAssignOperator) ||
	    n->nkids != 2)
		return NULL;
#if CINDEX_VERSION_MINOR >= 64
	{
		enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(n->cur);

		if (k != CXBinaryOperator_Invalid)
			return cx_str(u, clang_getBinaryOperatorKindSpelling(k));
	}
#endif
	lend = clang_getRangeEnd(clang_getCursorExtent(n->kids[0]->cur));
	rstart = clang_getRangeStart(clang_getCursorExtent(n->kids[1]->cur));
	file_offset(lend, &lf, &loff);
	file_offset(rstart, &rf, &roff);
	if (!lf || !rf || !clang_File_isEqual(lf, rf) || roff <= loff)
		return NULL;
	clang_tokenize(u->tu, clang_getRange(clang_getLocationForOffset(u->tu, lf, loff),
					     clang_getLocationForOffset(u->tu, rf, roff)),
		       &toks, &ntok);
	for (i = 0; i < ntok; i++) {
		CXFile tf;
		unsigned int toff;
		const char *sp;

		if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
			continue;
		clang_getSpellingLocation(clang_getTokenLocation(u->tu, toks[i]), &tf, NULL, NULL,
					  &toff);
		if (toff < loff || toff >= roff)
			continue;
		sp = cx_str(u, clang_getTokenSpelling(u->tu, toks[i]));
		if (strcmp(sp, "(") && strcmp(sp, ")"))
			res = sp;
	}
	clang_disposeTokens(u->tu, toks, ntok);
	return res;
}

bool eval_int(struct node *n, long long *val)
{
	CXEvalResult r;
	bool ok = false;

	if (!node_is_expr(n))
		return false;
	r = clang_Cursor_Evaluate(n->cur);
	if (!r)
		return false;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(r))
			*val = (long long)clang_EvalResult_getAsUnsigned(r);
		else
			*val = clang_EvalResult_getAsLongLong(r);
		ok = true;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

/* The named record a member (MemberRefExpr, MemberRef) belongs to, through anonymous ones. */
const char *member_record(struct unit *u, struct node *n)
{
	CXCursor c = clang_getCursorReferenced(n->cur);
	int depth;

	if (clang_getCursorKind(c) != CXCursor_FieldDecl)
		return NULL;
	for (depth = 0; depth < 8; depth++) {
		const char *name;

		c = clang_getCursorSemanticParent(c);
		if (clang_getCursorKind(c) != CXCursor_StructDecl &&
		    clang_getCursorKind(c) != CXCursor_UnionDecl)
			return NULL;
		name = cx_str(u, clang_getCursorSpelling(c));
		if (*name && !clang_Cursor_isAnonymousRecordDecl(c))
			return name;
	}
	return NULL;
}

struct node *call_callee(struct node *call)
{
	if (call->kind != CXCursor_CallExpr || !call->nkids)
		return NULL;
	return strip(call->kids[0]);
}

CXCursor call_target(struct node *call)
{
	struct node *c = call_callee(call);
	CXCursor ref;

	if (c && c->kind == CXCursor_DeclRefExpr) {
		ref = clang_getCursorReferenced(c->cur);
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			return ref;
	}
	return clang_getNullCursor();
}

const char *expr_text(struct unit *u, struct node *n)
{
	struct node *s = strip_casts(n);
	CXType t;

	if (!s)
		return "?";
	switch (s->kind) {
	case CXCursor_DeclRefExpr:
		return node_name(u, s);
	case CXCursor_MemberRefExpr:
		if (!s->nkids)
			return node_name(u, s);
		t = clang_getCanonicalType(node_type(s->kids[0]));
		if (!*node_name(u, s))
			return expr_text(u, s->kids[0]);
		return arena_printf(&u->arena, "%s%s%s", expr_text(u, s->kids[0]),
				    t.kind == CXType_Pointer ? "->" : ".", node_name(u, s));
	case CXCursor_UnaryOperator:
		if (unop_kind(u, s) == UNOP_ADDR)
			return arena_printf(&u->arena, "&%s", expr_text(u, s->kids[0]));
		if (unop_kind(u, s) == UNOP_DEREF)
			return arena_printf(&u->arena, "*%s", expr_text(u, s->kids[0]));
		return "...";
	case CXCursor_CallExpr:
		return arena_printf(&u->arena, "%s()", call_name(u, s));
	case CXCursor_ArraySubscriptExpr:
		return arena_printf(&u->arena, "%s[...]", expr_text(u, s->kids[0]));
	default:
		return "...";
	}
}

const char *call_name(struct unit *u, struct node *call)
{
	CXCursor t = call_target(call);
	struct node *c;

	if (!clang_Cursor_isNull(t))
		return cx_str(u, clang_getCursorSpelling(t));
	c = call_callee(call);
	if (!c)
		return "an indirect call";
	if (c->kind == CXCursor_UnaryOperator && unop_kind(u, c) == UNOP_DEREF)
		c = strip(c->kids[0]);
	return expr_text(u, c);
}

/* Functions */

static void func_params(struct unit *u, struct func *f)
{
	int i, n = clang_Cursor_getNumArguments(f->cur);

	f->nparams = n > 0 ? (unsigned int)n : 0;
	for (i = 0; i < n; i++) {
		CXType t = clang_getCursorType(clang_Cursor_getArgument(f->cur, i));

		if (type_ptr_to(u, t, "vm_area_desc"))
			f->takes_desc = true;
		if (type_mentions(u, t, "vm_area_struct"))
			f->takes_vma = true;
	}
}

struct func *func_for_decl(struct unit *u, CXCursor decl)
{
	CXCursor def;
	struct func *f;
	unsigned int h;

	if (clang_Cursor_isNull(decl) || clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return NULL;
	def = clang_getCursorDefinition(decl);
	if (clang_Cursor_isNull(def))
		return NULL;
	h = clang_hashCursor(def) % FUNC_HASH;
	for (f = u->fhash[h]; f; f = f->hnext)
		if (clang_equalCursors(f->cur, def))
			return f;
	f = arena_alloc(&u->arena, sizeof(*f));
	f->cur = def;
	f->name = cx_str(u, clang_getCursorSpelling(def));
	f->in_main = loc_in_main(u, clang_getCursorLocation(def), &f->line, &f->col);
	func_params(u, f);
	f->hnext = u->fhash[h];
	u->fhash[h] = f;
	return f;
}

struct func *call_func(struct unit *u, struct node *call)
{
	return func_for_decl(u, call_target(call));
}

struct func *func_of_expr(struct unit *u, struct node *e)
{
	CXCursor ref;

	e = strip_casts(e);
	if (e && e->kind == CXCursor_UnaryOperator && unop_kind(u, e) == UNOP_ADDR)
		e = strip_casts(e->kids[0]);
	if (!e || e->kind != CXCursor_DeclRefExpr)
		return NULL;
	ref = clang_getCursorReferenced(e->cur);
	return func_for_decl(u, ref);
}

struct func *func_at_line(struct unit *u, unsigned int line)
{
	unsigned int i;

	for (i = 0; i < u->nfuncs; i++) {
		struct func *f = u->funcs[i];
		CXSourceRange r = clang_getCursorExtent(f->cur);
		unsigned int l0, l1;

		clang_getExpansionLocation(clang_getRangeStart(r), NULL, &l0, NULL, NULL);
		clang_getExpansionLocation(clang_getRangeEnd(r), NULL, &l1, NULL, NULL);
		if (line >= l0 && line <= l1)
			return f;
	}
	return NULL;
}

/* Roles and call graph */

static bool fnptr_takes_desc(struct unit *u, CXType t)
{
	int i, n;

	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_FunctionProto)
		return false;
	n = clang_getNumArgTypes(t);
	for (i = 0; i < n; i++)
		if (type_mentions(u, clang_getArgType(t, i), "vm_area_struct"))
			return false;
	for (i = 0; i < n; i++)
		if (type_ptr_to(u, clang_getArgType(t, i), "vm_area_desc"))
			return true;
	return false;
}

static void mark_prepare(struct func *f, const char *why)
{
	/* compat code that takes both a descriptor and a VMA is not a hook */
	if (!f || !f->in_main || f->takes_vma)
		return;
	f->roles |= ROLE_PREPARE;
	if (!f->why_prepare)
		f->why_prepare = why;
}

static void bind_member(struct unit *u, struct node *member, struct node *value)
{
	struct func *f = func_of_expr(u, value);
	const char *name = node_name(u, member);
	CXCursor field = clang_getCursorReferenced(member->cur);

	if (!f || !f->in_main)
		return;
	if (!strcmp(name, "mmap_prepare")) {
		mark_prepare(f, "mmap_prepare hook");
	} else if (clang_getCursorKind(field) == CXCursor_FieldDecl &&
		   fnptr_takes_desc(u, clang_getCursorType(field))) {
		mark_prepare(f, arena_printf(&u->arena, "prepare hook .%s", name));
	} else if (!strcmp(name, "mmap") && f->takes_vma) {
		f->roles |= ROLE_MMAP;
	}
}

static void find_bindings(struct unit *u, struct node *n)
{
	unsigned int i;

	if (n->kind == CXCursor_UnexposedExpr && n->nkids >= 2 &&
	    n->kids[0]->kind == CXCursor_MemberRef) {
		struct node *member = NULL;

		for (i = 0; i < n->nkids && n->kids[i]->kind == CXCursor_MemberRef; i++)
			member = n->kids[i];
		if (member && i == n->nkids - 1)
			bind_member(u, member, n->kids[i]);
	} else if (is_assign(u, n) && n->kids[0]->kind == CXCursor_MemberRefExpr) {
		bind_member(u, n->kids[0], n->kids[1]);
	}
	for (i = 0; i < n->nkids; i++)
		find_bindings(u, n->kids[i]);
}

static void add_callee(struct func *f, struct func *callee, struct arena *a)
{
	unsigned int i;

	for (i = 0; i < f->ncallees; i++)
		if (f->callees[i] == callee)
			return;
	if (f->ncallees == f->capcallees) {
		struct func **v;

		f->capcallees = f->capcallees ? f->capcallees * 2 : 8;
		v = arena_alloc(a, f->capcallees * sizeof(*v));
		if (f->ncallees)
			memcpy(v, f->callees, f->ncallees * sizeof(*v));
		f->callees = v;
	}
	f->callees[f->ncallees++] = callee;
}

static void find_calls(struct unit *u, struct func *f, struct node *n)
{
	unsigned int i;

	if (n->kind == CXCursor_CallExpr) {
		struct func *callee = call_func(u, n);

		if (callee && callee->in_main && callee != f)
			add_callee(f, callee, &u->arena);
	}
	for (i = 0; i < n->nkids; i++)
		find_calls(u, f, n->kids[i]);
}

static void propagate_prepare(struct func *root, struct func *f, int depth)
{
	unsigned int i;

	if (f->in_prepare || depth > 64)
		return;
	f->in_prepare = true;
	f->prepare_root = root;
	for (i = 0; i < f->ncallees; i++)
		propagate_prepare(root, f->callees[i], depth + 1);
}

static void propagate_mmap(struct func *f, int depth)
{
	unsigned int i;

	if (f->in_mmap || depth > 64)
		return;
	f->in_mmap = true;
	for (i = 0; i < f->ncallees; i++)
		propagate_mmap(f->callees[i], depth + 1);
}

static enum CXChildVisitResult top_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct unit *u = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	struct func *f;
	struct node *n;

	(void)parent;
	if (kind != CXCursor_FunctionDecl && kind != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	if (!loc_in_main(u, clang_getCursorLocation(c), NULL, NULL))
		return CXChildVisit_Continue;
	if (kind == CXCursor_FunctionDecl) {
		if (!clang_isCursorDefinition(c))
			return CXChildVisit_Continue;
		f = func_for_decl(u, c);
		if (!f || f->tree)
			return CXChildVisit_Continue;
		f->in_main = true;
		f->tree = build_tree(u, f->cur, NULL, f);
		if (u->nfuncs == u->capfuncs) {
			u->capfuncs = u->capfuncs ? u->capfuncs * 2 : 32;
			u->funcs = xrealloc(u->funcs, u->capfuncs * sizeof(*u->funcs));
		}
		u->funcs[u->nfuncs++] = f;
		return CXChildVisit_Continue;
	}
	n = build_tree(u, c, NULL, NULL);
	if (!last_expr_kid(n))
		return CXChildVisit_Continue;
	if (u->nglobals == u->capglobals) {
		u->capglobals = u->capglobals ? u->capglobals * 2 : 32;
		u->globals = xrealloc(u->globals, u->capglobals * sizeof(*u->globals));
	}
	u->globals[u->nglobals++] = n;
	return CXChildVisit_Continue;
}

void unit_build(struct unit *u)
{
	unsigned int i;

	clang_visitChildren(clang_getTranslationUnitCursor(u->tu), top_visit, u);
	for (i = 0; i < u->nglobals; i++)
		find_bindings(u, u->globals[i]);
	for (i = 0; i < u->nfuncs; i++) {
		struct func *f = u->funcs[i];

		find_bindings(u, f->tree);
		find_calls(u, f, f->tree);
		if (f->takes_desc && !f->takes_vma)
			mark_prepare(f, "takes a struct vm_area_desc");
	}
	for (i = 0; i < u->nfuncs; i++)
		if (u->funcs[i]->roles & ROLE_PREPARE)
			propagate_prepare(u->funcs[i], u->funcs[i], 0);
	for (i = 0; i < u->nfuncs; i++)
		if (u->funcs[i]->roles & ROLE_MMAP)
			propagate_mmap(u->funcs[i], 0);
}

/* Layouts */

struct layout_ctx {
	struct unit *u;
	struct layout *l;
	const char *prefix;
	int union_leaf;
	int depth;
};

static unsigned int new_leaf(struct layout *l, const char *name)
{
	if (l->nleaves >= MAX_LEAVES)
		return MAX_LEAVES - 1;
	l->leaf[l->nleaves] = name;
	return l->nleaves++;
}

static void add_alias(struct layout *l, const char *path, unsigned int leaf)
{
	if (l->nalias >= MAX_ALIASES)
		return;
	l->alias_path[l->nalias] = path;
	l->alias_leaf[l->nalias++] = leaf;
}

static void add_fields(struct unit *u, struct layout *l, CXType t, const char *prefix,
		       int union_leaf, int depth);

static enum CXVisitorResult field_visit(CXCursor c, CXClientData data)
{
	struct layout_ctx *x = data;
	struct unit *u = x->u;
	struct layout *l = x->l;
	const char *name = cx_str(u, clang_getCursorSpelling(c));
	CXType decl_t = clang_getCursorType(c);
	CXType t = clang_getCanonicalType(decl_t);
	const char *path;

	if (!*name)
		path = x->prefix;
	else if (*x->prefix)
		path = arena_printf(&u->arena, "%s.%s", x->prefix, name);
	else
		path = name;

	if (t.kind == CXType_Record && x->depth < 4) {
		CXCursor rd = clang_getTypeDeclaration(t);
		bool is_union = clang_getCursorKind(rd) == CXCursor_UnionDecl;

		if (is_union) {
			int leaf = x->union_leaf;

			if (leaf < 0)
				leaf = (int)new_leaf(l, path);
			if (*name)
				add_alias(l, path, (unsigned int)leaf);
			add_fields(u, l, t, path, leaf, x->depth + 1);
			if (x->union_leaf < 0 && l->leaf[leaf] == path) {
				unsigned int i;

				/* name the union leaf after its first member */
				for (i = 0; i < l->nalias; i++) {
					if (l->alias_leaf[i] == (unsigned int)leaf) {
						l->leaf[leaf] = l->alias_path[i];
						break;
					}
				}
			}
			return CXVisit_Continue;
		}
		if (!*name || x->union_leaf >= 0 || decl_t.kind != CXType_Typedef) {
			if (*name && x->union_leaf >= 0)
				add_alias(l, path, (unsigned int)x->union_leaf);
			add_fields(u, l, t, path, x->union_leaf, x->depth + 1);
			return CXVisit_Continue;
		}
	}
	if (x->union_leaf >= 0)
		add_alias(l, path, (unsigned int)x->union_leaf);
	else
		add_alias(l, path, new_leaf(l, path));
	return CXVisit_Continue;
}

static void add_fields(struct unit *u, struct layout *l, CXType t, const char *prefix,
		       int union_leaf, int depth)
{
	struct layout_ctx x = { u, l, prefix, union_leaf, depth };

	clang_Type_visitFields(t, field_visit, &x);
}

const struct layout *layout_for(struct unit *u, CXType record)
{
	const char *name = record_name(u, record);
	struct layout *l;
	unsigned int i;

	if (!name || !*name)
		return NULL;
	for (i = 0; i < u->nlayouts; i++)
		if (!strcmp(u->layouts[i]->record, name))
			return u->layouts[i];
	if (u->nlayouts >= ARRAY_SIZE(u->layouts))
		return NULL;
	l = arena_alloc(&u->arena, sizeof(*l));
	l->record = name;
	add_fields(u, l, clang_getCanonicalType(record), "", -1, 0);
	if (!l->nleaves)
		return NULL;
	u->layouts[u->nlayouts++] = l;
	return l;
}

uint64_t layout_mask(const struct layout *l, const char *path)
{
	size_t plen = strlen(path);
	uint64_t m = 0;
	unsigned int i;

	if (!plen)
		return layout_all(l);
	for (i = 0; i < l->nalias; i++) {
		const char *a = l->alias_path[i];
		size_t alen = strlen(a);

		if (!strcmp(a, path) ||
		    (alen > plen && !strncmp(a, path, plen) && a[plen] == '.') ||
		    (plen > alen && !strncmp(path, a, alen) && path[alen] == '.'))
			m |= 1ULL << l->alias_leaf[i];
	}
	return m;
}

void layout_names(const struct layout *l, uint64_t mask, struct sbuf *b)
{
	unsigned int i;
	bool first = true;

	for (i = 0; i < l->nleaves; i++) {
		if (!(mask & (1ULL << i)))
			continue;
		if (!first)
			sbuf_add(b, ", ");
		sbuf_add(b, l->leaf[i]);
		first = false;
	}
}

bool is_action_helper(const char *name)
{
	static const char *const names[] = {
		"mmap_action_remap", "mmap_action_remap_full", "mmap_action_ioremap",
		"mmap_action_ioremap_full", "mmap_action_simple_ioremap",
		"mmap_action_map_kernel_pages", "mmap_action_map_kernel_pages_full",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

bool is_remap_helper(const char *name)
{
	return !strcmp(name, "mmap_action_remap") || !strcmp(name, "mmap_action_remap_full") ||
	       !strcmp(name, "mmap_action_ioremap") || !strcmp(name, "mmap_action_ioremap_full");
}
