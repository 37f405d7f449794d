// SPDX-License-Identifier: GPL-2.0
/*
 * JSON, Markdown (short enough for a mailing-list post) and CSV (RFC 4180: one row per
 * hook, CRLF line ends, fields with a comma, a quote, CR or LF quoted, quotes doubled).
 */
#include <string.h>

#include "report.h"

void render_json(const json_t *model, struct sbuf *out)
{
	char *s = json_dumps(model, JSON_INDENT(2) | JSON_SORT_KEYS);

	if (!s)
		die("cannot format the JSON report");
	sbuf_add(out, s);
	sbuf_add(out, "\n");
	free(s);
}

const char *subsystem_label(const json_t *sub)
{
	return jget_str(sub, "name");
}

static long long left_to_do(const json_t *s)
{
	return jget_int(s, "hooks") - jget_int(s, "converted");
}

/* Most work left first, then most hooks, then by name. */
static int cmp_display(const void *a, const void *b)
{
	const json_t *x = *(const json_t *const *)a, *y = *(const json_t *const *)b;

	if (left_to_do(x) != left_to_do(y))
		return left_to_do(x) > left_to_do(y) ? -1 : 1;
	if (jget_int(x, "hooks") != jget_int(y, "hooks"))
		return jget_int(x, "hooks") > jget_int(y, "hooks") ? -1 : 1;
	if (jget_int(x, "other_types") != jget_int(y, "other_types"))
		return jget_int(x, "other_types") > jget_int(y, "other_types") ? -1 : 1;
	return strcmp(jget_str(x, "name"), jget_str(y, "name"));
}

size_t sorted_subsystems(const json_t *model, const json_t ***out)
{
	const json_t *subs = json_object_get(model, "subsystems"), *s;
	const json_t **v = xcalloc(json_array_size(subs), sizeof(*v));
	size_t i, n = 0;

	json_array_foreach(subs, i, s)
		v[n++] = s;
	qsort(v, n, sizeof(*v), cmp_display);
	*out = v;
	return n;
}

static long long percent(long long part, long long whole)
{
	return whole ? (200 * part + whole) / (2 * whole) : 0;
}

/* A Markdown table cell: no '|' or line break may leave it. */
static void md_cell(struct sbuf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			sbuf_add(out, "\\|");
		else if (*s == '\n' || *s == '\r')
			sbuf_add(out, " ");
		else
			sbuf_addn(out, s, 1);
	}
}

static const char *const md_titles[NR_FOP_CATEGORIES] = {
	"already `.mmap_prepare`",
	"convertible automatically",
	"needs `vm_ops->mapped`",
	"needs a human",
	"tool error",
};

static void md_compare(const json_t *model, struct sbuf *out)
{
	const json_t *cmp = json_object_get(model, "compare"), *v, *kinds;
	const json_t *ot = json_object_get(json_object_get(cmp, "old"), "totals");
	const json_t *nt = json_object_get(model, "totals");
	const char *ov = jget_str(json_object_get(json_object_get(cmp, "old"), "tree"), "version");
	size_t i;

	sbuf_addf(out, "\n## Since %s\n\n", ov ? ov : "the old tree");
	sbuf_add(out, "| file_operations hooks | old | new | change |\n| --- | ---: | ---: | ---: |\n");
	for (int c = 0; c < NR_FOP_CATEGORIES; c++) {
		long long o = jget_int(ot, category_names[c]), n = jget_int(nt, category_names[c]);

		sbuf_addf(out, "| %s | %lld | %lld | %+lld |\n", md_titles[c], o, n, n - o);
	}
	sbuf_addf(out, "| **total** | %lld | %lld | %+lld |\n", jget_int(ot, "hooks"),
		   jget_int(nt, "hooks"), jget_int(nt, "hooks") - jget_int(ot, "hooks"));
	kinds = json_object_get(cmp, "changes_by_kind");
	if (json_object_size(kinds)) {
		const char *k;
		bool first = true;

		sbuf_add(out, "\nChanged hooks:");
		json_object_foreach((json_t *)kinds, k, v) {
			sbuf_addf(out, "%s %s %lld", first ? "" : ",", k,
				   (long long)json_integer_value(v));
			first = false;
		}
		sbuf_add(out, ".\n");
	}
	if (json_array_size(json_object_get(cmp, "subsystems"))) {
		sbuf_add(out, "\n| subsystem | hooks | done | auto | mapped | manual | error |\n");
		sbuf_add(out, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		json_array_foreach(json_object_get(cmp, "subsystems"), i, v) {
			const json_t *o = json_object_get(v, "old"), *n = json_object_get(v, "new");
			static const char *const keys[] = {
				"hooks", "converted", "automatic", "mapped", "manual", "error",
			};

			sbuf_add(out, "| ");
			md_cell(out, jget_str(v, "name"));
			for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
				long long a = jget_int(o, keys[k]), b = jget_int(n, keys[k]);

				if (a == b)
					sbuf_addf(out, " | %lld", b);
				else
					sbuf_addf(out, " | %lld→%lld", a, b);
			}
			sbuf_add(out, " |\n");
		}
	}
}

void render_md(const json_t *model, const struct render_opts *o, struct sbuf *out)
{
	const json_t *t = json_object_get(model, "totals"), *v;
	const char *ver = jget_str(json_object_get(model, "tree"), "version");
	const json_t **subs;
	long long total = jget_int(t, "hooks");
	size_t n, i, shown = 0, with_hooks = 0;

	if (o->title)
		sbuf_addf(out, "# %s\n\n", o->title);
	else
		sbuf_addf(out, "# mmap_prepare conversion report: %s%s, API %s\n\n",
			   ver ? "Linux " : "", ver ? ver : "tree", jget_str(model, "api"));
	if (json_array_size(json_object_get(model, "paths"))) {
		sbuf_add(out, "Scanned:");
		json_array_foreach(json_object_get(model, "paths"), i, v) {
			sbuf_add(out, " ");
			md_cell(out, json_string_value(v));
		}
		sbuf_add(out, "\n\n");
	}
	sbuf_add(out, "| file_operations hooks | count | share |\n| --- | ---: | ---: |\n");
	for (int c = 0; c < NR_FOP_CATEGORIES; c++) {
		long long k = jget_int(t, category_names[c]);

		sbuf_addf(out, "| %s | %lld | %lld%% |\n", md_titles[c], k, percent(k, total));
	}
	sbuf_addf(out, "| **total** | %lld | |\n\n", total);
	sbuf_addf(out, "Other mmap-style hook types: %lld implementation(s) of %zu type(s), "
		   "listed in the full report. Analyzer findings: %lld.\n",
		   jget_int(t, "other_types"), json_array_size(json_object_get(model, "hook_types")),
		   jget_int(t, "findings"));

	n = sorted_subsystems(model, &subs);
	for (i = 0; i < n; i++)
		if (jget_int(subs[i], "hooks"))
			with_hooks++;
	sbuf_addf(out, "\n## By subsystem\n\n%zu MAINTAINERS entr%s with file_operations hooks",
		   with_hooks, with_hooks == 1 ? "y" : "ies");
	if (with_hooks > o->md_limit)
		sbuf_addf(out, "; the %zu with the most left to do", o->md_limit);
	sbuf_add(out, ":\n\n| subsystem | status | hooks | done | auto | mapped | manual | error |\n"
		 "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (i = 0; i < n && shown < o->md_limit; i++) {
		const json_t *s = subs[i];

		if (!jget_int(s, "hooks"))
			continue;
		sbuf_add(out, "| ");
		md_cell(out, jget_str(s, "name"));
		sbuf_add(out, " | ");
		md_cell(out, jget_str(s, "status") ? jget_str(s, "status") : "-");
		sbuf_addf(out, " | %lld | %lld | %lld | %lld | %lld | %lld |\n", jget_int(s, "hooks"),
			   jget_int(s, "converted"), jget_int(s, "automatic"),
			   jget_int(s, "mapped"), jget_int(s, "manual"), jget_int(s, "error"));
		shown++;
	}
	if (with_hooks > shown)
		sbuf_addf(out, "\n... and %zu more in the full report.\n", with_hooks - shown);
	free(subs);

	if (json_array_size(json_object_get(model, "reasons"))) {
		size_t listed = 0;

		sbuf_add(out, "\n## Why hooks are not converted automatically\n\n| reason | needs | hooks |\n"
			 "| --- | --- | ---: |\n");
		json_array_foreach(json_object_get(model, "reasons"), i, v) {
			if (listed++ == 10)
				break;
			sbuf_add(out, "| ");
			md_cell(out, jget_str(v, "reason"));
			sbuf_addf(out, " | %s | %lld |\n", jget_str(v, "category"), jget_int(v, "hooks"));
		}
	}
	if (!json_is_null(json_object_get(model, "compare")) &&
	    json_object_get(model, "compare"))
		md_compare(model, out);
	{
		const json_t *tools = json_object_get(model, "tools");
		const char *k;
		bool first = true;

		if (json_object_size(tools)) {
			sbuf_add(out, "\nTools:");
			json_object_foreach((json_t *)tools, k, v) {
				sbuf_addf(out, "%s %s ", first ? "" : ",", k);
				md_cell(out, json_string_value(v));
				first = false;
			}
			sbuf_add(out, ".\n");
		}
	}
}

static void csv_field(struct sbuf *out, const char *s, bool last)
{
	if (s && strpbrk(s, ",\"\r\n")) {
		sbuf_add(out, "\"");
		for (; *s; s++) {
			if (*s == '"')
				sbuf_add(out, "\"\"");
			else
				sbuf_addn(out, s, 1);
		}
		sbuf_add(out, "\"");
	} else if (s) {
		sbuf_add(out, s);
	}
	sbuf_add(out, last ? "\r\n" : ",");
}

static void csv_hook(struct sbuf *out, const json_t *h, const json_t *change, bool compare)
{
	struct sbuf sites = { 0 }, num = { 0 };
	const json_t *v;
	size_t i;

	json_array_foreach(json_object_get(h, "bindings"), i, v) {
		if (i)
			sbuf_add(&sites, " ");
		sbuf_add(&sites, json_string_value(v));
	}
	csv_field(out, jget_str(h, "file"), false);
	sbuf_addf(&num, "%lld", jget_int(h, "line"));
	csv_field(out, num.s, false);
	csv_field(out, jget_str(h, "function"), false);
	csv_field(out, jget_str(h, "hook"), false);
	csv_field(out, jget_str(h, "category"), false);
	csv_field(out, jget_str(h, "status"), false);
	csv_field(out, jget_str(h, "rule"), false);
	csv_field(out, jget_str(h, "reason"), false);
	csv_field(out, jget_str(h, "subsystem"), false);
	csv_field(out, jget_str(h, "directory"), false);
	free(num.s);
	num = (struct sbuf){ 0 };
	sbuf_addf(&num, "%lld", jget_int(h, "findings"));
	csv_field(out, num.s, false);
	csv_field(out, sites.s ? sites.s : "", !compare);
	if (compare) {
		csv_field(out, change ? jget_str(change, "old_category") : NULL, false);
		csv_field(out, change ? jget_str(change, "change") : NULL, true);
	}
	free(num.s);
	free(sites.s);
}

static char *change_key(const json_t *c)
{
	struct sbuf b = { 0 };

	sbuf_addf(&b, "%s\t%s\t%s", jget_str(c, "file"), jget_str(c, "function"),
		   jget_str(c, "hook"));
	return b.s;
}

void render_csv(const json_t *model, struct sbuf *out)
{
	const json_t *cmp = json_object_get(model, "compare"), *h;
	bool compare = json_is_object(cmp);
	json_t *idx = json_object();
	size_t i;

	sbuf_add(out, "file,line,function,hook,category,status,rule,reason,subsystem,directory,"
		 "findings,bindings");
	sbuf_add(out, compare ? ",old_category,change\r\n" : "\r\n");
	json_array_foreach(json_object_get(cmp, "changes"), i, h) {
		char *k;

		if (!strcmp(jget_str(h, "change"), "removed"))
			continue;
		k = change_key(h);
		json_object_set(idx, k, (json_t *)h);
		free(k);
	}
	json_array_foreach(json_object_get(model, "hooks"), i, h) {
		char *k = change_key(h);

		csv_hook(out, h, json_object_get(idx, k), compare);
		free(k);
	}
	/* hooks the new tree no longer has */
	json_array_foreach(json_object_get(cmp, "changes"), i, h) {
		json_t *row;

		if (strcmp(jget_str(h, "change"), "removed"))
			continue;
		row = json_deep_copy(h);
		json_object_set_new(row, "category", json_string(""));
		json_object_set_new(row, "status", json_string(""));
		json_object_set_new(row, "rule", json_null());
		json_object_set_new(row, "reason", json_null());
		json_object_set_new(row, "directory", json_null());
		json_object_set_new(row, "bindings", json_array());
		json_object_set_new(row, "findings", json_integer(0));
		csv_hook(out, row, h, compare);
		json_decref(row);
	}
	json_decref(idx);
}
