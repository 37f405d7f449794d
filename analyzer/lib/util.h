/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The small C library of mmprep-check and mmprep-report-gen: checked allocation, strings
 * (vectors, buffers, an arena), whole-file reading and the JSON helpers both tools need.
 *
 * Each program's Makefile names it for die() and warn():
 *   -DUTIL_DIE_PREFIX='"prog: error: "' -DUTIL_WARN_PREFIX='"prog: warning: "'
 */
#ifndef MMPREP_LIB_UTIL_H
#define MMPREP_LIB_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Messages on stderr; die() exits 2 (an input or usage error for every mmprep tool). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation that never returns NULL (out of memory dies); xstrdup(NULL) is "". */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A NULL-terminated vector of owned strings. */
struct strv {
	char **v;
	size_t n;
	size_t cap;
};

void strv_push(struct strv *sv, const char *s);
void strv_push_own(struct strv *sv, char *s);
void strv_free(struct strv *sv);

/* A growable text buffer: s is NULL until something is added, then always NUL-terminated. */
struct sbuf {
	char *s;
	size_t len;
	size_t cap;
};

void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A bump allocator: what one unit of work allocates is freed at once. */
struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);

/* The whole file, NUL-terminated (len may be NULL); NULL with errno set if unreadable. */
char *read_file(const char *path, size_t *len);

/*
 * The first of dir/rel[i] that exists, dir being the folder of the running executable:
 * a folder when want_dir, else an executable file. NULL when none does.
 */
char *beside_exe(const char *const *rel, size_t n, bool want_dir);

/* strcmp() where NULL sorts before every string. */
int strcmp_null(const char *a, const char *b);

/* JSON (jansson): strings that are not UTF-8 get '?' for their other bytes. */
json_t *jstr(const char *s);
json_t *jstr_or_null(const char *s);
const char *jget_str(const json_t *o, const char *key);
long long jget_int(const json_t *o, const char *key);
/* Sort a JSON array in place; cmp compares two json_t ** */
void json_array_sort(json_t *arr, int (*cmp)(const void *, const void *));

#endif
