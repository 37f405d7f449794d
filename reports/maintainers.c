// SPDX-License-Identifier: GPL-2.0
/*
 * The tree's own MAINTAINERS file: sections, their F:/X:/N: patterns, and the most
 * specific section for a path, after scripts/get_maintainer.pl.
 *
 * A section starts with a title line in column 0 and holds the "T:\tvalue" lines that
 * follow it. Matching, for a path relative to the top of the tree:
 *
 *   F: PAT/   the directory PAT (a glob) and everything below it;
 *   F: PAT    the path itself as a glob, '*' and '?' not crossing '/'; a PAT with no
 *             glob character that is a directory of the path stands for "PAT/";
 *   X: PAT    the same matching, and a match removes the whole section;
 *   N: RE     an extended POSIX regular expression anywhere in the path (whitespace
 *             dropped, as Perl's /x does; (?: becomes a plain group).
 *
 * Specificity, as get_maintainer.pl orders sections: an F: pattern weighs its number of
 * '/' (one more when it does not end in '/'), a pattern starting with '*' (THE REST)
 * weighs -1, an N: match weighs 0. Ties go to the pattern with more literal characters,
 * then to the section that comes first in the file.
 */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

struct pattern {
	char type;		/* 'F', 'X' or 'N' */
	char *text;		/* without the trailing '/' of a directory pattern */
	bool dir;		/* ended with '/' */
	bool glob;		/* contains '*', '?' or '[' */
	size_t prefix;		/* length of the literal head */
	int depth;
	size_t literal;		/* characters that are not wildcards */
	regex_t re;
	bool re_ok;
};

struct entry {
	struct section sec;
	struct pattern *pats;
	size_t npats, cap;
};

struct maintainers {
	struct entry *v;
	size_t n, cap;
	size_t bad_regex;
};

static void add_str(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

/* Perl to POSIX, for the constructs MAINTAINERS uses: /x whitespace, (?:...). */
static char *posix_regex(const char *re)
{
	struct sbuf b = { 0 };

	for (const char *p = re; *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if (p[0] == '(' && p[1] == '?' && p[2] == ':') {
			sbuf_add(&b, "(");
			p += 2;
			continue;
		}
		sbuf_addn(&b, p, 1);
	}
	if (!b.s)
		b.s = xstrdup("");
	return b.s;
}

static void add_pattern(struct maintainers *m, struct entry *e, char type, const char *value)
{
	struct pattern *p;
	size_t len = strlen(value);

	if (!len)
		return;
	if (e->npats == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 4;
		e->pats = xrealloc(e->pats, e->cap * sizeof(*e->pats));
	}
	p = &e->pats[e->npats];
	memset(p, 0, sizeof(*p));
	p->type = type;
	if (type == 'N') {
		char *re = posix_regex(value);

		p->text = xstrdup(value);
		p->literal = strlen(re);
		p->re_ok = !regcomp(&p->re, re, REG_EXTENDED | REG_NOSUB);
		if (!p->re_ok)
			m->bad_regex++;
		free(re);
		e->npats++;
		return;
	}
	p->dir = value[len - 1] == '/';
	while (len > 1 && value[len - 1] == '/')
		len--;
	p->text = xstrndup(value, len);
	p->prefix = strcspn(p->text, "*?[");
	p->glob = p->text[p->prefix] != '\0';
	for (const char *c = value; *c; c++) {
		if (*c == '/')
			p->depth++;
		if (!strchr("*?[]", *c))
			p->literal++;
	}
	if (!p->dir)
		p->depth++;
	if (value[0] == '*')
		p->depth = -1;
	e->npats++;
}

struct maintainers *maintainers_load(const char *path)
{
	struct maintainers *m = xcalloc(1, sizeof(*m));
	struct entry *cur = NULL;
	bool after_blank = true;
	size_t len;
	char *text = read_file(path, &len), *line, *next;

	if (!text)
		die("cannot read %s: %s", path, strerror(errno));
	for (line = text; line && *line; line = next) {
		char *end = strchr(line, '\n');

		next = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		if (end && end > line && end[-1] == '\r')
			end[-1] = '\0';
		if (line[0] >= 'A' && line[0] <= 'Z' && line[1] == ':') {
			char *v = line + 2;
			size_t vl;

			after_blank = false;
			if (!cur)
				continue;
			v += strspn(v, " \t");
			vl = strlen(v);
			while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				v[--vl] = '\0';
			switch (line[0]) {
			case 'F':
			case 'X':
			case 'N':
				add_pattern(m, cur, line[0], v);
				break;
			case 'S':
				free(cur->sec.status);
				cur->sec.status = xstrdup(v);
				break;
			case 'L':
				add_str(&cur->sec.lists, &cur->sec.nlists, v);
				break;
			case 'M':
				add_str(&cur->sec.maintainers, &cur->sec.nmaintainers, v);
				break;
			}
			continue;
		}
		if (line[strspn(line, " \t")] == '\0') {
			after_blank = true;
			continue;
		}
		if (line[0] == ' ' || line[0] == '\t' || !after_blank)
			continue;
		/* a title line */
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 256;
			m->v = xrealloc(m->v, m->cap * sizeof(*m->v));
		}
		cur = &m->v[m->n];
		memset(cur, 0, sizeof(*cur));
		cur->sec.title = xstrdup(line);
		cur->sec.order = m->n++;
		after_blank = false;
	}
	free(text);
	if (m->bad_regex)
		warn("%s: %zu N: pattern(s) are not POSIX regular expressions and are ignored",
		     path, m->bad_regex);
	return m;
}

void maintainers_free(struct maintainers *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		struct entry *e = &m->v[i];

		for (size_t j = 0; j < e->npats; j++) {
			if (e->pats[j].re_ok)
				regfree(&e->pats[j].re);
			free(e->pats[j].text);
		}
		free(e->pats);
		for (size_t j = 0; j < e->sec.nlists; j++)
			free(e->sec.lists[j]);
		for (size_t j = 0; j < e->sec.nmaintainers; j++)
			free(e->sec.maintainers[j]);
		free(e->sec.lists);
		free(e->sec.maintainers);
		free(e->sec.title);
		free(e->sec.status);
	}
	free(m->v);
	free(m);
}

static bool file_match(const struct pattern *p, const char *path)
{
	if (strncmp(path, p->text, p->prefix))
		return false;
	if (p->dir || !p->glob) {
		/* a directory of the path */
		char *copy = xstrdup(path);
		bool hit = false;

		for (char *s = strchr(copy, '/'); s && !hit; s = strchr(s + 1, '/')) {
			*s = '\0';
			hit = !fnmatch(p->text, copy, FNM_PATHNAME);
			*s = '/';
		}
		free(copy);
		if (hit)
			return true;
		if (p->dir)
			return false;
	}
	return !fnmatch(p->text, path, FNM_PATHNAME);
}

/* The specificity of the section's best pattern for the path, or INT_MIN. */
static long long entry_weight(const struct entry *e, const char *path)
{
	long long best = LLONG_MIN;

	for (size_t i = 0; i < e->npats; i++)
		if (e->pats[i].type == 'X' && file_match(&e->pats[i], path))
			return LLONG_MIN;
	for (size_t i = 0; i < e->npats; i++) {
		const struct pattern *p = &e->pats[i];
		long long w;

		if (p->type == 'F' && file_match(p, path))
			w = p->depth;
		else if (p->type == 'N' && p->re_ok && !regexec(&p->re, path, 0, NULL, 0))
			w = 0;
		else
			continue;
		/* depth first, literal characters second */
		w = w * 100000 + (long long)(p->literal < 99999 ? p->literal : 99999);
		if (w > best)
			best = w;
	}
	return best;
}

const struct section *maintainers_match(struct maintainers *m, const char *path)
{
	const struct section *best = NULL;
	long long bw = LLONG_MIN;

	if (!m)
		return NULL;
	for (size_t i = 0; i < m->n; i++) {
		long long w = entry_weight(&m->v[i], path);

		if (w > bw) {
			bw = w;
			best = &m->v[i].sec;
		}
	}
	return best;
}
