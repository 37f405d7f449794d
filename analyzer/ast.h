/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A light copy of the main file's AST (function bodies and file-scope initialisers), the
 * functions of the translation unit, their roles (mmap_prepare hook, .mmap hook) and the
 * same-TU call graph. Built once per file; every check reads it.
 */
#ifndef AST_H
#define AST_H

#include <clang-c/Index.h>

#include "mmprep.h"

struct func;

struct node {
	CXCursor cur;
	enum CXCursorKind kind;
	struct node *parent;
	struct node **kids;
	unsigned int nkids;
	unsigned int line;		/* expansion location: macros cannot hide a node */
	unsigned int col;
	struct func *func;		/* enclosing function; NULL at file scope */
	const char *name;		/* cached spelling (node_name) */
};

#define MAX_LEAVES 64
#define MAX_ALIASES 256

/* The fields of a record flattened into leaves (a union is one leaf). */
struct layout {
	const char *record;
	unsigned int nleaves;
	const char *leaf[MAX_LEAVES];
	unsigned int nalias;
	const char *alias_path[MAX_ALIASES];
	unsigned int alias_leaf[MAX_ALIASES];
};

/* What a function does to the object a pointer parameter points to. */
struct summary {
	bool valid;			/* the parameter points to a tracked record */
	const struct layout *lay;
	uint64_t must;			/* leaves written on every path */
	uint64_t needs;			/* leaves read or passed on before being written */
	bool escapes;			/* the pointer is passed on or stored */
	const char *via;		/* what it escapes to, or which field it reads */
};

enum hook_role {
	ROLE_NONE = 0,
	ROLE_PREPARE = 1,		/* an mmap_prepare hook (or driver-private prepare hook) */
	ROLE_MMAP = 2,			/* an f_op->mmap hook */
};

struct func {
	CXCursor cur;			/* the definition */
	const char *name;
	struct node *tree;		/* FunctionDecl node */
	bool in_main;
	unsigned int line, col;
	unsigned int roles;
	const char *why_prepare;	/* how the prepare role was found */
	bool in_prepare;		/* reachable from a prepare hook */
	struct func *prepare_root;
	bool in_mmap;			/* reachable from an .mmap hook */
	bool takes_desc, takes_vma;
	struct func **callees;
	unsigned int ncallees, capcallees;
	unsigned int nparams;
	struct summary *sums;
	int sum_state;			/* 0 not computed, 1 computing, 2 done */
	struct func *hnext;
};

#define FUNC_HASH 256

struct unit {
	struct arena arena;
	CXTranslationUnit tu;
	CXFile main_file;
	const char *file;		/* name used in reports */
	const struct options *opts;
	int api;
	bool shims;			/* parsed with the shim headers */
	struct func **funcs;		/* main-file definitions in source order */
	unsigned int nfuncs, capfuncs;
	struct node **globals;		/* main-file file-scope variables with initialisers */
	unsigned int nglobals, capglobals;
	struct func *fhash[FUNC_HASH];
	struct layout *layouts[16];
	unsigned int nlayouts;
	struct records *out;
	const char *tree_path;		/* unit_tree_path(), once computed */
};

void unit_build(struct unit *u);
struct node *build_tree(struct unit *u, CXCursor c, struct node *parent, struct func *f);

/* Cursors and nodes */
const char *cx_str(struct unit *u, CXString s);
const char *node_name(struct unit *u, struct node *n);
bool node_is_expr(const struct node *n);
struct node *last_expr_kid(struct node *n);
struct node *strip(struct node *n);		/* parens and implicit casts */
struct node *strip_casts(struct node *n);	/* also explicit casts and & */
CXType node_type(const struct node *n);
bool loc_in_main(struct unit *u, CXSourceLocation loc, unsigned int *line, unsigned int *col);
const char *unit_tree_path(struct unit *u);
bool unit_in_tree_dir(struct unit *u, const char *prefix);
struct func *func_at_line(struct unit *u, unsigned int line);

/* Types */
const char *record_name(struct unit *u, CXType t);
bool type_is_record(struct unit *u, CXType t, const char *name);
bool type_ptr_to(struct unit *u, CXType t, const char *name);
bool type_mentions(struct unit *u, CXType t, const char *name);
bool types_same(struct unit *u, CXType a, CXType b);

/* Expressions */
bool is_assign(struct unit *u, struct node *n);
enum unop {
	UNOP_ADDR,
	UNOP_DEREF,
	UNOP_INCDEC,
	UNOP_OTHER,
};
enum unop unop_kind(struct unit *u, struct node *n);
const char *binop_spelling(struct unit *u, struct node *n);
bool eval_int(struct node *n, long long *val);
const char *member_record(struct unit *u, struct node *n);
struct node *call_callee(struct node *call);
CXCursor call_target(struct node *call);
const char *call_name(struct unit *u, struct node *call);
struct func *call_func(struct unit *u, struct node *call);
struct func *func_for_decl(struct unit *u, CXCursor decl);
struct func *func_of_expr(struct unit *u, struct node *e);
const char *expr_text(struct unit *u, struct node *n);

/* Layouts */
const struct layout *layout_for(struct unit *u, CXType record);
uint64_t layout_mask(const struct layout *l, const char *path);
void layout_names(const struct layout *l, uint64_t mask, struct sbuf *b);
static inline uint64_t layout_all(const struct layout *l)
{
	return l->nleaves >= 64 ? ~0ULL : (1ULL << l->nleaves) - 1;
}

/* Summaries (flow.c) */
const struct summary *func_summary(struct unit *u, struct func *f, unsigned int param);

/* Names of the API the checks recognise */
bool is_action_helper(const char *name);
bool is_remap_helper(const char *name);

#endif
