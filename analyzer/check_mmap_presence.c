// SPDX-License-Identifier: GPL-2.0
/*
 * mmap-presence (R19): whether a file can be mapped is can_mmap_file(file), never a test
 * of f_op->mmap: a file whose driver moved to mmap_prepare has no .mmap, so
 * "if (!file->f_op->mmap) return -ENODEV;" rejects it. 6.17 replaced every such test in the
 * core (ELF loaders, mm/mmap.c, mm/nommu.c, backing-file, coda, ecryptfs).
 *
 * Reported: a read of the mmap member of a struct file_operations (file->f_op->mmap, a
 * local fop = file->f_op; fop->mmap, ...) used as a truth value: the condition of an if,
 * while, do or ?:, an operand of !, && or ||, a comparison with NULL, a conversion to bool.
 * Not reported: calling the hook (dispatch), any other use of the value, functions that also
 * read ->mmap_prepare (they handle both, as can_mmap_file() does), and headers whose
 * struct file_operations has no mmap_prepare (6.15 and older, without a backport).
 */
#include "check_util.h"

static int my_id;

/* A member expression naming field `name` of struct file_operations. */
static bool is_fops_member(struct unit *u, struct node *n, const char *name)
{
	const char *rec;

	if (n->kind != CXCursor_MemberRefExpr || strcmp(node_name(u, n), name))
		return false;
	rec = member_record(u, n);
	return rec && !strcmp(rec, "file_operations");
}

/* The headers' struct file_operations has an mmap_prepare member. */
static bool fops_have_prepare(struct node *member)
{
	CXCursor field = clang_getCursorReferenced(member->cur);
	CXType rec = clang_getCursorType(clang_getCursorSemanticParent(field));

	return clang_Type_getOffsetOf(rec, "mmap_prepare") >= 0;
}

static bool uses_fops_member(struct unit *u, struct node *n, const char *name)
{
	unsigned int i;

	if (is_fops_member(u, n, name))
		return true;
	for (i = 0; i < n->nkids; i++)
		if (uses_fops_member(u, n->kids[i], name))
			return true;
	return false;
}

/* A call through the mmap member: file->f_op->mmap(file, vma), (*fop->mmap)(...). */
static bool calls_mmap(struct unit *u, struct node *n)
{
	unsigned int i;

	if (n->kind == CXCursor_CallExpr && n->nkids) {
		struct node *c = strip(n->kids[0]);

		if (c->kind == CXCursor_UnaryOperator && unop_kind(u, c) == UNOP_DEREF)
			c = strip(c->kids[0]);
		if (is_fops_member(u, c, "mmap"))
			return true;
	}
	for (i = 0; i < n->nkids; i++)
		if (calls_mmap(u, n->kids[i]))
			return true;
	return false;
}

/* Is the value of n (an rvalue of pointer type) used as a truth value? */
static bool truth_use(struct unit *u, struct node *n)
{
	struct node *c = n, *p = n->parent;
	const char *op;

	while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_CStyleCastExpr ||
		     (p->kind == CXCursor_UnexposedExpr && p->nkids == 1))) {
		if (clang_getCanonicalType(node_type(p)).kind == CXType_Bool)
			return true;
		c = p;
		p = p->parent;
	}
	if (!p)
		return false;
	switch (p->kind) {
	case CXCursor_IfStmt:
	case CXCursor_WhileStmt:
	case CXCursor_ConditionalOperator:
		return p->nkids && p->kids[0] == c;
	case CXCursor_DoStmt:
		return p->nkids == 2 && p->kids[1] == c;
	case CXCursor_UnaryOperator:
		/* !: the one operator on a pointer besides &, * and ++/-- */
		return unop_kind(u, p) == UNOP_OTHER;
	case CXCursor_BinaryOperator:
		op = binop_spelling(u, p);
		if (!op || p->nkids != 2)
			return false;
		if (!strcmp(op, "&&") || !strcmp(op, "||"))
			return true;
		if (!strcmp(op, "==") || !strcmp(op, "!="))
			return is_null_value(p->kids[p->kids[0] == c ? 1 : 0]);
		return false;
	default:
		return false;
	}
}

/* The initializer of the local variable a DeclRefExpr names, looked up in f's tree. */
static struct node *local_init(struct node *n, CXCursor var)
{
	unsigned int i;

	if (n->kind == CXCursor_VarDecl && clang_equalCursors(n->cur, var))
		return last_expr_kid(n);
	for (i = 0; i < n->nkids; i++) {
		struct node *r = local_init(n->kids[i], var);

		if (r)
			return r;
	}
	return NULL;
}

/* The file whose f_op is tested: "bprm->file" for bprm->file->f_op->mmap, or NULL. */
static const char *file_expr(struct unit *u, struct func *f, struct node *member)
{
	struct node *base = member->nkids ? strip_casts(member->kids[0]) : NULL;
	int depth;

	for (depth = 0; base && depth < 4; depth++) {
		if (base->kind == CXCursor_MemberRefExpr && base->nkids &&
		    !strcmp(node_name(u, base), "f_op"))
			return expr_text(u, base->kids[0]);
		if (base->kind != CXCursor_DeclRefExpr)
			return NULL;
		/* const struct file_operations *fop = file->f_op; */
		base = local_init(f->tree, clang_getCursorReferenced(base->cur));
		base = base ? strip_casts(base) : NULL;
	}
	return NULL;
}

static void presence_walk(struct unit *u, struct func *f, struct node *n, bool dispatches)
{
	unsigned int i;

	if (is_fops_member(u, n, "mmap") && fops_have_prepare(n) && truth_use(u, n)) {
		const char *file = file_expr(u, f, n);

		report(u, my_id, n, "%s(): tests %s to decide whether the file can be mapped; a "
		       "file whose driver moved to .mmap_prepare has no .mmap and is refused: %s%s",
		       f->name, expr_text(u, n),
		       file ? arena_printf(&u->arena, "use can_mmap_file(%s)", file) :
		       "test ->mmap_prepare as well (can_mmap_file() does both for a file)",
		       dispatches ? ", and call the hook through vfs_mmap(), which runs either" :
		       "");
	}
	for (i = 0; i < n->nkids; i++)
		presence_walk(u, f, n->kids[i], dispatches);
}

static void presence_func(struct unit *u, struct func *f)
{
	if (!f->tree || !uses_fops_member(u, f->tree, "mmap"))
		return;
	/* code that looks at both hooks already knows about mmap_prepare */
	if (uses_fops_member(u, f->tree, "mmap_prepare"))
		return;
	presence_walk(u, f, f->tree, calls_mmap(u, f->tree));
}

void check_mmap_presence(int id)
{
	my_id = id;
	add_func_hook(id, presence_func);
}
