// SPDX-License-Identifier: GPL-2.0
/*
 * Parse one file with libclang, classify its diagnostics, build the unit, run the checks.
 * Runs in a worker process (run.c), so a crash or a hang costs one file only.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

/* MMPREP_TIMING=1: phase times of each file on stderr (for tuning). */
static double timing_start;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void timing(const char *file, const char *phase)
{
	static int on = -1;
	double t;

	if (on < 0)
		on = getenv("MMPREP_TIMING") && *getenv("MMPREP_TIMING") == '1';
	if (!on)
		return;
	t = now_s();
	if (timing_start > 0)
		fprintf(stderr, "%s: %s %.3f s\n", file, phase, t - timing_start);
	timing_start = t;
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static bool has_word(const char *text, size_t len, const char *word, bool whole)
{
	size_t wl = strlen(word);
	const char *p = text, *end = text + len;

	while (p < end && (p = memmem(p, (size_t)(end - p), word, wl))) {
		if (!whole || ((p == text || !ident_char(p[-1])) &&
			       (p + wl >= end || !ident_char(p[wl]))))
			return true;
		p += wl;
	}
	return false;
}

/* "->mmap" not followed by an identifier character: mmap-presence's f_op->mmap tests. */
static bool has_member_mmap(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end && (p = memmem(p, (size_t)(end - p), "->mmap", 6))) {
		p += 6;
		if (p >= end || !ident_char(*p))
			return true;
	}
	return false;
}

/* Cheap test on the main file: can any check find anything here? */
bool prefilter_match(const char *path)
{
	static const char *const words[] = {
		"mmap_prepare", "vm_area_desc", "mmap_action", "success_hook", "error_hook",
		"error_override", "error_filter",
	};
	size_t len, i;
	char *text = read_file(path, &len);
	bool hit = false;

	if (!text)
		return true;	/* let the parser report it */
	for (i = 0; i < ARRAY_SIZE(words) && !hit; i++)
		hit = has_word(text, len, words[i], false);
	if (!hit)
		hit = has_word(text, len, "mapped", true);
	if (!hit)
		hit = has_member_mmap(text, len);
	free(text);
	return hit;
}

struct diag_info {
	enum CXDiagnosticSeverity sev;
	bool in_main;
	unsigned int line, col;
	char *where;			/* file:line:col for headers */
	char *msg;
	char *category;
};

static char *cxdup(CXString s)
{
	char *r = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

static const char *error_code_name(enum CXErrorCode ec)
{
	switch (ec) {
	case CXError_Failure:
		return "failure";
	case CXError_Crashed:
		return "libclang crashed";
	case CXError_InvalidArguments:
		return "invalid arguments";
	case CXError_ASTReadError:
		return "AST read error";
	default:
		return "unknown error";
	}
}

static void collect_diags(struct unit *u, struct diag_info **out, unsigned int *nout)
{
	unsigned int i, n = clang_getNumDiagnostics(u->tu), k = 0;
	struct diag_info *v = xcalloc(n ? n : 1, sizeof(*v));

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(u->tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		CXSourceLocation loc;
		CXFile file;
		struct diag_info *di;

		if (sev < CXDiagnostic_Error) {
			clang_disposeDiagnostic(d);
			continue;
		}
		di = &v[k++];
		di->sev = sev;
		loc = clang_getDiagnosticLocation(d);
		di->in_main = loc_in_main(u, loc, &di->line, &di->col);
		clang_getExpansionLocation(loc, &file, NULL, NULL, NULL);
		if (file)
			di->where = xasprintf("%s:%u:%u", clang_getCString(clang_getFileName(file)),
					      di->line, di->col);
		else
			di->where = xstrdup("<command line>");
		di->msg = cxdup(clang_getDiagnosticSpelling(d));
		di->category = cxdup(clang_getDiagnosticCategoryText(d));
		clang_disposeDiagnostic(d);
	}
	*out = v;
	*nout = k;
}

static void free_diags(struct diag_info *v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		free(v[i].where);
		free(v[i].msg);
		free(v[i].category);
	}
	free(v);
}

static bool is_missing_file(const struct diag_info *d)
{
	/* fatal, or an error under CXTranslationUnit_KeepGoing */
	return d->sev >= CXDiagnostic_Error && strstr(d->msg, "file not found");
}

static bool is_parse_error(const struct diag_info *d)
{
	return !strcmp(d->category, "Parse Issue") ||
	       !strcmp(d->category, "Lexical or Preprocessor Issue");
}

/* "'linux/random.h' file not found" -> "'linux/random.h' not found" */
static char *missing_reason(const char *msg)
{
	const char *q = msg[0] == '\'' ? strchr(msg + 1, '\'') : NULL;

	if (!q)
		return xstrdup(msg);
	return xasprintf("%.*s not found", (int)(q - msg + 1), msg);
}

static void note(struct records *out, const char *file, unsigned int line, unsigned int col,
		 const char *msg)
{
	records_add(out, REC_NOTE, file, line, col, NULL, NULL, msg);
}

void analyze_job(const struct options *opts, const struct job *job, struct records *out)
{
	struct unit u;
	CXIndex idx;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode ec;
	struct diag_info *diags = NULL;
	unsigned int ndiags = 0, i, main_errors = 0, header_errors = 0;
	const struct diag_info *first_main = NULL, *first_header = NULL, *missing = NULL;
	const struct diag_info *fatal = NULL;
	size_t first_rec = out->n;
	char *msg, *partial = NULL;

	if (opts->prefilter && !prefilter_match(job->path))
		return;
	/* test hook: MMPREP_TEST_CRASH=NAME makes the worker for file NAME crash */
	if (getenv("MMPREP_TEST_CRASH") && !strcmp(getenv("MMPREP_TEST_CRASH"), job->file))
		abort();
	timing(job->file, "start");
	idx = clang_createIndex(0, 0);
	ec = clang_parseTranslationUnit2(idx, job->path, (const char *const *)job->args.v,
					 (int)job->args.n, NULL, 0, CXTranslationUnit_KeepGoing,
					 &tu);
	if (ec != CXError_Success || !tu) {
		msg = xasprintf("cannot parse: libclang: %s", error_code_name(ec));
		records_add(out, REC_ERROR, job->file, 0, 0, NULL, NULL, msg);
		free(msg);
		clang_disposeIndex(idx);
		return;
	}
	memset(&u, 0, sizeof(u));
	u.tu = tu;
	u.main_file = clang_getFile(tu, job->path);
	u.file = job->file;
	u.opts = opts;
	u.api = opts->api;
	u.shims = job->shims;
	u.out = out;
	if (!u.main_file) {
		records_add(out, REC_ERROR, job->file, 0, 0, NULL, NULL,
			    "cannot parse: the file is not part of its translation unit");
		goto done;
	}

	timing(job->file, "parse");
	collect_diags(&u, &diags, &ndiags);
	for (i = 0; i < ndiags; i++) {
		if (is_missing_file(&diags[i]) && !missing)
			missing = &diags[i];
		if (diags[i].in_main && is_parse_error(&diags[i]) && !is_missing_file(&diags[i]) &&
		    !fatal)
			fatal = &diags[i];
	}
	if (fatal && !missing) {
		msg = xasprintf("cannot parse: %u:%u: %s", fatal->line, fatal->col, fatal->msg);
		records_add(out, REC_ERROR, job->file, 0, 0, NULL, NULL, msg);
		free(msg);
		goto done;
	}

	timing(job->file, "diagnostics");
	unit_build(&u);
	timing(job->file, "unit");
	for (i = 0; i < ndiags; i++) {
		const struct diag_info *di = &diags[i];

		if (di == missing)
			continue;
		if (di->in_main) {
			struct diag d = { di->msg, di->category, di->line, di->col,
					  func_at_line(&u, di->line) };

			if (run_diag_hooks(&u, &d))
				continue;
			if (!first_main)
				first_main = di;
			main_errors++;
		} else if (!is_missing_file(di)) {
			if (!first_header)
				first_header = di;
			header_errors++;
		}
	}
	if (missing) {
		msg = xasprintf("%s (at %s); the file was analysed without it, results may be "
				"incomplete", missing->msg, missing->where);
		note(out, job->file, 0, 0, msg);
		free(msg);
		partial = missing_reason(missing->msg);
	} else if (first_header) {
		partial = xasprintf("%u error%s in included headers", header_errors,
				    header_errors > 1 ? "s" : "");
	} else if (first_main) {
		partial = xasprintf("%u error%s in this file", main_errors,
				    main_errors > 1 ? "s" : "");
	}
	if (first_main && !missing) {
		msg = xasprintf("%u error%s in this file (first: %u:%u: %s); code clang could not "
				"type-check is analysed partially", main_errors,
				main_errors > 1 ? "s" : "", first_main->line, first_main->col,
				first_main->msg);
		note(out, job->file, 0, 0, msg);
		free(msg);
	}
	if (first_header && !missing) {
		msg = xasprintf("%u error%s in included headers (first: %s: %s); results may be "
				"incomplete", header_errors, header_errors > 1 ? "s" : "",
				first_header->where, first_header->msg);
		note(out, job->file, 0, 0, msg);
		free(msg);
	}
	run_checks(&u);
	timing(job->file, "checks");
	/* every record of a file analysed in part says so: it is not a clean result */
	records_set_partial(out, first_rec, partial);
	free(partial);
done:
	free_diags(diags, ndiags);
	free(u.funcs);
	free(u.globals);
	arena_free(&u.arena);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	timing(job->file, "dispose");
}
