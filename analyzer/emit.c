// SPDX-License-Identifier: GPL-2.0
/*
 * Output: text (compiler style), JSON lines (the shared record format), SARIF 2.1.0.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "check.h"

static const char *status_name(enum rec_kind k)
{
	switch (k) {
	case REC_FINDING:
		return "finding";
	case REC_TIMEOUT:
		return "timeout";
	case REC_NOTE:
		return "note";
	default:
		return "error";
	}
}

/* "note" or "warning": what a finding is printed as. */
static const char *severity_name(const struct record *r)
{
	return r->severity == SEV_NOTE ? "note" : "warning";
}

static void emit_stderr(const struct options *opts, const struct record *r)
{
	const char *what = r->kind == REC_NOTE ? "note" : "error";

	if (r->kind == REC_NOTE && opts->quiet_notes)
		return;
	if (r->line)
		fprintf(stderr, "%s:%u:%u: %s: %s\n", r->file, r->line, r->col, what, r->message);
	else
		fprintf(stderr, "%s: %s: %s\n", r->file, what, r->message);
}

/* Findings on stdout, or on stderr under Kbuild's CHECK= protocol (as sparse prints them). */
static void emit_text(const struct options *opts, const struct records *rs)
{
	FILE *out = opts->kbuild > 0 ? stderr : stdout;
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct record *r = &rs->v[i];

		if (r->kind != REC_FINDING)
			continue;
		/* a file analysed in part says so on each finding, before the [check] tag */
		fprintf(out, "%s:%u:%u: %s: %s%s%s%s [%s]\n", r->file, r->line, r->col,
			severity_name(r), r->message, r->partial ? " (partial: " : "",
			r->partial ? r->partial : "", r->partial ? ")" : "", r->check);
	}
	fflush(out);
	for (i = 0; i < rs->n; i++)
		if (rs->v[i].kind != REC_FINDING)
			emit_stderr(opts, &rs->v[i]);
}

static json_t *int_or_null(unsigned int v)
{
	return v ? json_integer(v) : json_null();
}

static void emit_json(const struct options *opts, const struct records *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct record *r = &rs->v[i];
		int id = r->check ? check_lookup(r->check) : -1;
		json_t *o;
		char *s;

		o = json_object();
		json_object_set_new(o, "tool", json_string(TOOL_NAME));
		json_object_set_new(o, "file", jstr(r->file));
		json_object_set_new(o, "line", int_or_null(r->line));
		json_object_set_new(o, "column", int_or_null(r->col));
		json_object_set_new(o, "function", jstr_or_null(r->function));
		json_object_set_new(o, "check", jstr_or_null(r->check));
		json_object_set_new(o, "rule", id >= 0 ? json_string(check_table[id].rule) :
				    json_null());
		json_object_set_new(o, "severity", json_string(r->kind == REC_FINDING ?
							       severity_name(r) :
							       r->kind == REC_NOTE ? "note" :
							       "error"));
		json_object_set_new(o, "message", jstr(r->message));
		json_object_set_new(o, "status", json_string(status_name(r->kind)));
		json_object_set_new(o, "hook", jstr_or_null(r->hook));
		json_object_set_new(o, "api", json_string(api_name(opts->api)));
		/* why the file was analysed in part (a missing header, ...), or null */
		json_object_set_new(o, "partial", jstr_or_null(r->partial));
		s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (s)
			puts(s);
		free(s);
		json_decref(o);
		if (r->kind != REC_FINDING)
			emit_stderr(opts, r);
	}
}

/* SARIF wants paths relative to the run's base (the current directory) as URIs. */
static char *relative_path(const char *file)
{
	char cwd[PATH_MAX], abs[PATH_MAX];
	struct sbuf b = { 0 };
	const char *p;
	size_t n;

	if (file[0] == '/' && getcwd(cwd, sizeof(cwd)) && realpath(file, abs)) {
		const char *c = cwd, *a = abs;
		size_t common = 0, i;

		n = strlen(cwd);
		if (!strncmp(abs, cwd, n) && abs[n] == '/')
			return xstrdup(abs + n + 1);
		/* longest common directory prefix, then ../ for each remaining cwd part */
		for (i = 0; c[i] && c[i] == a[i]; i++)
			if (c[i] == '/')
				common = i;
		if (!c[i] && a[i] == '/')
			common = i;
		for (p = cwd + common; *p; p++)
			if (*p == '/')
				sbuf_add(&b, "../");
		sbuf_add(&b, abs + common + 1);
		return b.s;
	}
	p = file;
	while (!strncmp(p, "./", 2))
		p += 2;
	return xstrdup(p);
}

static char *uri_encode(const char *s)
{
	struct sbuf b = { 0 };

	sbuf_add(&b, "");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c))
			sbuf_addc(&b, (char)c);
		else
			sbuf_addf(&b, "%%%02X", c);
	}
	return b.s;
}

static unsigned long long fnv1a(const char *s, unsigned long long h)
{
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			continue;	/* line numbers in messages must not change the print */
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static json_t *sarif_location(const struct record *r, bool with_region)
{
	char *rel = relative_path(r->file), *uri = uri_encode(rel);
	json_t *loc = json_object(), *phys = json_object(), *art = json_object();

	json_object_set_new(art, "uri", jstr(uri));
	json_object_set_new(art, "uriBaseId", json_string("SRCROOT"));
	json_object_set_new(phys, "artifactLocation", art);
	if (with_region && r->line) {
		json_t *region = json_object();

		json_object_set_new(region, "startLine", json_integer(r->line));
		json_object_set_new(region, "startColumn", json_integer(r->col ? r->col : 1));
		json_object_set_new(phys, "region", region);
	}
	json_object_set_new(loc, "physicalLocation", phys);
	if (r->function) {
		json_t *ll = json_array(), *l = json_object();

		json_object_set_new(l, "name", jstr(r->function));
		json_object_set_new(l, "kind", json_string("function"));
		json_array_append_new(ll, l);
		json_object_set_new(loc, "logicalLocations", ll);
	}
	free(rel);
	free(uri);
	return loc;
}

static void emit_sarif(const struct options *opts, const struct records *rs, int argc,
		       char **argv)
{
	json_t *root = json_object(), *runs = json_array(), *run = json_object();
	json_t *tool = json_object(), *driver = json_object(), *rules = json_array();
	json_t *results = json_array(), *inv = json_object(), *invs = json_array();
	json_t *notes = json_array(), *base = json_object(), *srcroot = json_object();
	struct sbuf cmd = { 0 };
	char cwd[PATH_MAX];
	bool ok = true;
	size_t i;
	int id;
	char *s;

	json_object_set_new(root, "$schema",
			    json_string("https://json.schemastore.org/sarif-2.1.0.json"));
	json_object_set_new(root, "version", json_string("2.1.0"));
	json_object_set_new(driver, "name", json_string(TOOL_NAME));
	json_object_set_new(driver, "version", json_string(MMPREP_VERSION));
	json_object_set_new(driver, "semanticVersion", json_string(MMPREP_VERSION ".0"));
	for (id = 0; id < NR_CHECKS; id++) {
		json_t *rule = json_object(), *sd = json_object(), *cfg = json_object();
		json_t *props = json_object();

		json_object_set_new(rule, "id", json_string(check_table[id].name));
		json_object_set_new(sd, "text", json_string(check_table[id].desc));
		json_object_set_new(rule, "shortDescription", sd);
		json_object_set_new(cfg, "level", json_string("warning"));
		json_object_set_new(cfg, "enabled", json_boolean(opts->enabled[id]));
		json_object_set_new(rule, "defaultConfiguration", cfg);
		json_object_set_new(props, "apiRule", json_string(check_table[id].rule));
		json_object_set_new(rule, "properties", props);
		json_array_append_new(rules, rule);
	}
	json_object_set_new(driver, "rules", rules);
	json_object_set_new(tool, "driver", driver);
	json_object_set_new(run, "tool", tool);

	if (getcwd(cwd, sizeof(cwd))) {
		char *uri = uri_encode(cwd);
		char *full = xasprintf("file://%s/", uri);

		json_object_set_new(srcroot, "uri", json_string(full));
		free(uri);
		free(full);
	}
	json_object_set_new(base, "SRCROOT", srcroot);
	json_object_set_new(run, "originalUriBaseIds", base);

	for (i = 0; i < rs->n; i++) {
		const struct record *r = &rs->v[i];
		json_t *res, *msg, *locs, *fp;
		unsigned long long h;
		char hex[32];

		if (r->kind != REC_FINDING) {
			json_t *n = json_object(), *m = json_object(), *nl = json_array();

			if (r->kind != REC_NOTE)
				ok = false;
			json_object_set_new(n, "level", json_string(r->kind == REC_NOTE ? "note" :
								    "error"));
			json_object_set_new(m, "text", jstr(r->message));
			json_object_set_new(n, "message", m);
			json_array_append_new(nl, sarif_location(r, true));
			json_object_set_new(n, "locations", nl);
			json_array_append_new(notes, n);
			if (r->kind != REC_NOTE)
				emit_stderr(opts, r);
			continue;
		}
		id = check_lookup(r->check);
		res = json_object();
		msg = json_object();
		locs = json_array();
		fp = json_object();
		json_object_set_new(res, "ruleId", json_string(r->check));
		json_object_set_new(res, "ruleIndex", json_integer(id));
		json_object_set_new(res, "level", json_string(severity_name(r)));
		json_object_set_new(msg, "text", jstr(r->message));
		json_object_set_new(res, "message", msg);
		json_array_append_new(locs, sarif_location(r, true));
		json_object_set_new(res, "locations", locs);
		h = fnv1a(r->file, 1469598103934665603ULL);
		h = fnv1a(r->check, h);
		h = fnv1a(r->function ? r->function : "", h);
		h = fnv1a(r->message, h);
		snprintf(hex, sizeof(hex), "%016llx", h);
		json_object_set_new(fp, "mmprepFingerprint/v1", json_string(hex));
		json_object_set_new(res, "partialFingerprints", fp);
		if (r->partial) {
			json_t *props = json_object();

			/* the file's toolExecutionNotification (a note) says why, too */
			json_object_set_new(props, "partial", jstr(r->partial));
			json_object_set_new(res, "properties", props);
		}
		json_array_append_new(results, res);
	}
	for (i = 0; i < (size_t)argc; i++) {
		if (i)
			sbuf_addc(&cmd, ' ');
		sbuf_add(&cmd, argv[i]);
	}
	json_object_set_new(inv, "executionSuccessful", json_boolean(ok));
	json_object_set_new(inv, "commandLine", jstr(cmd.s ? cmd.s : ""));
	json_object_set_new(inv, "toolExecutionNotifications", notes);
	json_array_append_new(invs, inv);
	json_object_set_new(run, "invocations", invs);
	json_object_set_new(run, "results", results);
	json_array_append_new(runs, run);
	json_object_set_new(root, "runs", runs);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (s)
		puts(s);
	free(s);
	free(cmd.s);
	json_decref(root);
}

void emit(const struct options *opts, const struct records *rs, int argc, char **argv)
{
	switch (opts->format) {
	case FMT_JSON:
		emit_json(opts, rs);
		break;
	case FMT_SARIF:
		emit_sarif(opts, rs, argc, argv);
		break;
	default:
		emit_text(opts, rs);
		break;
	}
	fflush(stdout);
}
