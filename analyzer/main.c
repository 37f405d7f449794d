// SPDX-License-Identifier: GPL-2.0
/*
 * mmprep-check: a libclang checker for f_op->mmap_prepare code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#ifdef MMPREP_SANITIZE
/* LeakSanitizer: libclang keeps some allocations for the life of the process. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libclang\nleak:libLLVM\n";
}
#endif

static void print_quoted(const char *s)
{
	const char *p;

	putchar(' ');
	if (*s && !s[strcspn(s, " \t\n'\"\\$`*?[]{}()<>|&;#~")]) {
		fputs(s, stdout);
		return;
	}
	putchar('\'');
	for (p = s; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*p);
	}
	putchar('\'');
}

/* The equivalent clang command per file, for comparing against clang -fsyntax-only. */
static void print_clang_args(const struct job *jobs, size_t njobs)
{
	size_t i, k;

	for (i = 0; i < njobs; i++) {
		fputs("clang -fsyntax-only", stdout);
		for (k = 0; k < jobs[i].args.n; k++)
			print_quoted(jobs[i].args.v[k]);
		print_quoted(jobs[i].path);
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	struct options opts = { 0 };
	struct records rs = { 0 };
	struct job *jobs = NULL;
	size_t njobs = 0, i;
	int ret;
	bool findings = false, errors = false;

	ret = parse_cmdline(argc, argv, &opts);
	if (!ret) {
		register_checks(&opts);
		ret = make_jobs(&opts, &jobs, &njobs);
		shard_jobs(&opts, jobs, &njobs);
	}
	if (!ret && opts.print_args) {
		print_clang_args(jobs, njobs);
	} else if (!ret) {
		run_jobs(&opts, jobs, njobs, &rs);
		records_sort(&rs);
		emit(&opts, &rs, argc, argv);
		for (i = 0; i < rs.n; i++) {
			if (rs.v[i].kind == REC_FINDING)
				findings |= rs.v[i].severity != SEV_NOTE;
			else if (rs.v[i].kind != REC_NOTE)
				errors = true;
		}
		ret = errors ? 2 : (findings && !opts.exit_zero) ? 1 : 0;
	}
	records_free(&rs);
	free_jobs(jobs, njobs);
	strv_free(&opts.files);
	strv_free(&opts.cflags);
	free(opts.enabled);
	free(opts.shim_dir);
	free(opts.build_dir);
	return ret;
}
