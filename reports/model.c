// SPDX-License-Identifier: GPL-2.0
/*
 * From records to the report: every hook gets a category, a MAINTAINERS section and a
 * directory; the counts are summed per section, per directory, per rule, per reason and
 * per hook type. The result is the JSON report (schema "mmprep-report/1", described in
 * the README); the other formats are rendered from it.
 *
 * Records come from three tools and are read as JSON only:
 *   mmprep-convert       one per file_operations hook: converted (rules), declined
 *                        (reason), error, timeout, parse-error
 *   mmprep-check         analyzer findings (attached to the hook of the same function)
 *                        and analyzer errors
 *   mmprep-report-scan   ops-table bindings and the functions they name (scan.c)
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

const char *const category_names[NR_CATEGORIES] = {
	"converted", "automatic", "mapped", "manual", "error", "other",
};

const char *const category_titles[NR_CATEGORIES] = {
	"already .mmap_prepare",
	"convertible automatically",
	"needs vm_ops->mapped",
	"needs a human",
	"tool error",
	"other hook type",
};

static const char *const fop_mmap = "file_operations.mmap";
static const char *const fop_prepare = "file_operations.mmap_prepare";

int category_index(const char *name)
{
	for (int i = 0; i < NR_CATEGORIES; i++)
		if (name && !strcmp(name, category_names[i]))
			return i;
	return -1;
}

struct inputs {
	json_t *conv;		/* converter records */
	json_t *checks;		/* analyzer records */
	json_t *defs;		/* function name -> array of definition records */
	json_t *binds;		/* binding records */
};

static void read_records(const char *path, struct inputs *in)
{
	size_t len, lineno = 0;
	char *text = read_file(path, &len), *line, *next;

	if (!text)
		die("cannot read %s: %s", path, strerror(errno));
	for (line = text; line && *line; line = next) {
		char *end = strchr(line, '\n');
		json_error_t err;
		const char *tool;
		json_t *r;

		next = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		lineno++;
		if (line[strspn(line, " \t\r")] == '\0')
			continue;
		r = json_loads(line, 0, &err);
		if (!json_is_object(r))
			die("%s:%zu: not a JSON record: %s", path, lineno,
			    r ? "not an object" : err.text);
		tool = jget_str(r, "tool");
		if (tool && !strcmp(tool, "mmprep-convert")) {
			if (!jget_str(r, "file") || !jget_str(r, "status"))
				die("%s:%zu: converter record without file or status", path,
				    lineno);
			json_array_append_new(in->conv, r);
		} else if (tool && !strcmp(tool, "mmprep-check")) {
			json_array_append_new(in->checks, r);
		} else if (tool && !strcmp(tool, "mmprep-report-scan") &&
			   jget_str(r, "file") && jget_str(r, "function") &&
			   jget_str(r, "kind")) {
			if (!strcmp(jget_str(r, "kind"), "definition")) {
				const char *fn = jget_str(r, "function");
				json_t *list = json_object_get(in->defs, fn);

				if (!list) {
					list = json_array();
					json_object_set_new(in->defs, fn, list);
				}
				json_array_append_new(list, r);
			} else {
				json_array_append_new(in->binds, r);
			}
		} else {
			die("%s:%zu: not a record of mmprep-convert, mmprep-check or the scan",
			    path, lineno);
		}
	}
	free(text);
}

/*
 * The reasons of category "mapped" in scripts/mmprep/records.schema.json: the hook's
 * per-mapping state belongs in vm_ops->mapped. testcases/run-report checks that this list
 * is the schema's.
 */
static const char *const mapped_reasons[] = {
	"per-mapping-state", "effect-call", "mapped-needs-level", "mapped-open-body",
	"mapped-state-close", "mapped-state-arg", "success-hook-post-map",
};

/* The converter's verdict as a report category, from status, rule and reason_id. */
static enum category classify(const char *status, const char *rule, const char *reason_id)
{
	if (!strcmp(status, "converted") || !strcmp(status, "convertible")) {
		const char *r = rule ? rule : "";

		for (const char *p = r; (p = strstr(p, "mapped")); p += 6) {
			bool start = p == r || p[-1] == ',';
			bool end = p[6] == '\0' || p[6] == ',';

			if (start && end)
				return CAT_MAPPED;
		}
		return CAT_AUTOMATIC;
	}
	if (!strcmp(status, "declined")) {
		for (size_t i = 0; reason_id && i < ARRAY_SIZE(mapped_reasons); i++)
			if (!strcmp(reason_id, mapped_reasons[i]))
				return CAT_MAPPED;
		return CAT_MANUAL;
	}
	return CAT_ERROR;
}

static bool is_ident_start(int c)
{
	return isalpha(c) || c == '_';
}

static bool is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/*
 * A reason without its particulars, for counting: "calls foo() for ..." becomes
 * "calls F() for ...", a quoted code excerpt '...', a number N, "(kref_get)" "(F)".
 */
static char *reason_class(const char *r)
{
	struct sbuf b = { 0 };
	const char *p = r;

	while (*p) {
		if (*p == '\'') {
			const char *q = strchr(p + 1, '\'');

			if (q) {
				sbuf_add(&b, "'...'");
				p = q + 1;
				continue;
			}
		}
		if (is_ident_start((unsigned char)*p) && (p == r || !is_ident((unsigned char)p[-1]))) {
			const char *q = p;

			while (is_ident((unsigned char)*q))
				q++;
			if (q[0] == '(' && q[1] == ')') {
				sbuf_add(&b, "F()");
				p = q + 2;
				continue;
			}
			if (p > r && p[-1] == '(' && q[0] == ')') {
				sbuf_add(&b, "F");
				p = q;
				continue;
			}
			sbuf_addn(&b, p, q - p);
			p = q;
			continue;
		}
		if (isdigit((unsigned char)*p) && (p == r || !is_ident((unsigned char)p[-1]))) {
			const char *q = p;

			while (isdigit((unsigned char)*q))
				q++;
			if (!is_ident((unsigned char)*q) && *q != '.') {
				sbuf_add(&b, "N");
				p = q;
				continue;
			}
		}
		sbuf_addn(&b, p, 1);
		p++;
	}
	if (!b.s)
		b.s = xstrdup("");
	return b.s;
}

static char *hook_key(const char *file, const char *fn, const char *hook)
{
	struct sbuf b = { 0 };

	sbuf_addf(&b, "%s\t%s\t%s", file, fn, hook);
	return b.s;
}

static json_t *new_hook(const char *file, long long line, const char *fn, const char *hook,
			enum category cat, const char *status)
{
	json_t *h = json_object();

	json_object_set_new(h, "file", jstr(file));
	json_object_set_new(h, "line", json_integer(line));
	json_object_set_new(h, "function", jstr(fn));
	json_object_set_new(h, "hook", jstr(hook));
	json_object_set_new(h, "category", json_string(category_names[cat]));
	json_object_set_new(h, "status", jstr(status));
	json_object_set_new(h, "rule", json_null());
	json_object_set_new(h, "reason", json_null());
	json_object_set_new(h, "reason_class", json_null());
	json_object_set_new(h, "action", json_null());
	json_object_set_new(h, "bindings", json_array());
	json_object_set_new(h, "findings", json_integer(0));
	return h;
}

static void add_site(json_t *h, const json_t *bind)
{
	struct sbuf b = { 0 };
	json_t *sites = json_object_get(h, "bindings");
	size_t i;
	json_t *s;

	sbuf_addf(&b, "%s:%lld", jget_str(bind, "file"), jget_int(bind, "line"));
	json_array_foreach(sites, i, s)
		if (!strcmp(json_string_value(s), b.s))
			goto out;
	json_array_append_new(sites, jstr(b.s));
out:
	free(b.s);
}

static int cmp_sites(const void *a, const void *b)
{
	const char *x = json_string_value(*(json_t *const *)a);
	const char *y = json_string_value(*(json_t *const *)b);
	const char *cx = strrchr(x, ':'), *cy = strrchr(y, ':');
	size_t lx = cx - x, ly = cy - y;
	int c = strncmp(x, y, lx < ly ? lx : ly);

	if (c || lx != ly)
		return c ? c : (lx < ly ? -1 : 1);
	return atol(cx + 1) < atol(cy + 1) ? -1 : atol(cx + 1) > atol(cy + 1);
}

/* The definition a binding names: in its own file, else a unique external one. */
static const json_t *resolve(const struct inputs *in, const char *file, const char *fn)
{
	const json_t *list = json_object_get(in->defs, fn), *d, *ext = NULL;
	size_t i;

	json_array_foreach(list, i, d)
		if (!strcmp(jget_str(d, "file"), file))
			return d;
	json_array_foreach(list, i, d) {
		if (json_is_true(json_object_get(d, "static")))
			continue;
		if (!ext || strcmp(jget_str(d, "file"), jget_str(ext, "file")) < 0)
			ext = d;
	}
	return ext;
}

static const char *last_member(const char *hook)
{
	const char *dot = strrchr(hook, '.');

	return dot ? dot + 1 : hook;
}

struct builder {
	struct inputs in;
	json_t *hooks;		/* array */
	json_t *index;		/* key -> hook */
	json_t *failed_files;	/* file -> true: a converter failure for the whole file */
	json_t *unresolved;
};

static json_t *find_or_add(struct builder *b, const char *file, long long line, const char *fn,
			   const char *hook, enum category cat, const char *status)
{
	char *key = hook_key(file, fn, hook);
	json_t *h = json_object_get(b->index, key);

	if (!h) {
		h = new_hook(file, line, fn, hook, cat, status);
		json_array_append_new(b->hooks, h);
		json_object_set(b->index, key, h);
	}
	free(key);
	return h;
}

static void add_converter_records(struct builder *b)
{
	size_t i;
	json_t *r;

	json_array_foreach(b->in.conv, i, r) {
		const char *hook = jget_str(r, "hook") ? jget_str(r, "hook") : fop_mmap;
		const char *status = jget_str(r, "status"), *fn = jget_str(r, "function");
		const char *rule = jget_str(r, "rule"), *reason = jget_str(r, "reason");
		enum category cat;
		json_t *h;
		char *key;

		if (!strcmp(hook, fop_prepare))
			continue;
		fn = fn ? fn : "";
		cat = classify(status, rule, jget_str(r, "reason_id"));
		h = new_hook(jget_str(r, "file"), jget_int(r, "line"), fn, hook, cat, status);
		if (rule)
			json_object_set_new(h, "rule", jstr(rule));
		if (reason) {
			char *cls = reason_class(reason);

			json_object_set_new(h, "reason", jstr(reason));
			json_object_set_new(h, "reason_class", jstr(cls));
			free(cls);
		}
		json_array_append_new(b->hooks, h);
		key = hook_key(jget_str(r, "file"), fn, hook);
		if (!json_object_get(b->index, key))
			json_object_set(b->index, key, h);
		free(key);
		if (!*fn)
			json_object_set_new(b->failed_files, jget_str(r, "file"), json_true());
	}
}

static void add_bindings(struct builder *b)
{
	size_t i;
	json_t *r;

	json_array_foreach(b->in.binds, i, r) {
		const char *file = jget_str(r, "file"), *fn = jget_str(r, "function");
		const char *hook = jget_str(r, "hook");
		const json_t *d;
		json_t *h;

		if (!hook)
			continue;
		if (!strcmp(hook, fop_mmap)) {
			char *key = hook_key(file, fn, hook);

			h = json_object_get(b->index, key);
			free(key);
			d = h ? NULL : resolve(&b->in, file, fn);
			if (d && strcmp(jget_str(d, "file"), file)) {
				/* defined in another file: its record is at the definition */
				key = hook_key(jget_str(d, "file"), fn, hook);
				h = json_object_get(b->index, key);
				free(key);
			}
			if (!h && json_object_get(b->failed_files, file))
				continue;
			if (!h) {
				h = find_or_add(b, file, jget_int(r, "line"), fn, hook, CAT_ERROR,
						"unrecorded");
				json_object_set_new(h, "reason",
						    json_string("the converter left no record of this binding"));
				json_object_set_new(h, "reason_class",
						    json_string("the converter left no record of this binding"));
			}
			add_site(h, r);
			continue;
		}
		d = resolve(&b->in, file, fn);
		if (!strcmp(last_member(hook), "mmap_prepare") ||
		    (d && !strcmp(jget_str(d, "takes"), "desc"))) {
			/* a descriptor hook: converted */
			const char *where = d ? jget_str(d, "file") : file;
			long long line = d ? jget_int(d, "line") : jget_int(r, "line");

			h = find_or_add(b, where, line, fn, hook, CAT_CONVERTED, "bound");
			add_site(h, r);
			continue;
		}
		if (!d) {
			json_t *u = json_object();

			json_object_set_new(u, "file", jstr(file));
			json_object_set_new(u, "line", json_integer(jget_int(r, "line")));
			json_object_set_new(u, "hook", jstr(hook));
			json_object_set_new(u, "function", jstr(fn));
			json_array_append_new(b->unresolved, u);
			continue;
		}
		if (strcmp(jget_str(d, "takes"), "vma"))
			continue;	/* the member is not a VMA hook */
		h = find_or_add(b, jget_str(d, "file"), jget_int(d, "line"), fn, hook, CAT_OTHER,
				"bound");
		add_site(h, r);
	}
}

/* Action-hook records (code on the 6.19-7.1 action API) go with their prepare hook. */
static void add_action_records(struct builder *b)
{
	size_t i;
	json_t *r;

	json_array_foreach(b->in.conv, i, r) {
		const char *hook = jget_str(r, "hook"), *fn = jget_str(r, "function");
		json_t *h, *a;

		if (!hook || strcmp(hook, fop_prepare))
			continue;
		fn = fn ? fn : "";
		h = find_or_add(b, jget_str(r, "file"), jget_int(r, "line"), fn, hook,
				CAT_CONVERTED, "bound");
		a = json_object();
		json_object_set_new(a, "status", jstr(jget_str(r, "status")));
		json_object_set_new(a, "rule", jstr_or_null(jget_str(r, "rule")));
		json_object_set_new(a, "reason", jstr_or_null(jget_str(r, "reason")));
		json_object_set_new(h, "action", a);
	}
}

static int cmp_hooks(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = strcmp(jget_str(x, "file"), jget_str(y, "file"));

	if (c)
		return c;
	if (jget_int(x, "line") != jget_int(y, "line"))
		return jget_int(x, "line") < jget_int(y, "line") ? -1 : 1;
	c = strcmp(jget_str(x, "function"), jget_str(y, "function"));
	if (c)
		return c;
	c = strcmp(jget_str(x, "hook"), jget_str(y, "hook"));
	if (c)
		return c;
	return strcmp_null(jget_str(x, "status"), jget_str(y, "status"));
}

static int cmp_findings(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = strcmp_null(jget_str(x, "file"), jget_str(y, "file"));

	if (c)
		return c;
	if (jget_int(x, "line") != jget_int(y, "line"))
		return jget_int(x, "line") < jget_int(y, "line") ? -1 : 1;
	if (jget_int(x, "column") != jget_int(y, "column"))
		return jget_int(x, "column") < jget_int(y, "column") ? -1 : 1;
	c = strcmp_null(jget_str(x, "check"), jget_str(y, "check"));
	return c ? c : strcmp_null(jget_str(x, "message"), jget_str(y, "message"));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(jget_str(*(json_t *const *)a, "name"), jget_str(*(json_t *const *)b, "name"));
}

/* Count descending, then the key ascending. */
static const char *count_key;
static const char *label_key;

static int cmp_count(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	long long cx = jget_int(x, count_key), cy = jget_int(y, count_key);

	int c;

	if (cx != cy)
		return cx > cy ? -1 : 1;
	c = strcmp(jget_str(x, label_key), jget_str(y, label_key));
	return c ? c : strcmp_null(jget_str(x, "category"), jget_str(y, "category"));
}

static void sort_by_count(json_t *arr, const char *count, const char *label)
{
	count_key = count;
	label_key = label;
	json_array_sort(arr, cmp_count);
}

static void attach_findings(struct builder *b, json_t *findings, json_t *errors,
			    struct maintainers *m)
{
	size_t i;
	json_t *r;

	json_array_foreach(b->in.checks, i, r) {
		const char *status = jget_str(r, "status");
		const char *file = jget_str(r, "file");
		json_t *f;

		if (status && !strcmp(status, "note"))
			continue;
		if (!status || strcmp(status, "finding")) {
			f = json_object();
			json_object_set_new(f, "tool", json_string("mmprep-check"));
			json_object_set_new(f, "file", jstr_or_null(file));
			json_object_set_new(f, "status", jstr_or_null(status));
			json_object_set_new(f, "message", jstr_or_null(jget_str(r, "message")));
			json_array_append_new(errors, f);
			continue;
		}
		f = json_object();
		json_object_set_new(f, "file", jstr_or_null(file));
		json_object_set_new(f, "line", json_integer(jget_int(r, "line")));
		json_object_set_new(f, "column", json_integer(jget_int(r, "column")));
		json_object_set_new(f, "function", jstr_or_null(jget_str(r, "function")));
		json_object_set_new(f, "check", jstr_or_null(jget_str(r, "check")));
		json_object_set_new(f, "rule", jstr_or_null(jget_str(r, "rule")));
		json_object_set_new(f, "severity", jstr_or_null(jget_str(r, "severity")));
		json_object_set_new(f, "message", jstr_or_null(jget_str(r, "message")));
		{
			const struct section *s = file ? maintainers_match(m, file) : NULL;

			json_object_set_new(f, "subsystem", jstr(s ? s->title : "(no entry)"));
		}
		json_array_append_new(findings, f);
		if (!file || !jget_str(r, "function"))
			continue;
		/* the hook of the same function, whatever its type */
		{
			size_t j;
			json_t *h;

			json_array_foreach(b->hooks, j, h) {
				if (strcmp(jget_str(h, "file"), file) ||
				    strcmp(jget_str(h, "function"), jget_str(r, "function")))
					continue;
				json_object_set_new(h, "findings",
						    json_integer(jget_int(h, "findings") + 1));
				break;
			}
		}
	}
	json_array_sort(findings, cmp_findings);
}

static json_t *counts_object(void)
{
	json_t *c = json_object();

	json_object_set_new(c, "hooks", json_integer(0));
	for (int i = 0; i < NR_FOP_CATEGORIES; i++)
		json_object_set_new(c, category_names[i], json_integer(0));
	json_object_set_new(c, "other_types", json_integer(0));
	json_object_set_new(c, "findings", json_integer(0));
	return c;
}

static void bump(json_t *o, const char *key, long long by)
{
	json_object_set_new(o, key, json_integer(jget_int(o, key) + by));
}

static void count_hook(json_t *c, enum category cat)
{
	if (cat == CAT_OTHER) {
		bump(c, "other_types", 1);
		return;
	}
	bump(c, "hooks", 1);
	bump(c, category_names[cat], 1);
}

static json_t *group(json_t *map, const char *name)
{
	json_t *g = json_object_get(map, name);

	if (!g) {
		g = counts_object();
		json_object_set_new(g, "name", jstr(name));
		json_object_set_new(map, name, g);
	}
	return g;
}

static char *dir_of(const char *file)
{
	const char *slash = strrchr(file, '/');

	return slash ? xstrndup(file, slash - file) : xstrdup(".");
}

static json_t *section_group(json_t *map, const struct section *s)
{
	json_t *g = group(map, s ? s->title : "(no entry)");

	if (!json_object_get(g, "status")) {
		json_t *lists = json_array(), *maint = json_array();

		for (size_t i = 0; s && i < s->nlists; i++)
			json_array_append_new(lists, jstr(s->lists[i]));
		for (size_t i = 0; s && i < s->nmaintainers; i++)
			json_array_append_new(maint, jstr(s->maintainers[i]));
		json_object_set_new(g, "status", jstr_or_null(s ? s->status : NULL));
		json_object_set_new(g, "lists", lists);
		json_object_set_new(g, "maintainers", maint);
	}
	return g;
}

static json_t *map_values(json_t *map)
{
	json_t *arr = json_array(), *v;
	const char *k;

	json_object_foreach(map, k, v)
		json_array_append(arr, v);
	json_array_sort(arr, cmp_name);
	return arr;
}

/* VERSION.PATCHLEVEL.SUBLEVEL EXTRAVERSION from the tree's Makefile, or NULL. */
static char *tree_version(const char *tree)
{
	struct sbuf path = { 0 }, v = { 0 };
	static const char *const keys[] = { "VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION" };
	char *vals[4] = { 0 };
	char *text, *line, *next;

	sbuf_addf(&path, "%s/Makefile", tree);
	text = read_file(path.s, NULL);
	free(path.s);
	if (!text)
		return NULL;
	for (line = text; line && *line; line = next) {
		char *end = strchr(line, '\n');

		next = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		for (int k = 0; k < 4; k++) {
			size_t kl = strlen(keys[k]);
			char *p = line + kl;

			if (vals[k] || strncmp(line, keys[k], kl))
				continue;
			p += strspn(p, " \t");
			if (*p != '=')
				continue;
			p++;
			p += strspn(p, " \t");
			vals[k] = xstrndup(p, strcspn(p, " \t#"));
		}
	}
	if (vals[0] && vals[1] && *vals[0] && *vals[1]) {
		sbuf_addf(&v, "%s.%s", vals[0], vals[1]);
		if (vals[2] && *vals[2])
			sbuf_addf(&v, ".%s", vals[2]);
		if (vals[3] && *vals[3])
			sbuf_add(&v, vals[3]);
	}
	for (int k = 0; k < 4; k++)
		free(vals[k]);
	free(text);
	return v.s;
}

json_t *model_build(const struct model_opts *o, char **inputs, size_t ninputs)
{
	struct builder b = { 0 };
	struct sbuf mpath = { 0 };
	struct maintainers *m;
	json_t *model = json_object(), *totals = counts_object(), *byst = json_object();
	json_t *subs = json_object(), *dirs = json_object(), *rules = json_object();
	json_t *reasons = json_object(), *types = json_object(), *findings = json_array();
	json_t *errors = json_array(), *h, *v;
	const char *k;
	char *version;
	size_t i;

	b.in.conv = json_array();
	b.in.checks = json_array();
	b.in.defs = json_object();
	b.in.binds = json_array();
	b.hooks = json_array();
	b.index = json_object();
	b.failed_files = json_object();
	b.unresolved = json_array();
	for (i = 0; i < ninputs; i++)
		read_records(inputs[i], &b.in);

	sbuf_addf(&mpath, "%s/MAINTAINERS", o->tree);
	m = maintainers_load(mpath.s);
	free(mpath.s);

	add_converter_records(&b);
	add_bindings(&b);
	add_action_records(&b);
	attach_findings(&b, findings, errors, m);

	json_array_foreach(b.hooks, i, h) {
		const char *file = jget_str(h, "file"), *status = jget_str(h, "status");
		enum category cat = category_index(jget_str(h, "category"));
		const struct section *s = maintainers_match(m, file);
		char *dir = dir_of(file);
		json_t *g;

		json_array_sort(json_object_get(h, "bindings"), cmp_sites);
		json_object_set_new(h, "subsystem", jstr(s ? s->title : "(no entry)"));
		json_object_set_new(h, "directory", jstr(dir));
		count_hook(totals, cat);
		count_hook(section_group(subs, s), cat);
		count_hook(group(dirs, dir), cat);
		free(dir);
		if (!strcmp(jget_str(h, "hook"), fop_mmap) && strcmp(status, "unrecorded"))
			bump(byst, status, 1);
		if ((cat == CAT_AUTOMATIC || cat == CAT_MAPPED) && jget_str(h, "rule")) {
			char *copy = xstrdup(jget_str(h, "rule")), *save = NULL;

			for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
				g = json_object_get(rules, t);
				if (!g) {
					g = json_object();
					json_object_set_new(g, "rule", jstr(t));
					json_object_set_new(g, "hooks", json_integer(0));
					json_object_set_new(rules, t, g);
				}
				bump(g, "hooks", 1);
			}
			free(copy);
		}
		if ((cat == CAT_MANUAL || cat == CAT_MAPPED || cat == CAT_ERROR) &&
		    jget_str(h, "reason_class")) {
			struct sbuf key = { 0 };

			sbuf_addf(&key, "%s\t%s", category_names[cat], jget_str(h, "reason_class"));
			g = json_object_get(reasons, key.s);
			if (!g) {
				g = json_object();
				json_object_set_new(g, "reason", jstr(jget_str(h, "reason_class")));
				json_object_set_new(g, "category", json_string(category_names[cat]));
				json_object_set_new(g, "hooks", json_integer(0));
				json_object_set_new(reasons, key.s, g);
			}
			bump(g, "hooks", 1);
			free(key.s);
		}
		if (strcmp(jget_str(h, "hook"), fop_mmap) && strcmp(jget_str(h, "hook"), fop_prepare)) {
			g = json_object_get(types, jget_str(h, "hook"));
			if (!g) {
				g = json_object();
				json_object_set_new(g, "hook", jstr(jget_str(h, "hook")));
				json_object_set_new(g, "implementations", json_integer(0));
				json_object_set_new(g, "bindings", json_integer(0));
				json_object_set_new(types, jget_str(h, "hook"), g);
			}
			bump(g, "implementations", 1);
			bump(g, "bindings", json_array_size(json_object_get(h, "bindings")));
		}
	}
	/* findings count in their file's groups, whether a hook took them or not */
	json_object_set_new(totals, "findings", json_integer(json_array_size(findings)));
	json_array_foreach(findings, i, v) {
		const char *file = jget_str(v, "file");
		char *dir;

		if (!file)
			continue;
		dir = dir_of(file);
		bump(section_group(subs, maintainers_match(m, file)), "findings", 1);
		bump(group(dirs, dir), "findings", 1);
		free(dir);
	}
	json_object_set_new(totals, "tool_errors", json_integer(json_array_size(errors)));
	json_object_set_new(totals, "unresolved", json_integer(json_array_size(b.unresolved)));

	json_array_sort(b.hooks, cmp_hooks);
	json_array_sort(b.unresolved, cmp_hooks);
	json_object_set_new(model, "schema", json_string(REPORT_SCHEMA));
	json_object_set_new(model, "api", jstr(o->api));
	version = tree_version(o->tree);
	json_object_set_new(model, "tree", json_pack("{s:o}", "version", jstr_or_null(version)));
	free(version);
	json_object_set(model, "paths", json_object_get(o->meta, "paths"));
	json_object_set(model, "tools", json_object_get(o->meta, "tools"));
	json_object_set_new(model, "totals", totals);
	json_object_set_new(model, "converter", byst);
	json_object_set_new(model, "subsystems", map_values(subs));
	json_object_set_new(model, "directories", map_values(dirs));
	{
		json_t *r = json_array();

		json_object_foreach(rules, k, v)
			json_array_append(r, v);
		sort_by_count(r, "hooks", "rule");
		json_object_set_new(model, "rules", r);
		r = json_array();
		json_object_foreach(reasons, k, v)
			json_array_append(r, v);
		sort_by_count(r, "hooks", "reason");
		json_object_set_new(model, "reasons", r);
		r = json_array();
		json_object_foreach(types, k, v)
			json_array_append(r, v);
		sort_by_count(r, "implementations", "hook");
		json_object_set_new(model, "hook_types", r);
	}
	json_object_set(model, "hooks", b.hooks);
	json_object_set_new(model, "findings", findings);
	json_object_set_new(model, "tool_errors", errors);
	json_object_set(model, "unresolved", b.unresolved);
	json_object_set_new(model, "compare", json_null());

	json_decref(subs);
	json_decref(dirs);
	json_decref(rules);
	json_decref(reasons);
	json_decref(types);
	json_decref(b.in.conv);
	json_decref(b.in.checks);
	json_decref(b.in.defs);
	json_decref(b.in.binds);
	json_decref(b.hooks);
	json_decref(b.index);
	json_decref(b.failed_files);
	json_decref(b.unresolved);
	maintainers_free(m);
	return model;
}
