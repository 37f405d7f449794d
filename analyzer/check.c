// SPDX-License-Identifier: GPL-2.0
/*
 * Check registry, hook dispatch and the report() helpers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

const struct check_info check_table[NR_CHECKS] = {
#define CHECK(ident, name, rule, desc) { name, check_##ident, rule, desc },
#include "checks.h"
#undef CHECK
};

int check_lookup(const char *name)
{
	int i;

	for (i = 0; i < NR_CHECKS; i++)
		if (!strcmp(check_table[i].name, name))
			return i;
	return -1;
}

struct hook {
	int id;
	union {
		unit_hook_fn unit;
		func_hook_fn func;
		node_hook_fn node;
		diag_hook_fn diag;
	} fn;
};

#define MAX_HOOKS 64

static struct hook unit_hooks[MAX_HOOKS], func_hooks[MAX_HOOKS];
static struct hook node_hooks[MAX_HOOKS], diag_hooks[MAX_HOOKS];
static int nr_unit_hooks, nr_func_hooks, nr_node_hooks, nr_diag_hooks;

static struct hook *new_hook(struct hook *v, int *n, int id)
{
	if (*n >= MAX_HOOKS)
		die("too many hooks");
	v[*n].id = id;
	return &v[(*n)++];
}

void add_unit_hook(int id, unit_hook_fn fn)
{
	new_hook(unit_hooks, &nr_unit_hooks, id)->fn.unit = fn;
}

void add_func_hook(int id, func_hook_fn fn)
{
	new_hook(func_hooks, &nr_func_hooks, id)->fn.func = fn;
}

void add_node_hook(int id, node_hook_fn fn)
{
	new_hook(node_hooks, &nr_node_hooks, id)->fn.node = fn;
}

void add_diag_hook(int id, diag_hook_fn fn)
{
	new_hook(diag_hooks, &nr_diag_hooks, id)->fn.diag = fn;
}

void register_checks(const struct options *opts)
{
	int i;

	nr_unit_hooks = nr_func_hooks = nr_node_hooks = nr_diag_hooks = 0;
	for (i = 0; i < NR_CHECKS; i++)
		if (opts->enabled[i])
			check_table[i].init(i);
}

bool run_diag_hooks(struct unit *u, const struct diag *d)
{
	int i;

	for (i = 0; i < nr_diag_hooks; i++)
		if (diag_hooks[i].fn.diag(u, d))
			return true;
	return false;
}

static void walk_nodes(struct unit *u, struct node *n)
{
	unsigned int i;
	int h;

	for (h = 0; h < nr_node_hooks; h++)
		node_hooks[h].fn.node(u, n);
	for (i = 0; i < n->nkids; i++)
		walk_nodes(u, n->kids[i]);
}

void run_checks(struct unit *u)
{
	unsigned int i;
	int h;

	for (i = 0; i < u->nglobals; i++)
		walk_nodes(u, u->globals[i]);
	for (i = 0; i < u->nfuncs; i++) {
		struct func *f = u->funcs[i];

		for (h = 0; h < nr_func_hooks; h++)
			func_hooks[h].fn.func(u, f);
		if (nr_node_hooks)
			walk_nodes(u, f->tree);
	}
	for (h = 0; h < nr_unit_hooks; h++)
		unit_hooks[h].fn.unit(u);
}

static const char *hook_of(const struct func *f)
{
	if (!f)
		return NULL;
	if (f->in_prepare)
		return "mmap_prepare";
	if (f->in_mmap)
		return "mmap";
	return NULL;
}

static void vreport(struct unit *u, int id, enum severity sev, unsigned int line,
		    unsigned int col, const char *function, const struct func *f, const char *fmt,
		    va_list ap)
{
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	records_add(u->out, REC_FINDING, u->file, line, col, check_table[id].name, function, msg);
	records_set_hook(u->out, hook_of(f));
	u->out->v[u->out->n - 1].severity = sev;
	free(msg);
}

/* The function a node is in or, at file scope, the variable whose initializer holds it. */
static const char *scope_name(struct unit *u, const struct node *at)
{
	const struct node *root = at;

	if (at->func)
		return at->func->name;
	while (root->parent)
		root = root->parent;
	if (root->kind == CXCursor_VarDecl)
		return node_name(u, (struct node *)root);
	return NULL;
}

void report(struct unit *u, int id, const struct node *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(u, id, SEV_WARNING, at->line, at->col, scope_name(u, at), at->func, fmt, ap);
	va_end(ap);
}

void report_sev(struct unit *u, int id, enum severity sev, const struct node *at,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(u, id, sev, at->line, at->col, scope_name(u, at), at->func, fmt, ap);
	va_end(ap);
}

void report_at(struct unit *u, int id, unsigned int line, unsigned int col,
	       const struct func *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(u, id, SEV_WARNING, line, col, f ? f->name : NULL, f, fmt, ap);
	va_end(ap);
}

void report_at_sev(struct unit *u, int id, enum severity sev, unsigned int line,
		   unsigned int col, const struct func *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(u, id, sev, line, col, f ? f->name : NULL, f, fmt, ap);
	va_end(ap);
}
