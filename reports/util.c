// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation, strings, files, and the atomic write of the output.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PROG);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PROG);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

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
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		die("formatting failed");
	if ((size_t)n < sizeof(small)) {
		buf_add(b, small, n);
		return;
	}
	{
		char *big = xmalloc(n + 1);

		va_start(ap, fmt);
		vsnprintf(big, n + 1, fmt, ap);
		va_end(ap);
		buf_add(b, big, n);
		free(big);
	}
}

/* The whole file, NUL-terminated; NULL with errno set when it cannot be read. */
char *read_file(const char *path, size_t *len)
{
	struct buf b = { 0 };
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		free(b.s);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(f);
	if (!b.s)
		b.s = xstrdup("");
	if (len)
		*len = b.len;
	return b.s;
}

/*
 * Write the output to stdout, or to PATH through a temporary file beside it and a rename,
 * so that a reader never sees half a report and a failure leaves the old file alone.
 */
void write_output(const char *path, const char *data, size_t len)
{
	char *dup, *dir, *tmp;
	size_t off = 0;
	mode_t um;
	int fd;

	if (!path || !strcmp(path, "-")) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout))
			die("cannot write the output: %s", strerror(errno));
		return;
	}
	dup = xstrdup(path);
	dir = dirname(dup);
	tmp = xmalloc(strlen(dir) + 32);
	sprintf(tmp, "%s/.mmprep-report.XXXXXX", dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		die("cannot write %s: %s", path, strerror(errno));
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += w;
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um))
		goto fail;
	if (close(fd))
		goto fail_closed;
	if (rename(tmp, path))
		goto fail_closed;
	free(tmp);
	free(dup);
	return;
fail:
	close(fd);
fail_closed:
	{
		int e = errno;

		unlink(tmp);
		die("cannot write %s: %s", path, strerror(e));
	}
}

/* jansson wants UTF-8: bytes of a path or a name that are not valid become '?'. */
json_t *jstr(const char *s)
{
	json_t *j = json_string(s);
	char *copy, *p;

	if (j)
		return j;
	copy = xstrdup(s);
	for (p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	j = json_string(copy);
	free(copy);
	return j ? j : json_string("?");
}

json_t *jstr_or_null(const char *s)
{
	return s ? jstr(s) : json_null();
}

const char *jget_str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

long long jget_int(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? json_integer_value(v) : 0;
}

int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return !a - !b;
	return strcmp(a, b);
}

/* Sort a JSON array in place with a comparator over its elements (json_t **). */
void json_array_sort(json_t *arr, int (*cmp)(const void *, const void *))
{
	size_t n = json_array_size(arr), i;
	json_t **v = xcalloc(n, sizeof(*v));

	for (i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(arr, i));
	qsort(v, n, sizeof(*v), cmp);
	json_array_clear(arr);
	for (i = 0; i < n; i++)
		json_array_append_new(arr, v[i]);
	free(v);
}
