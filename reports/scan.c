// SPDX-License-Identifier: GPL-2.0
/*
 * The initialiser scan: in one C file, find
 *
 *   - bindings: ".member = ident" inside "struct TYPE name... = { ... }" at file scope,
 *     where the member's name contains "mmap" (nested initialisers and arrays of ops
 *     tables included: the hook type is TYPE followed by the designators, e.g.
 *     "file_operations.mmap", "fb_ops.fb_mmap", "foo_driver.ops.mmap");
 *   - definitions: functions taking a "struct vm_area_struct *" or a
 *     "struct vm_area_desc *", and every function the file's bindings name, with what
 *     they take, so that the report keeps only hooks that really receive a VMA.
 *
 * This is a token scanner, not a parser: comments, strings and preprocessor lines are
 * blanked first, so a binding written inside a macro is not seen, and code in #if 0 is.
 * Each result is one JSON line with "tool": "mmprep-report-scan".
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

enum tok_kind { T_IDENT, T_NUMBER, T_PUNCT };

struct tok {
	enum tok_kind kind;
	const char *s;
	size_t len;
	unsigned int line;
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

struct def {
	const struct tok *name;
	const char *takes;	/* "vma", "desc" or "other" */
	bool is_static;
};

struct scan {
	const char *path;
	struct toks t;
	struct def *defs;
	size_t ndefs, capdefs;
	json_t *bindings;	/* array of binding records */
};

/* Blank comments, string and character literals, then preprocessor lines. */
static void clean(char *s, size_t len)
{
	size_t i = 0;
	bool bol = true;

	while (i < len) {
		char c = s[i];

		if (c == '/' && i + 1 < len && s[i + 1] == '*') {
			s[i++] = ' ';
			s[i++] = ' ';
			while (i < len && !(s[i] == '*' && i + 1 < len && s[i + 1] == '/')) {
				if (s[i] != '\n')
					s[i] = ' ';
				i++;
			}
			if (i < len) {
				s[i++] = ' ';
				s[i++] = ' ';
			}
			continue;
		}
		if (c == '/' && i + 1 < len && s[i + 1] == '/') {
			while (i < len && s[i] != '\n')
				s[i++] = ' ';
			continue;
		}
		if (c == '"' || c == '\'') {
			s[i++] = ' ';
			while (i < len && s[i] != c && s[i] != '\n') {
				/* an escape, or a backslash-newline inside the literal */
				if (s[i] == '\\' && i + 1 < len)
					s[i++] = ' ';
				if (s[i] != '\n')
					s[i] = ' ';
				i++;
			}
			if (i < len && s[i] == c)
				s[i++] = ' ';
			continue;
		}
		i++;
	}

	for (i = 0; i < len; i++) {
		if (s[i] == '\n') {
			bol = true;
			continue;
		}
		if (bol && (s[i] == ' ' || s[i] == '\t'))
			continue;
		if (bol && s[i] == '#') {
			/* the directive and its continuation lines */
			for (;;) {
				bool cont = false;

				while (i < len && s[i] != '\n') {
					if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
						cont = s[i] == '\\';
					s[i++] = ' ';
				}
				if (!cont || i >= len)
					break;
				i++;
			}
			bol = true;
			continue;
		}
		bol = false;
	}
}

static void tok_push(struct toks *t, enum tok_kind kind, const char *s, size_t len,
		     unsigned int line)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = (struct tok){ kind, s, len, line };
}

static bool is_ident_char(int c)
{
	return isalnum(c) || c == '_';
}

static void tokenize(const char *s, size_t len, struct toks *t)
{
	static const char *const two[] = {
		"->", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
		"^=", "&&", "||", "++", "--", "<<", ">>",
	};
	unsigned int line = 1;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t j, k;

		if (c == '\n') {
			line++;
			i++;
			continue;
		}
		if (isspace(c)) {
			i++;
			continue;
		}
		if (isalpha(c) || c == '_') {
			for (j = i; j < len && is_ident_char((unsigned char)s[j]); j++)
				;
			tok_push(t, T_IDENT, s + i, j - i, line);
			i = j;
			continue;
		}
		if (isdigit(c)) {
			for (j = i; j < len && (is_ident_char((unsigned char)s[j]) || s[j] == '.');
			     j++)
				;
			tok_push(t, T_NUMBER, s + i, j - i, line);
			i = j;
			continue;
		}
		if (c == '.' && i + 2 < len && s[i + 1] == '.' && s[i + 2] == '.') {
			tok_push(t, T_PUNCT, s + i, 3, line);
			i += 3;
			continue;
		}
		for (k = 0; k < ARRAY_SIZE(two); k++)
			if (i + 1 < len && s[i] == two[k][0] && s[i + 1] == two[k][1])
				break;
		if (k < ARRAY_SIZE(two)) {
			tok_push(t, T_PUNCT, s + i, 2, line);
			i += 2;
			continue;
		}
		tok_push(t, T_PUNCT, s + i, 1, line);
		i++;
	}
}

static bool is_punct(const struct tok *t, char c)
{
	return t->kind == T_PUNCT && t->len == 1 && t->s[0] == c;
}

static bool is_word(const struct tok *t, const char *w)
{
	return t->kind == T_IDENT && t->len == strlen(w) && !memcmp(t->s, w, t->len);
}

/* The index of the token closing the group opened at i, or n when it is not closed. */
static size_t match_close(const struct toks *t, size_t i, size_t n)
{
	char open = t->v[i].s[0];
	char close = open == '{' ? '}' : open == '(' ? ')' : ']';
	size_t depth = 0;

	for (; i < n; i++) {
		if (is_punct(&t->v[i], open))
			depth++;
		else if (is_punct(&t->v[i], close) && --depth == 0)
			return i;
	}
	return n;
}

static char *tok_str(const struct tok *t)
{
	return xstrndup(t->s, t->len);
}

static bool has_mmap(const struct tok *t)
{
	for (size_t i = 0; i + 4 <= t->len; i++)
		if (!memcmp(t->s + i, "mmap", 4))
			return true;
	return false;
}

/* A constant or a macro (NULL, MAP_SYNC) is not a hook. */
static bool looks_like_function(const struct tok *t)
{
	for (size_t i = 0; i < t->len; i++)
		if (islower((unsigned char)t->s[i]))
			return true;
	return false;
}

static void add_binding(struct scan *sc, const char *hook, const struct tok *member,
			const struct tok *fn)
{
	json_t *r = json_object();
	char *name = tok_str(fn);

	json_object_set_new(r, "tool", json_string("mmprep-report-scan"));
	json_object_set_new(r, "kind", json_string("binding"));
	json_object_set_new(r, "file", jstr(sc->path));
	json_object_set_new(r, "line", json_integer(member->line));
	json_object_set_new(r, "hook", jstr(hook));
	json_object_set_new(r, "function", jstr(name));
	json_array_append_new(sc->bindings, r);
	free(name);
}

/* The tokens of an initialiser between the braces at open and close. */
static void parse_init(struct scan *sc, size_t open, size_t close, const char *path)
{
	const struct toks *t = &sc->t;
	size_t k = open + 1;

	while (k < close) {
		struct sbuf chain = { 0 };
		const struct tok *member = NULL;

		sbuf_add(&chain, path);
		for (;;) {
			if (k + 1 < close && is_punct(&t->v[k], '.') &&
			    t->v[k + 1].kind == T_IDENT) {
				member = &t->v[k + 1];
				sbuf_add(&chain, ".");
				sbuf_addn(&chain, member->s, member->len);
				k += 2;
			} else if (k < close && is_punct(&t->v[k], '[')) {
				k = match_close(t, k, close) + 1;
			} else {
				break;
			}
		}
		if (k < close && is_punct(&t->v[k], '='))
			k++;
		if (k < close && is_punct(&t->v[k], '{')) {
			size_t end = match_close(t, k, close);

			parse_init(sc, k, end, chain.s);
			k = end + 1;
		} else {
			size_t start = k, idents = 0, others = 0;
			const struct tok *fn = NULL;

			while (k < close && !is_punct(&t->v[k], ',')) {
				if (is_punct(&t->v[k], '(') || is_punct(&t->v[k], '[') ||
				    is_punct(&t->v[k], '{')) {
					k = match_close(t, k, close) + 1;
					others++;
					continue;
				}
				if (t->v[k].kind == T_IDENT) {
					fn = &t->v[k];
					idents++;
				} else if (!is_punct(&t->v[k], '&')) {
					others++;
				}
				k++;
			}
			if (member && has_mmap(member) && k > start && idents == 1 && !others &&
			    looks_like_function(fn) && !is_word(member, "mmap_supported_flags"))
				add_binding(sc, chain.s, member, fn);
		}
		while (k < close && !is_punct(&t->v[k], ','))
			k++;
		k++;
		free(chain.s);
	}
}

static void handle_init(struct scan *sc, size_t start, size_t open, size_t close)
{
	const struct toks *t = &sc->t;
	size_t i;

	for (i = start; i + 1 < open; i++) {
		if ((is_word(&t->v[i], "struct") || is_word(&t->v[i], "union")) &&
		    t->v[i + 1].kind == T_IDENT) {
			char *type = tok_str(&t->v[i + 1]);

			parse_init(sc, open, close, type);
			free(type);
			return;
		}
	}
}

/* Sparse and GCC annotations that may follow a parameter list. */
static bool is_annotation(const struct tok *t)
{
	static const char *const words[] = {
		"__acquires", "__releases", "__must_hold", "__cond_acquires",
		"__cond_releases", "__printf", "__scanf", "__aligned", "__section",
		"__alloc_size", "__diagnose_as", "__nocfi", "__no_sanitize_address",
	};

	if (t->len >= 11 && !memcmp(t->s, "__attribute", 11))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (is_word(t, words[i]))
			return true;
	return false;
}

/* What a parameter list takes, looking only at its own top level. */
static const char *param_kind(const struct toks *t, size_t open, size_t close)
{
	const char *kind = "other";
	size_t depth = 0;

	for (size_t i = open + 1; i < close; i++) {
		if (is_punct(&t->v[i], '(') || is_punct(&t->v[i], '['))
			depth++;
		else if (is_punct(&t->v[i], ')') || is_punct(&t->v[i], ']'))
			depth--;
		if (depth || !is_word(&t->v[i], "struct") || i + 2 >= close)
			continue;
		if (!is_punct(&t->v[i + 2], '*'))
			continue;
		if (is_word(&t->v[i + 1], "vm_area_struct"))
			return "vma";
		if (is_word(&t->v[i + 1], "vm_area_desc"))
			kind = "desc";
	}
	return kind;
}

static void handle_function(struct scan *sc, size_t start, size_t body)
{
	const struct toks *t = &sc->t;
	size_t i, name = 0, params = 0;
	bool found = false, is_static = false;

	for (i = start; i < body; i++) {
		if (is_punct(&t->v[i], '=') || is_punct(&t->v[i], ';'))
			return;
		if (is_punct(&t->v[i], '(')) {
			size_t end = match_close(t, i, body);

			if (i > start && t->v[i - 1].kind == T_IDENT &&
			    !is_annotation(&t->v[i - 1])) {
				name = i - 1;
				params = i;
				found = true;
			}
			i = end;
		}
	}
	if (!found)
		return;
	for (i = start; i < name; i++)
		if (is_word(&t->v[i], "static"))
			is_static = true;
	if (sc->ndefs == sc->capdefs) {
		sc->capdefs = sc->capdefs ? 2 * sc->capdefs : 64;
		sc->defs = xrealloc(sc->defs, sc->capdefs * sizeof(*sc->defs));
	}
	sc->defs[sc->ndefs++] = (struct def){
		&t->v[name], param_kind(t, params, match_close(t, params, body)), is_static,
	};
}

static bool named_by_binding(const struct scan *sc, const struct tok *name)
{
	size_t i;
	json_t *b;

	json_array_foreach(sc->bindings, i, b) {
		const char *fn = jget_str(b, "function");

		if (fn && strlen(fn) == name->len && !memcmp(fn, name->s, name->len))
			return true;
	}
	return false;
}

static void print_record(json_t *r, FILE *out)
{
	char *s = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);

	if (!s)
		die("out of memory");
	fprintf(out, "%s\n", s);
	free(s);
}

int scan_file(const char *path, FILE *out)
{
	struct scan sc = { .path = path };
	size_t len, i, n;
	char *text = read_file(path, &len);

	if (!text) {
		warn("cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	clean(text, len);
	tokenize(text, len, &sc.t);
	sc.bindings = json_array();
	n = sc.t.n;

	/* File scope: declarations end at ';', definitions and initialisers at '}'. */
	i = 0;
	while (i < n) {
		size_t start = i, j, close;

		for (j = i; j < n; j++) {
			const struct tok *tk = &sc.t.v[j];

			if (is_punct(tk, '(') || is_punct(tk, '[')) {
				j = match_close(&sc.t, j, n);
				continue;
			}
			if (is_punct(tk, ';') || is_punct(tk, '{') || is_punct(tk, '}'))
				break;
		}
		if (j >= n)
			break;
		if (!is_punct(&sc.t.v[j], '{')) {
			i = j + 1;
			continue;
		}
		close = match_close(&sc.t, j, n);
		if (j > start && is_punct(&sc.t.v[j - 1], '='))
			handle_init(&sc, start, j, close);
		else if (j > start)
			handle_function(&sc, start, j);
		i = close + 1;
	}

	for (i = 0; i < sc.ndefs; i++) {
		const struct def *d = &sc.defs[i];
		json_t *r;
		char *name;

		if (!strcmp(d->takes, "other") && !named_by_binding(&sc, d->name))
			continue;
		name = tok_str(d->name);
		r = json_object();
		json_object_set_new(r, "tool", json_string("mmprep-report-scan"));
		json_object_set_new(r, "kind", json_string("definition"));
		json_object_set_new(r, "file", jstr(path));
		json_object_set_new(r, "line", json_integer(d->name->line));
		json_object_set_new(r, "function", jstr(name));
		json_object_set_new(r, "takes", json_string(d->takes));
		json_object_set_new(r, "static", json_boolean(d->is_static));
		print_record(r, out);
		json_decref(r);
		free(name);
	}
	{
		json_t *b;

		json_array_foreach(sc.bindings, i, b)
			print_record(b, out);
	}
	json_decref(sc.bindings);
	free(sc.defs);
	free(sc.t.v);
	free(text);
	return 0;
}
