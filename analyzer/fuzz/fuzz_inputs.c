// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the two readers of untrusted input in front of the parser: the
 * command line (our options and the compiler flags Kbuild hands us) and the compile
 * database (compile_commands.json through libclang, then our flag filtering).
 *
 * Input: the first byte picks the reader, the rest is its input.
 *   0  a command line: arguments separated by NUL bytes (argv[0] is added)
 *   1  the text of compile_commands.json, read with -p from a scratch folder
 * Options that print and exit (--help, --version, --list-checks) are skipped; files named
 * on a command line are not opened (a fuzzed "/" would walk the whole disk): make_jobs()
 * runs for the database only.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char *scratch;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char tmpl[] = "/tmp/mmprep-fuzz.XXXXXX";

	(void)argc;
	(void)argv;
	if (!mkdtemp(tmpl))
		abort();
	scratch = strdup(tmpl);
	/* a fuzzed path into a kernel tree must never start a kernel build */
	setenv("MMPREP_KERNEL_CONFIG", "/nonexistent/kernel-config", 1);
	return 0;
}

static void free_options(struct options *opts)
{
	strv_free(&opts->files);
	strv_free(&opts->cflags);
	free(opts->enabled);
	free(opts->shim_dir);
	free(opts->build_dir);
}

static bool exits(const char *a)
{
	return !strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "--version") ||
	       !strcmp(a, "--list-checks");
}

static void fuzz_cmdline(const uint8_t *data, size_t size)
{
	struct options opts = { 0 };
	struct strv args = { 0 };
	const uint8_t *p = data, *end = data + size;

	strv_push(&args, "mmprep-check");
	while (p < end) {
		const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
		size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);
		char *a = xstrndup((const char *)p, n);

		if (exits(a))
			free(a);
		else
			strv_push_own(&args, a);
		p += n + 1;
	}
	parse_cmdline((int)args.n, args.v, &opts);
	free_options(&opts);
	strv_free(&args);
}

static void fuzz_database(const uint8_t *data, size_t size)
{
	char *json = xasprintf("%s/compile_commands.json", scratch);
	char *argv[] = { "mmprep-check", "-p", scratch, NULL };
	struct options opts = { 0 };
	struct job *jobs = NULL;
	size_t njobs = 0;
	FILE *f = fopen(json, "wb");

	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	if (!parse_cmdline(3, argv, &opts)) {
		make_jobs(&opts, &jobs, &njobs);
		free_jobs(jobs, njobs);
	}
	free_options(&opts);
	unlink(json);
	free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if (data[0] & 1)
		fuzz_database(data + 1, size - 1);
	else
		fuzz_cmdline(data + 1, size - 1);
	return 0;
}
