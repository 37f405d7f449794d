/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The check registry: each check_<name>.c has one entry point that registers hooks.
 */
#ifndef CHECK_H
#define CHECK_H

#include "ast.h"

enum check_id {
#define CHECK(ident, name, rule, desc) CHECK_ID_##ident,
#include "checks.h"
#undef CHECK
	NR_CHECKS
};

/* Prototypes of the check entry points. */
#define CHECK(ident, name, rule, desc) void check_##ident(int id);
#include "checks.h"
#undef CHECK

struct check_info {
	const char *name;
	void (*init)(int id);
	const char *rule;
	const char *desc;
};

extern const struct check_info check_table[NR_CHECKS];

int check_lookup(const char *name);

/* A diagnostic of the main file, offered to checks before it counts as a parse problem. */
struct diag {
	const char *message;
	const char *category;
	unsigned int line;
	unsigned int col;
	struct func *func;
};

typedef void (*unit_hook_fn)(struct unit *u);
typedef void (*func_hook_fn)(struct unit *u, struct func *f);
typedef void (*node_hook_fn)(struct unit *u, struct node *n);
typedef bool (*diag_hook_fn)(struct unit *u, const struct diag *d);

void add_func_hook(int id, func_hook_fn fn);
void add_node_hook(int id, node_hook_fn fn);
void add_unit_hook(int id, unit_hook_fn fn);
void add_diag_hook(int id, diag_hook_fn fn);

void register_checks(const struct options *opts);
bool run_diag_hooks(struct unit *u, const struct diag *d);
void run_checks(struct unit *u);

/* Findings. report() and report_at() are warnings; the _sev forms take the severity. */
void report(struct unit *u, int id, const struct node *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void report_at(struct unit *u, int id, unsigned int line, unsigned int col,
	       const struct func *f, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void report_sev(struct unit *u, int id, enum severity sev, const struct node *at,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void report_at_sev(struct unit *u, int id, enum severity sev, unsigned int line,
		   unsigned int col, const struct func *f, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/*
 * The severity of a use of an API name that the level `removed` (e.g. 702 for success_hook)
 * takes away: a note while --api is below that level (the code is valid there; the message
 * names the level), a warning from that level on.
 */
static inline enum severity api_severity(const struct unit *u, int removed)
{
	return u->api < removed ? SEV_NOTE : SEV_WARNING;
}

#endif
