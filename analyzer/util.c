// SPDX-License-Identifier: GPL-2.0
/*
 * Small utilities: checked allocation, string vectors, arenas, records.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmprep.h"

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, TOOL_NAME ": error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		die("out of memory");
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void strv_push_own(struct strv *sv, char *s)
{
	if (sv->n + 1 >= sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void strv_push(struct strv *sv, const char *s)
{
	strv_push_own(sv, xstrdup(s));
}

void strv_free(struct strv *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	max_align_t data[];
};

#define ARENA_BLOCK (64 * 1024)

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t align = sizeof(max_align_t);

	n = (n + align - 1) & ~(align - 1);
	if (!b || b->used + n > b->size) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	b->used += n;
	return memset((char *)b->data + b->used - n, 0, n);
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;

	return memcpy(arena_alloc(a, n), s ? s : "", n);
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *tmp, *s;

	va_start(ap, fmt);
	tmp = xvasprintf(fmt, ap);
	va_end(ap);
	s = arena_strdup(a, tmp);
	free(tmp);
	return s;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

void sbuf_add(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

void sbuf_addc(struct sbuf *b, char c)
{
	char s[2] = { c, 0 };

	sbuf_add(b, s);
}

void sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	sbuf_add(b, s);
	free(s);
}

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
}

/* The hook context of the record added last. */
void records_set_hook(struct records *rs, const char *hook)
{
	if (!rs->n)
		return;
	free(rs->v[rs->n - 1].hook);
	rs->v[rs->n - 1].hook = hook ? xstrdup(hook) : NULL;
}

void records_free(struct records *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].file);
		free(rs->v[i].check);
		free(rs->v[i].function);
		free(rs->v[i].message);
		free(rs->v[i].hook);
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

static int strcmp_null(const char *a, const char *b)
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
	c = strcmp_null(a->check, b->check);
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
			free(rs->v[i].file);
			free(rs->v[i].check);
			free(rs->v[i].function);
			free(rs->v[i].message);
			free(rs->v[i].hook);
			continue;
		}
		rs->v[j++] = rs->v[i];
	}
	rs->n = j;
}
