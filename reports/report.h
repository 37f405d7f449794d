/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep-report-gen: the C half of scripts/mmprep-report.
 *
 *   scan    read C files, print JSON records of mmap-style ops bindings and of the
 *           functions that take a VMA or a descriptor (scan.c)
 *   render  read the records of the converter, the analyzer and the scan, group them by
 *           MAINTAINERS entry and directory (maintainers.c, model.c) and write HTML,
 *           Markdown, JSON or CSV (html.c, text.c)
 */
#ifndef MMPREP_REPORT_H
#define MMPREP_REPORT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#define PROG "mmprep-report-gen"

#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))

/* The schema name in every JSON report; bump it when a key changes meaning. */
#define REPORT_SCHEMA "mmprep-report/1"

/* ../analyzer/lib: allocation, strings (struct sbuf), read_file(), JSON helpers */
#include "lib/util.h"

/* output.c: stdout, or PATH replaced atomically */
void write_output(const char *path, const char *data, size_t len);

/* scan.c */
int scan_file(const char *path, FILE *out);

/* maintainers.c */
struct section {
	char *title;
	char *status;		/* S:, or NULL */
	char **lists;		/* L: */
	size_t nlists;
	char **maintainers;	/* M: */
	size_t nmaintainers;
	size_t order;		/* position in the file, for the tie-break */
};

struct maintainers;

struct maintainers *maintainers_load(const char *path);
void maintainers_free(struct maintainers *m);
/* The most specific section for a path relative to the tree, or NULL. */
const struct section *maintainers_match(struct maintainers *m, const char *path);

/* model.c: the report as a JSON object (the --format=json output, schema in README). */
enum category {
	CAT_CONVERTED,		/* already .mmap_prepare */
	CAT_AUTOMATIC,		/* the converter converts it (rules) */
	CAT_MAPPED,		/* needs vm_ops->mapped */
	CAT_MANUAL,		/* needs a human (reason) */
	CAT_ERROR,		/* a tool failed on it */
	CAT_OTHER,		/* another mmap-style hook type, listed by type */
	NR_CATEGORIES
};

/* The categories a file_operations hook falls in (everything but CAT_OTHER). */
#define NR_FOP_CATEGORIES CAT_OTHER

extern const char *const category_names[NR_CATEGORIES];
extern const char *const category_titles[NR_CATEGORIES];

struct model_opts {
	const char *tree;
	const char *api;
	json_t *meta;		/* "tools" and "paths" from the command line */
};

json_t *model_build(const struct model_opts *o, char **inputs, size_t ninputs);
void model_compare(json_t *model, json_t *old);
int category_index(const char *name);

/* Output. */
struct render_opts {
	const char *link_base;	/* URL prefix or template with %f and %l */
	const char *title;
	size_t md_limit;	/* subsystems listed in Markdown */
};

void render_json(const json_t *model, struct sbuf *out);
void render_md(const json_t *model, const struct render_opts *o, struct sbuf *out);
void render_csv(const json_t *model, struct sbuf *out);
void render_html(const json_t *model, const struct render_opts *o, struct sbuf *out);

/* Shared by the renderers. */
const char *subsystem_label(const json_t *sub);
size_t sorted_subsystems(const json_t *model, const json_t ***out);

#endif
