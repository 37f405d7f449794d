// SPDX-License-Identifier: GPL-2.0
/*
 * Records: the findings, notes and errors of a run, sorted and deduplicated for output.
 */
#include <stdlib.h>
#include <string.h>

#include "mmprep.h"

void records_add(struct records *rs, enum rec_kind kind, const char *file, unsigned int line,
		 unsigned int col, const char *check, const char *function, const char *message)
{
	struct record *r;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 16;
		rs->v = xrealloc(rs->v, rs->cap * sizeof(*rs->v));
	}
	r = &rs->v[rs->n++];
	r->kind = kind;
	r->severity = SEV_WARNING;
	r->file = xstrdup(file);
	r->line = line;
	r->col = col;
	r->check = check ? xstrdup(check) : NULL;
	r->function = function ? xstrdup(function) : NULL;
	r->message = xstrdup(message);
	r->hook = NULL;
	r->partial = NULL;
}

/* The hook context of the record added last. */
void records_set_hook(struct records *rs, const char *hook)
{
	if (!rs->n)
		return;
	free(rs->v[rs->n - 1].hook);
	rs->v[rs->n - 1].hook = hook ? xstrdup(hook) : NULL;
}

/* Records from index from on belong to a file analysed in part, for the reason why. */
void records_set_partial(struct records *rs, size_t from, const char *why)
{
	size_t i;

	for (i = from; i < rs->n; i++) {
		free(rs->v[i].partial);
		rs->v[i].partial = why ? xstrdup(why) : NULL;
	}
}

static void record_free(struct record *r)
{
	free(r->file);
	free(r->check);
	free(r->function);
	free(r->message);
	free(r->hook);
	free(r->partial);
}

void records_free(struct records *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		record_free(&rs->v[i]);
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

static int strcmp_empty(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int record_cmp(const void *pa, const void *pb)
{
	const struct record *a = pa, *b = pb;
	int c;

	c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	c = strcmp_empty(a->check, b->check);
	if (c)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->message, b->message);
}

/* Sort by (file, line, col, check) and drop exact duplicates. */
void records_sort(struct records *rs)
{
	size_t i, j = 0;

	if (!rs->n)
		return;
	qsort(rs->v, rs->n, sizeof(*rs->v), record_cmp);
	for (i = 0; i < rs->n; i++) {
		if (j && !record_cmp(&rs->v[j - 1], &rs->v[i])) {
			record_free(&rs->v[i]);
			continue;
		}
		rs->v[j++] = rs->v[i];
	}
	rs->n = j;
}
