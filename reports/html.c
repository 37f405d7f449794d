// SPDX-License-Identifier: GPL-2.0
/*
 * One self-contained HTML page: no external resource, the style and a small sorting
 * script inline, an inline SVG chart of the progress per subsystem, and every hook
 * linked to its file and line. Everything that comes from the tree is escaped.
 *
 * Tables sort on a click on a header (numbers as numbers, text with a numeric-aware
 * collation; a second click reverses). The fragment #sort=TABLE:COLUMN[:desc][,...]
 * sorts on load, through the same click handler.
 */
#include <string.h>

#include "report.h"

#define CHART_LABEL 330
#define CHART_BAR 520
#define CHART_ROW 20
#define CHART_TOP 34
#define CHART_LEGEND 196	/* one legend entry */

static void esc(struct sbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			sbuf_add(out, "&amp;");
			break;
		case '<':
			sbuf_add(out, "&lt;");
			break;
		case '>':
			sbuf_add(out, "&gt;");
			break;
		case '"':
			sbuf_add(out, "&quot;");
			break;
		case '\'':
			sbuf_add(out, "&#39;");
			break;
		default:
			sbuf_addn(out, s, 1);
		}
	}
}

static void url_path(struct sbuf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("/._~-+", c))
			sbuf_addn(out, s, 1);
		else
			sbuf_addf(out, "%%%02X", c);
	}
}

/* The link of a file and line, HTML-escaped for an attribute. */
static void link(struct sbuf *out, const struct render_opts *o, const char *file, long long line)
{
	struct sbuf url = { 0 };
	const char *p;

	if (strstr(o->link_base, "%f")) {
		for (p = o->link_base; *p; p++) {
			if (p[0] == '%' && p[1] == 'f') {
				url_path(&url, file);
				p++;
			} else if (p[0] == '%' && p[1] == 'l') {
				sbuf_addf(&url, "%lld", line);
				p++;
			} else if (p[0] == '%' && p[1] == '%') {
				sbuf_add(&url, "%");
				p++;
			} else {
				sbuf_addn(&url, p, 1);
			}
		}
	} else {
		sbuf_add(&url, o->link_base);
		url_path(&url, file);
		sbuf_addf(&url, "#n%lld", line);
	}
	esc(out, url.s);
	free(url.s);
}

static void cell(struct sbuf *out, const char *s)
{
	sbuf_add(out, "<td>");
	esc(out, s);
	sbuf_add(out, "</td>");
}

static void num_cell(struct sbuf *out, long long v)
{
	sbuf_addf(out, "<td class=\"n\" data-v=\"%lld\">%lld</td>", v, v);
}

static void head(struct sbuf *out, const char *id, const char *const *cols)
{
	sbuf_addf(out, "<table id=\"%s\" class=\"sortable\">\n<thead><tr>", id);
	for (; *cols; cols++) {
		const char *c = *cols;
		bool num = c[0] == '#';

		if (num)
			c++;
		/* "key=label" */
		sbuf_addf(out, "<th data-key=\"%.*s\"%s>", (int)strcspn(c, "="), c,
			   num ? " data-type=\"num\" class=\"n\"" : "");
		esc(out, strchr(c, '=') ? strchr(c, '=') + 1 : c);
		sbuf_add(out, "</th>");
	}
	sbuf_add(out, "</tr></thead>\n<tbody>\n");
}

static void foot(struct sbuf *out)
{
	sbuf_add(out, "</tbody>\n</table>\n");
}

static long long percent(long long part, long long whole)
{
	return whole ? (200 * part + whole) / (2 * whole) : 0;
}

static const char style[] =
	"body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1400px;"
	"padding:0 1em;color:#222}\n"
	"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\n"
	"table{border-collapse:collapse;margin:.5em 0}\n"
	"th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}\n"
	"th{background:#eee;cursor:pointer;user-select:none;white-space:nowrap}\n"
	"th[aria-sort=ascending]::after{content:\" \\25B2\"}\n"
	"th[aria-sort=descending]::after{content:\" \\25BC\"}\n"
	"td.n,th.n{text-align:right}\n"
	".meta{color:#555}\n"
	".cat{white-space:nowrap}\n"
	".c-converted{fill:#2e7d32;background:#c8e6c9}\n"
	".c-automatic{fill:#1565c0;background:#bbdefb}\n"
	".c-mapped{fill:#ef6c00;background:#ffe0b2}\n"
	".c-manual{fill:#c62828;background:#ffcdd2}\n"
	".c-error{fill:#616161;background:#e0e0e0}\n"
	".c-other{fill:#6a1b9a;background:#e1bee7}\n"
	"svg text{font:12px system-ui,sans-serif;fill:#222}\n"
	"details{margin:.5em 0}\n";

/*
 * Sorting: a header click sorts its table's body rows by that column (data-v when the
 * cell has one, else its text); data-type="num" compares numbers, other columns use a
 * numeric-aware collation; equal rows keep their order.
 */
static const char script[] =
	"(function () {\n"
	"'use strict';\n"
	"var coll = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});\n"
	"function val(row, i) {\n"
	"  var c = row.cells[i];\n"
	"  if (!c) return '';\n"
	"  return c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent.trim();\n"
	"}\n"
	"function sortBy(th, dir) {\n"
	"  var table = th.closest('table'), body = table.tBodies[0], i = th.cellIndex;\n"
	"  var num = th.getAttribute('data-type') === 'num';\n"
	"  var rows = Array.prototype.map.call(body.rows, function (r, k) {\n"
	"    return {r: r, k: k, v: val(r, i)};\n"
	"  });\n"
	"  rows.sort(function (a, b) {\n"
	"    var c = num ? (parseFloat(a.v) || 0) - (parseFloat(b.v) || 0) : coll.compare(a.v, b.v);\n"
	"    if (dir === 'descending') c = -c;\n"
	"    return c || a.k - b.k;\n"
	"  });\n"
	"  rows.forEach(function (x) { body.appendChild(x.r); });\n"
	"  Array.prototype.forEach.call(th.parentNode.cells, function (h) {\n"
	"    h.removeAttribute('aria-sort');\n"
	"  });\n"
	"  th.setAttribute('aria-sort', dir);\n"
	"}\n"
	"function onClick(ev) {\n"
	"  var th = ev.currentTarget;\n"
	"  sortBy(th, th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending');\n"
	"}\n"
	"function fromHash() {\n"
	"  var m = /(?:^#|[&;])sort=([^&;]*)/.exec(location.hash);\n"
	"  if (!m) return;\n"
	"  decodeURIComponent(m[1]).split(',').forEach(function (spec) {\n"
	"    var p = spec.split(':'), t = document.getElementById(p[0]), th = null;\n"
	"    if (!t || !t.tHead) return;\n"
	"    Array.prototype.forEach.call(t.tHead.rows[0].cells, function (h) {\n"
	"      if (h.getAttribute('data-key') === p[1]) th = h;\n"
	"    });\n"
	"    if (!th) return;\n"
	"    th.removeAttribute('aria-sort');\n"
	"    th.click();\n"
	"    if (p[2] === 'desc') th.click();\n"
	"  });\n"
	"}\n"
	"document.querySelectorAll('table.sortable th[data-key]').forEach(function (th) {\n"
	"  th.tabIndex = 0;\n"
	"  th.addEventListener('click', onClick);\n"
	"  th.addEventListener('keydown', function (ev) {\n"
	"    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); th.click(); }\n"
	"  });\n"
	"});\n"
	"fromHash();\n"
	"window.addEventListener('hashchange', fromHash);\n"
	"})();\n";

static void emit_totals(struct sbuf *out, const json_t *model)
{
	static const char *const cols[] = { "category=category", "#hooks=hooks", "#share=%", NULL };
	const json_t *t = json_object_get(model, "totals");
	long long total = jget_int(t, "hooks");

	sbuf_add(out, "<h2>file_operations hooks</h2>\n");
	head(out, "totals", cols);
	for (int c = 0; c < NR_FOP_CATEGORIES; c++) {
		long long n = jget_int(t, category_names[c]);

		sbuf_addf(out, "<tr><td class=\"cat c-%s\" data-v=\"%d\">%s</td>",
			   category_names[c], c, category_titles[c]);
		num_cell(out, n);
		num_cell(out, percent(n, total));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	sbuf_addf(out, "<p>%lld file_operations hook(s); %lld implementation(s) of other "
		   "mmap-style hook types; %lld analyzer finding(s); %lld tool error(s).</p>\n",
		   total, jget_int(t, "other_types"), jget_int(t, "findings"),
		   jget_int(t, "tool_errors"));
}

static void emit_chart(struct sbuf *out, const json_t *model)
{
	const json_t **subs;
	size_t n = sorted_subsystems(model, &subs), rows = 0, i;
	long long y;

	for (i = 0; i < n; i++)
		if (jget_int(subs[i], "hooks"))
			rows++;
	sbuf_add(out, "<h2>Progress by subsystem</h2>\n");
	sbuf_addf(out, "<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		   "height=\"%zu\" viewBox=\"0 0 %d %zu\" role=\"img\" "
		   "aria-label=\"file_operations hooks per subsystem by category\">\n",
		   CHART_LABEL + CHART_BAR + 130, CHART_TOP + rows * CHART_ROW + 4,
		   CHART_LABEL + CHART_BAR + 130, CHART_TOP + rows * CHART_ROW + 4);
	/* legend */
	for (int c = 0; c < NR_FOP_CATEGORIES; c++)
		sbuf_addf(out, "<rect class=\"legend c-%s\" x=\"%d\" y=\"6\" width=\"12\" "
			   "height=\"12\"/><text x=\"%d\" y=\"16\">%s</text>\n",
			   category_names[c], c * CHART_LEGEND, c * CHART_LEGEND + 16,
			   category_titles[c]);
	y = CHART_TOP;
	for (i = 0; i < n; i++) {
		const json_t *s = subs[i];
		long long total = jget_int(s, "hooks"), cum = 0, x0 = 0;
		const char *name = jget_str(s, "name");
		size_t len = strlen(name);

		if (!total)
			continue;
		sbuf_addf(out, "<g class=\"bar\" data-name=\"");
		esc(out, name);
		sbuf_addf(out, "\"><text x=\"%d\" y=\"%lld\" text-anchor=\"end\"><title>",
			   CHART_LABEL - 6, y + 14);
		esc(out, name);
		sbuf_add(out, "</title>");
		if (len > 44) {
			/* cut on a character boundary */
			size_t cut = 42;
			char *shown;

			while (cut && ((unsigned char)name[cut] & 0xc0) == 0x80)
				cut--;
			shown = xstrndup(name, cut);
			esc(out, shown);
			sbuf_add(out, "\xe2\x80\xa6");
			free(shown);
		} else {
			esc(out, name);
		}
		sbuf_add(out, "</text>\n");
		for (int c = 0; c < NR_FOP_CATEGORIES; c++) {
			long long k = jget_int(s, category_names[c]), x1;

			if (!k)
				continue;
			cum += k;
			x1 = (CHART_BAR * cum * 2 + total) / (2 * total);
			sbuf_addf(out, "<rect class=\"seg c-%s\" data-count=\"%lld\" x=\"%lld\" "
				   "y=\"%lld\" width=\"%lld\" height=\"%d\"><title>",
				   category_names[c], k, CHART_LABEL + x0, y + 2, x1 - x0,
				   CHART_ROW - 4);
			esc(out, name);
			sbuf_addf(out, ": %lld %s</title></rect>\n", k, category_titles[c]);
			x0 = x1;
		}
		sbuf_addf(out, "<text x=\"%d\" y=\"%lld\">%lld hook%s, %lld%% done</text></g>\n",
			   CHART_LABEL + CHART_BAR + 6, y + 14, total, total == 1 ? "" : "s",
			   percent(jget_int(s, "converted"), total));
		y += CHART_ROW;
	}
	sbuf_add(out, "</svg>\n");
	free(subs);
}

static void join_cell(struct sbuf *out, const json_t *arr)
{
	const json_t *v;
	size_t i;

	sbuf_add(out, "<td>");
	json_array_foreach(arr, i, v) {
		if (i)
			sbuf_add(out, ", ");
		esc(out, json_string_value(v));
	}
	sbuf_add(out, "</td>");
}

static void counts_cells(struct sbuf *out, const json_t *s)
{
	num_cell(out, jget_int(s, "hooks"));
	for (int c = 0; c < NR_FOP_CATEGORIES; c++)
		num_cell(out, jget_int(s, category_names[c]));
	num_cell(out, jget_int(s, "other_types"));
	num_cell(out, jget_int(s, "findings"));
	num_cell(out, percent(jget_int(s, "converted"), jget_int(s, "hooks")));
}

static void emit_subsystems(struct sbuf *out, const json_t *model)
{
	static const char *const cols[] = {
		"name=subsystem", "status=status", "lists=lists", "#hooks=hooks",
		"#converted=done", "#automatic=auto", "#mapped=mapped", "#manual=manual",
		"#error=error", "#other=other types", "#findings=findings", "#percent=% done",
		NULL,
	};
	const json_t **subs;
	size_t n = sorted_subsystems(model, &subs), i;

	sbuf_add(out, "<h2>By MAINTAINERS entry</h2>\n");
	head(out, "subsystems", cols);
	for (i = 0; i < n; i++) {
		sbuf_add(out, "<tr>");
		cell(out, jget_str(subs[i], "name"));
		cell(out, jget_str(subs[i], "status") ? jget_str(subs[i], "status") : "");
		join_cell(out, json_object_get(subs[i], "lists"));
		counts_cells(out, subs[i]);
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	free(subs);
}

static void emit_directories(struct sbuf *out, const json_t *model)
{
	static const char *const cols[] = {
		"name=directory", "#hooks=hooks", "#converted=done", "#automatic=auto",
		"#mapped=mapped", "#manual=manual", "#error=error", "#other=other types",
		"#findings=findings", "#percent=% done", NULL,
	};
	const json_t *d;
	size_t i;

	sbuf_add(out, "<h2>By directory</h2>\n");
	head(out, "directories", cols);
	json_array_foreach(json_object_get(model, "directories"), i, d) {
		sbuf_add(out, "<tr>");
		cell(out, jget_str(d, "name"));
		counts_cells(out, d);
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
}

static void hook_detail(struct sbuf *out, const json_t *h)
{
	const json_t *a = json_object_get(h, "action");

	sbuf_add(out, "<td>");
	if (jget_str(h, "reason"))
		esc(out, jget_str(h, "reason"));
	else if (jget_str(h, "rule"))
		esc(out, jget_str(h, "rule"));
	if (json_is_object(a)) {
		sbuf_add(out, " (action hooks: ");
		esc(out, jget_str(a, "status"));
		if (jget_str(a, "rule") || jget_str(a, "reason")) {
			sbuf_add(out, ", ");
			esc(out, jget_str(a, "rule") ? jget_str(a, "rule") : jget_str(a, "reason"));
		}
		sbuf_add(out, ")");
	}
	sbuf_add(out, "</td>");
}

static void emit_hooks(struct sbuf *out, const json_t *model, const struct render_opts *o)
{
	static const char *const cols[] = {
		"file=file", "#line=line", "function=function", "hook=hook type",
		"category=category", "detail=rule or reason", "subsystem=subsystem",
		"#findings=findings", NULL,
	};
	const json_t *h;
	size_t i;

	sbuf_addf(out, "<h2>Hooks</h2>\n<p>%zu hook(s): the file_operations hooks the converter "
		   "examined, the .mmap_prepare hooks already there, and the other mmap-style hook "
		   "types by implementation.</p>\n",
		   json_array_size(json_object_get(model, "hooks")));
	head(out, "hooks", cols);
	json_array_foreach(json_object_get(model, "hooks"), i, h) {
		int c = category_index(jget_str(h, "category"));

		sbuf_add(out, "<tr><td><a href=\"");
		link(out, o, jget_str(h, "file"), jget_int(h, "line"));
		sbuf_add(out, "\">");
		esc(out, jget_str(h, "file"));
		sbuf_add(out, "</a></td>");
		num_cell(out, jget_int(h, "line"));
		cell(out, jget_str(h, "function"));
		cell(out, jget_str(h, "hook"));
		sbuf_addf(out, "<td class=\"cat c-%s\" data-v=\"%d\">", jget_str(h, "category"), c);
		esc(out, c >= 0 ? category_titles[c] : jget_str(h, "category"));
		sbuf_add(out, "</td>");
		hook_detail(out, h);
		cell(out, jget_str(h, "subsystem"));
		num_cell(out, jget_int(h, "findings"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
}

static void emit_small_tables(struct sbuf *out, const json_t *model)
{
	static const char *const rule_cols[] = { "rule=rule", "#hooks=hooks", NULL };
	static const char *const reason_cols[] = {
		"reason=reason", "category=needs", "#hooks=hooks", NULL,
	};
	static const char *const type_cols[] = {
		"hook=hook type", "#implementations=implementations", "#bindings=bindings", NULL,
	};
	const json_t *v;
	size_t i;

	sbuf_add(out, "<h2>Automatic conversions by rule</h2>\n");
	head(out, "rules", rule_cols);
	json_array_foreach(json_object_get(model, "rules"), i, v) {
		sbuf_add(out, "<tr>");
		cell(out, jget_str(v, "rule"));
		num_cell(out, jget_int(v, "hooks"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	sbuf_add(out, "<h2>Why hooks are not converted automatically</h2>\n");
	head(out, "reasons", reason_cols);
	json_array_foreach(json_object_get(model, "reasons"), i, v) {
		sbuf_add(out, "<tr>");
		cell(out, jget_str(v, "reason"));
		cell(out, jget_str(v, "category"));
		num_cell(out, jget_int(v, "hooks"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	sbuf_add(out, "<h2>Other mmap-style hook types</h2>\n<p>Ops-table members whose name "
		 "contains <code>mmap</code> and whose function takes a "
		 "<code>struct vm_area_struct *</code>; mmprep does not convert them.</p>\n");
	head(out, "hook-types", type_cols);
	json_array_foreach(json_object_get(model, "hook_types"), i, v) {
		sbuf_add(out, "<tr>");
		cell(out, jget_str(v, "hook"));
		num_cell(out, jget_int(v, "implementations"));
		num_cell(out, jget_int(v, "bindings"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
}

static void emit_findings(struct sbuf *out, const json_t *model, const struct render_opts *o)
{
	static const char *const cols[] = {
		"file=file", "#line=line", "function=function", "check=check", "message=message",
		"subsystem=subsystem", NULL,
	};
	static const char *const err_cols[] = {
		"tool=tool", "file=file", "status=status", "message=message", NULL,
	};
	const json_t *f;
	size_t i;

	sbuf_add(out, "<h2>Analyzer findings</h2>\n");
	head(out, "findings", cols);
	json_array_foreach(json_object_get(model, "findings"), i, f) {
		sbuf_add(out, "<tr><td><a href=\"");
		link(out, o, jget_str(f, "file"), jget_int(f, "line"));
		sbuf_add(out, "\">");
		esc(out, jget_str(f, "file"));
		sbuf_add(out, "</a></td>");
		num_cell(out, jget_int(f, "line"));
		cell(out, jget_str(f, "function"));
		cell(out, jget_str(f, "check"));
		cell(out, jget_str(f, "message"));
		cell(out, jget_str(f, "subsystem"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	if (json_array_size(json_object_get(model, "tool_errors"))) {
		sbuf_add(out, "<h2>Tool errors</h2>\n");
		head(out, "tool-errors", err_cols);
		json_array_foreach(json_object_get(model, "tool_errors"), i, f) {
			sbuf_add(out, "<tr>");
			cell(out, jget_str(f, "tool"));
			cell(out, jget_str(f, "file"));
			cell(out, jget_str(f, "status"));
			cell(out, jget_str(f, "message"));
			sbuf_add(out, "</tr>\n");
		}
		foot(out);
	}
}

static void emit_unresolved(struct sbuf *out, const json_t *model, const struct render_opts *o)
{
	static const char *const cols[] = {
		"file=file", "#line=line", "hook=hook type", "function=function", NULL,
	};
	const json_t *u;
	size_t i;

	if (!json_array_size(json_object_get(model, "unresolved")))
		return;
	sbuf_addf(out, "<details><summary>%zu binding(s) of other hook types name a function "
		   "defined outside the scanned files</summary>\n",
		   json_array_size(json_object_get(model, "unresolved")));
	head(out, "unresolved", cols);
	json_array_foreach(json_object_get(model, "unresolved"), i, u) {
		sbuf_add(out, "<tr><td><a href=\"");
		link(out, o, jget_str(u, "file"), jget_int(u, "line"));
		sbuf_add(out, "\">");
		esc(out, jget_str(u, "file"));
		sbuf_add(out, "</a></td>");
		num_cell(out, jget_int(u, "line"));
		cell(out, jget_str(u, "hook"));
		cell(out, jget_str(u, "function"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	sbuf_add(out, "</details>\n");
}

static void emit_compare(struct sbuf *out, const json_t *model, const struct render_opts *o)
{
	static const char *const tot_cols[] = {
		"category=category", "#old=old", "#new=new", "#change=change", NULL,
	};
	static const char *const sub_cols[] = {
		"name=subsystem", "#old=old hooks", "#new=new hooks", "#oldc=old done",
		"#newc=new done", "#olda=old auto", "#newa=new auto", "#oldm=old mapped",
		"#newm=new mapped", "#oldh=old manual", "#newh=new manual", NULL,
	};
	static const char *const ch_cols[] = {
		"change=change", "file=file", "function=function", "hook=hook type",
		"old=old category", "new=new category", "subsystem=subsystem", NULL,
	};
	const json_t *cmp = json_object_get(model, "compare"), *v;
	const json_t *old = json_object_get(cmp, "old"), *ot = json_object_get(old, "totals");
	const json_t *nt = json_object_get(model, "totals");
	const char *ov = jget_str(json_object_get(old, "tree"), "version");
	size_t i;

	if (!json_is_object(cmp))
		return;
	sbuf_add(out, "<h2>Changes since ");
	esc(out, ov ? ov : "the old tree");
	sbuf_add(out, "</h2>\n");
	head(out, "compare-totals", tot_cols);
	for (int c = 0; c < NR_FOP_CATEGORIES; c++) {
		long long a = jget_int(ot, category_names[c]), b = jget_int(nt, category_names[c]);

		sbuf_addf(out, "<tr><td class=\"cat c-%s\" data-v=\"%d\">%s</td>",
			   category_names[c], c, category_titles[c]);
		num_cell(out, a);
		num_cell(out, b);
		num_cell(out, b - a);
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	head(out, "compare-subsystems", sub_cols);
	json_array_foreach(json_object_get(cmp, "subsystems"), i, v) {
		const json_t *a = json_object_get(v, "old"), *b = json_object_get(v, "new");
		static const char *const keys[] = {
			"hooks", "converted", "automatic", "mapped", "manual",
		};

		sbuf_add(out, "<tr>");
		cell(out, jget_str(v, "name"));
		for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
			num_cell(out, jget_int(a, keys[k]));
			num_cell(out, jget_int(b, keys[k]));
		}
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
	head(out, "changes", ch_cols);
	json_array_foreach(json_object_get(cmp, "changes"), i, v) {
		sbuf_add(out, "<tr>");
		cell(out, jget_str(v, "change"));
		sbuf_add(out, "<td><a href=\"");
		link(out, o, jget_str(v, "file"), jget_int(v, "line"));
		sbuf_add(out, "\">");
		esc(out, jget_str(v, "file"));
		sbuf_add(out, "</a></td>");
		cell(out, jget_str(v, "function"));
		cell(out, jget_str(v, "hook"));
		cell(out, jget_str(v, "old_category") ? jget_str(v, "old_category") : "");
		cell(out, jget_str(v, "category") ? jget_str(v, "category") : "");
		cell(out, jget_str(v, "subsystem"));
		sbuf_add(out, "</tr>\n");
	}
	foot(out);
}

void render_html(const json_t *model, const struct render_opts *o, struct sbuf *out)
{
	const char *ver = jget_str(json_object_get(model, "tree"), "version");
	struct sbuf title = { 0 };
	const json_t *v;
	const char *k;
	size_t i;

	if (o->title)
		sbuf_add(&title, o->title);
	else
		sbuf_addf(&title, "mmap_prepare conversion report: %s%s, API %s",
			   ver ? "Linux " : "", ver ? ver : "tree", jget_str(model, "api"));
	sbuf_add(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	esc(out, title.s);
	sbuf_addf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
	esc(out, title.s);
	sbuf_add(out, "</h1>\n<p class=\"meta\">");
	if (json_array_size(json_object_get(model, "paths"))) {
		sbuf_add(out, "Scanned:");
		json_array_foreach(json_object_get(model, "paths"), i, v) {
			sbuf_add(out, " ");
			esc(out, json_string_value(v));
		}
		sbuf_add(out, ". ");
	}
	if (json_object_size(json_object_get(model, "tools"))) {
		bool first = true;

		sbuf_add(out, "Tools:");
		json_object_foreach(json_object_get(model, "tools"), k, v) {
			sbuf_addf(out, "%s ", first ? "" : ",");
			esc(out, k);
			sbuf_add(out, " ");
			esc(out, json_string_value(v));
			first = false;
		}
		sbuf_add(out, ".");
	}
	sbuf_add(out, "</p>\n");
	emit_totals(out, model);
	emit_chart(out, model);
	emit_compare(out, model, o);
	emit_subsystems(out, model);
	emit_small_tables(out, model);
	emit_hooks(out, model, o);
	emit_findings(out, model, o);
	emit_unresolved(out, model, o);
	emit_directories(out, model);
	sbuf_addf(out, "<script>\n%s</script>\n</body>\n</html>\n", script);
	free(title.s);
}
