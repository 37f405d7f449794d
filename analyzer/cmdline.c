// SPDX-License-Identifier: GPL-2.0
/*
 * Command line: our options, the compiler flags Kbuild or a compile database hand us, and
 * the filtering of those flags into something libclang can parse with.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>

#include "check.h"

#ifndef SHIM_DIR
#define SHIM_DIR "/usr/local/share/mmprep/include"
#endif

static void usage(FILE *f)
{
	fprintf(f,
"Usage: " TOOL_NAME " [options] FILE... [-- COMPILER FLAGS]\n"
"       " TOOL_NAME " [options] -p BUILD_DIR [FILE...]\n"
"       make C=1 CHECK=" TOOL_NAME " (Kbuild: a whole compiler command line, file last)\n"
"\n"
"Checks code that uses or moves to f_op->mmap_prepare(desc).\n"
"\n"
"Options:\n"
"  --format=text|json|sarif  output format (default text)\n"
"  --api=6.19|7.0|7.1|7.2    kernel API level for messages and shim headers (default 7.2)\n"
"  --enable=LIST, --disable=LIST\n"
"                            comma-separated check names (see --list-checks); 'all' too\n"
"  -W<check>, -Wno-<check>   enable or disable one check (other -W flags are compiler flags)\n"
"  -p BUILD_DIR              read compile_commands.json from BUILD_DIR; with no FILE, check\n"
"                            every entry\n"
"  -j N                      parse N files in parallel (output is the same for any N)\n"
"  --timeout=SECONDS         give up on a file after SECONDS (default 120, 0 = never)\n"
"  --no-prefilter            parse files even if they mention no mmap_prepare API\n"
"  --shims, --no-shims       force or forbid the bundled headers (default: used unless\n"
"                            the flags carry -nostdinc, as kernel builds do, or -p is used)\n"
"  --shim-dir=DIR            where the bundled headers are (default: next to the binary)\n"
"  --exit-zero               exit 0 even with findings (for make C=1 without -k)\n"
"  --kbuild, --no-kbuild     text findings on stderr, as Kbuild's CHECK= tools (sparse) print\n"
"                            them (default: when the flags carry -nostdinc and -D__KERNEL__)\n"
"  --quiet                   no notes on stderr\n"
"  --print-clang-args        print the clang command each file is parsed with, and exit\n"
"  --shard=I/N               check only the I-th of N deterministic parts of the file list\n"
"  --list-checks             list the checks and exit\n"
"  --version, --help\n"
"\n"
"Exit status: 0 clean, 1 findings, 2 usage or input error.\n");
}

static bool set_checks(struct options *opts, const char *list, bool on)
{
	char *copy = xstrdup(list), *tok, *save = NULL;
	bool ok = true;
	int id, i;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "all")) {
			for (i = 0; i < NR_CHECKS; i++)
				opts->enabled[i] = on;
			continue;
		}
		id = check_lookup(tok);
		if (id < 0) {
			fprintf(stderr, TOOL_NAME ": error: unknown check '%s' (see --list-checks)\n",
				tok);
			ok = false;
			break;
		}
		opts->enabled[id] = on;
	}
	free(copy);
	return ok;
}

/* Compiler flags whose argument may come as the next word. */
static bool takes_separate_arg(const char *a)
{
	static const char *const flags[] = {
		"-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-iprefix",
		"-iwithprefix", "-iwithprefixbefore", "-isysroot", "--sysroot", "-D", "-U", "-o",
		"-MF", "-MT", "-MQ", "-x", "-Xclang", "-Xassembler", "-Xlinker", "-Xpreprocessor",
		"-target", "--param", "-aux-info", "-B", "-L", "-u", "-T", "-z", "-arch",
		"-main-file-name", "-working-directory",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (!strcmp(a, flags[i]))
			return true;
	return false;
}

static bool want_value(int i, int argc, const char *opt)
{
	if (i + 1 >= argc) {
		fprintf(stderr, TOOL_NAME ": error: option '%s' needs a value\n", opt);
		return false;
	}
	return true;
}

static bool parse_number(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return !errno && end != s && !*end && *out >= 0;
}

/*
 * Kbuild's checker protocol: make C=1 CHECK=tool runs "tool $(CHECKFLAGS) $(c_flags) file.c",
 * a compiler command line that always carries -nostdinc and -D__KERNEL__. Sparse and smatch
 * print their warnings on stderr there, and make -s shows only stderr; so do we. Flags given
 * after "--" are the user's own and do not count.
 */
static bool kbuild_command_line(const struct strv *cflags)
{
	bool nostdinc = false, kernel = false;
	size_t i;

	for (i = 0; i < cflags->n; i++) {
		const char *a = cflags->v[i];

		if (!strcmp(a, "--"))
			break;
		if (!strcmp(a, "-nostdinc"))
			nostdinc = true;
		else if (!strcmp(a, "-D__KERNEL__") || (!strcmp(a, "-D") && i + 1 < cflags->n &&
							   !strcmp(cflags->v[i + 1], "__KERNEL__")))
			kernel = true;
	}
	return nostdinc && kernel;
}

int parse_cmdline(int argc, char **argv, struct options *opts)
{
	bool after_dashdash = false;
	double num;
	int i, id;

	opts->api = API_DEFAULT;
	opts->format = FMT_TEXT;
	opts->jobs = 1;
	opts->timeout = 120;
	opts->prefilter = true;
	opts->shims = -1;
	opts->kbuild = -1;
	opts->enabled = xcalloc(NR_CHECKS, sizeof(bool));
	for (i = 0; i < NR_CHECKS; i++)
		opts->enabled[i] = true;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (after_dashdash) {
			strv_push(&opts->cflags, a);
			continue;
		}
		if (!strcmp(a, "--")) {
			after_dashdash = true;
			strv_push(&opts->cflags, a);	/* a marker for kbuild_command_line() */
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--version")) {
			printf(TOOL_NAME " %s (libclang: %s)\n", MMPREP_VERSION,
			       clang_getCString(clang_getClangVersion()));
			exit(0);
		} else if (!strcmp(a, "--list-checks")) {
			for (id = 0; id < NR_CHECKS; id++)
				printf("%-18s %-4s %s\n", check_table[id].name, check_table[id].rule,
				       check_table[id].desc);
			exit(0);
		} else if (!strncmp(a, "--format=", 9) || !strcmp(a, "--format")) {
			const char *v = a + 9;

			if (!a[8]) {
				if (!want_value(i, argc, a))
					return 2;
				v = argv[++i];
			}
			if (!strcmp(v, "text")) {
				opts->format = FMT_TEXT;
			} else if (!strcmp(v, "json")) {
				opts->format = FMT_JSON;
			} else if (!strcmp(v, "sarif")) {
				opts->format = FMT_SARIF;
			} else {
				fprintf(stderr, TOOL_NAME ": error: unknown format '%s' (text, json, "
					"sarif)\n", v);
				return 2;
			}
		} else if (!strncmp(a, "--api=", 6)) {
			opts->api = api_parse(a + 6);
			if (opts->api < 0) {
				fprintf(stderr, TOOL_NAME ": error: unknown API level '%s' (%s)\n",
					a + 6, api_list());
				return 2;
			}
		} else if (!strncmp(a, "--enable=", 9)) {
			if (!set_checks(opts, a + 9, true))
				return 2;
		} else if (!strncmp(a, "--disable=", 10)) {
			if (!set_checks(opts, a + 10, false))
				return 2;
		} else if (!strncmp(a, "-Wno-", 5) && check_lookup(a + 5) >= 0) {
			opts->enabled[check_lookup(a + 5)] = false;
		} else if (!strncmp(a, "-W", 2) && check_lookup(a + 2) >= 0) {
			opts->enabled[check_lookup(a + 2)] = true;
		} else if (!strcmp(a, "-j") || !strncmp(a, "--jobs=", 7) ||
			   (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9')) {
			const char *v = a[1] == 'j' ? a + 2 : a + 7;

			if (!strcmp(a, "-j")) {
				if (!want_value(i, argc, a))
					return 2;
				v = argv[++i];
			}
			if (!parse_number(v, &num) || num < 1 || num > 1024) {
				fprintf(stderr, TOOL_NAME ": error: bad job count '%s'\n", v);
				return 2;
			}
			opts->jobs = (int)num;
		} else if (!strncmp(a, "--timeout=", 10)) {
			if (!parse_number(a + 10, &opts->timeout)) {
				fprintf(stderr, TOOL_NAME ": error: bad timeout '%s'\n", a + 10);
				return 2;
			}
		} else if (!strcmp(a, "-p") || !strncmp(a, "--build-dir=", 12)) {
			if (a[1] == 'p') {
				if (!want_value(i, argc, a))
					return 2;
				free(opts->build_dir);
				opts->build_dir = xstrdup(argv[++i]);
			} else {
				free(opts->build_dir);
				opts->build_dir = xstrdup(a + 12);
			}
		} else if (!strcmp(a, "--no-prefilter")) {
			opts->prefilter = false;
		} else if (!strcmp(a, "--prefilter")) {
			opts->prefilter = true;
		} else if (!strcmp(a, "--shims")) {
			opts->shims = 1;
		} else if (!strcmp(a, "--no-shims")) {
			opts->shims = 0;
		} else if (!strncmp(a, "--shim-dir=", 11)) {
			free(opts->shim_dir);
			opts->shim_dir = xstrdup(a + 11);
		} else if (!strcmp(a, "--kbuild")) {
			opts->kbuild = 1;
		} else if (!strcmp(a, "--no-kbuild")) {
			opts->kbuild = 0;
		} else if (!strcmp(a, "--exit-zero")) {
			opts->exit_zero = true;
		} else if (!strcmp(a, "--quiet")) {
			opts->quiet_notes = true;
		} else if (!strncmp(a, "--shard=", 8)) {
			if (sscanf(a + 8, "%d/%d", &opts->shard_index, &opts->shard_count) != 2 ||
			    opts->shard_count < 1 || opts->shard_index < 1 ||
			    opts->shard_index > opts->shard_count) {
				fprintf(stderr, TOOL_NAME ": error: bad shard '%s' (I/N with "
					"1 <= I <= N)\n", a + 8);
				return 2;
			}
		} else if (!strcmp(a, "--print-clang-args")) {
			opts->print_args = true;
		} else if (!strncmp(a, "--", 2) && a[2] && !strchr(a, '=') &&
			   strcmp(a, "--sysroot") && strcmp(a, "--param")) {
			fprintf(stderr, TOOL_NAME ": error: unknown option '%s' (see --help)\n", a);
			return 2;
		} else if (a[0] == '-' && a[1]) {
			strv_push(&opts->cflags, a);
			if (takes_separate_arg(a) && i + 1 < argc)
				strv_push(&opts->cflags, argv[++i]);
		} else {
			strv_push(&opts->files, a);
		}
	}
	if (!opts->files.n && !opts->build_dir) {
		fprintf(stderr, TOOL_NAME ": error: no input files (see --help)\n");
		return 2;
	}
	if (opts->kbuild < 0)
		opts->kbuild = kbuild_command_line(&opts->cflags);
	return 0;
}

/* Flag filtering: keep what changes how the file parses, drop the rest. */

static bool prefix_is(const char *a, const char *p)
{
	return !strncmp(a, p, strlen(p));
}

static char *resolve(const char *dir, const char *path)
{
	if (!dir || path[0] == '/')
		return xstrdup(path);
	return xasprintf("%s/%s", dir, path);
}

static bool keep_joined(const char *a)
{
	static const char *const exact[] = {
		"-nostdinc", "-nostdlibinc", "-m32", "-m64", "-mx32", "-fshort-wchar",
		"-funsigned-char", "-fsigned-char", "-fms-extensions", "-ffreestanding",
		"-fgnu89-inline", "-ansi", "-undef", "-trigraphs", "-fno-short-wchar",
	};
	static const char *const prefixes[] = {
		"-D", "-U", "-std=", "-O", "--target=", "-fno-builtin",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exact); i++)
		if (!strcmp(a, exact[i]))
			return true;
	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (prefix_is(a, prefixes[i]))
			return true;
	return false;
}

/*
 * in: compiler flags (Kbuild, compile database or after --); out: clang arguments.
 * Dependency output (-MD, -MF, -Wp,-MMD,...), -o, -c, warnings, -Werror and gcc-only
 * options are dropped so nothing is written into the tree and gcc flags cannot fail the
 * parse. Relative paths are resolved against dir (a compile database entry's directory).
 */
static void filter_flags(char **in, size_t n, const char *dir, struct strv *out,
			 bool *nostdinc)
{
	static const char *const path_flags[] = {
		"-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
	};
	size_t i, k;

	for (i = 0; i < n; i++) {
		const char *a = in[i];
		bool handled = false;

		if (a[0] != '-' || !a[1])
			continue;	/* a positional: the source file */
		if (!strcmp(a, "-nostdinc"))
			*nostdinc = true;
		for (k = 0; k < ARRAY_SIZE(path_flags); k++) {
			size_t len = strlen(path_flags[k]);

			if (strncmp(a, path_flags[k], len))
				continue;
			if (!a[len]) {
				if (i + 1 < n) {
					strv_push(out, a);
					strv_push_own(out, resolve(dir, in[++i]));
				}
			} else if (k == 0 && dir && a[len] != '/') {	/* -Ifoo */
				strv_push_own(out, xasprintf("-I%s/%s", dir, a + len));
			} else {
				strv_push(out, a);
			}
			handled = true;
			break;
		}
		if (handled)
			continue;
		if (!strcmp(a, "-D") || !strcmp(a, "-U") || !strcmp(a, "-x") ||
		    !strcmp(a, "-target")) {
			if (i + 1 < n) {
				strv_push(out, a);
				strv_push(out, in[++i]);
			}
			continue;
		}
		if (takes_separate_arg(a)) {
			i++;		/* -o FILE, -MF FILE, ...: dropped with their argument */
			continue;
		}
		if (keep_joined(a))
			strv_push(out, a);
	}
}

static char *find_shim_dir(const struct options *opts)
{
	static const char *const rel[] = { "include", "../share/mmprep/include" };
	const char *env = getenv("MMPREP_INCLUDE");
	char *found;

	if (opts->shim_dir)
		return xstrdup(opts->shim_dir);
	if (env && *env)
		return xstrdup(env);
	found = beside_exe(rel, ARRAY_SIZE(rel), true);
	return found ? found : xstrdup(SHIM_DIR);
}

static bool has_stddef(const char *dir)
{
	char *p = xasprintf("%s/stddef.h", dir);
	bool ok = !access(p, R_OK);

	free(p);
	return ok;
}

/*
 * clang's own headers (stddef.h, stdarg.h, stdint.h, ...) for the shims, which need
 * -nostdinc to keep the host's libc out. Found as clang-tidy finds them: the resource
 * folder lib/clang/VERSION/include beside the libclang in use; then the one of the LLVM we
 * were built with; MMPREP_CLANG_RESOURCE_DIR overrides both. NULL if none has stddef.h.
 */
static const char *clang_resource_include(void)
{
	static bool done;
	static char *found;
	const char *env = getenv("MMPREP_CLANG_RESOURCE_DIR");
	CXString cxver;
	const char *v;
	char lib[PATH_MAX], *ver, *slash, *cand[5] = { NULL };
	Dl_info info;
	size_t i;

	if (done)
		return found;
	done = true;
	cxver = clang_getClangVersion();
	v = strstr(clang_getCString(cxver), "version ");
	ver = xstrndup(v ? v + 8 : "", v ? strcspn(v + 8, " ") : 0);
	clang_disposeString(cxver);
	if (env && *env)
		cand[0] = xasprintf("%s/include", env);
	if (dladdr((void *)clang_getClangVersion, &info) && info.dli_fname &&
	    realpath(info.dli_fname, lib) && (slash = strrchr(lib, '/'))) {
		*slash = 0;
		cand[1] = xasprintf("%s/clang/%s/include", lib, ver);
		cand[2] = xasprintf("%s/../lib/clang/%s/include", lib, ver);
	}
	/* Debian and Ubuntu keep it under /usr/lib/llvm-MAJOR */
	cand[3] = xasprintf("/usr/lib/llvm-%d/lib/clang/%s/include", atoi(ver), ver);
#ifdef CLANG_RESOURCE_DIR
	cand[4] = xstrdup(CLANG_RESOURCE_DIR "/include");
#endif
	for (i = 0; i < ARRAY_SIZE(cand); i++) {
		if (!found && cand[i] && has_stddef(cand[i]))
			found = realpath(cand[i], lib) ? xstrdup(lib) : xstrdup(cand[i]);
		free(cand[i]);
	}
	free(ver);
	return found;
}

/*
 * The configuration the shims stand for: x86-64 with an MMU and the options mmap code is
 * commonly built under (FS_DAX: DAX mappings of filesystems and device-dax), matching the
 * x86_64 defconfig + FS_DAX of kernel-tree mode. linux/kconfig.h gives IS_ENABLED().
 */
static const char *const shim_config[] = {
	"-DCONFIG_MMU=1", "-DCONFIG_64BIT=1", "-DCONFIG_X86=1", "-DCONFIG_X86_64=1",
	"-DCONFIG_FS_DAX=1", "-DCONFIG_PCI=1", "-DCONFIG_HAS_IOMEM=1", "-DCONFIG_HAS_DMA=1",
	"-DCONFIG_SHMEM=1", "-DCONFIG_PROC_FS=1", "-DCONFIG_SYSFS=1",
};

/* Kbuild's -DKBUILD_MODNAME="name" for a file: its base name, '-' as '_' (pr_fmt, drivers) */
static char *modname_define(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strcspn(base, ".");
	char *name = xstrndup(base, n), *p, *def;

	for (p = name; *p; p++)
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9')))
			*p = '_';
	def = xasprintf("-DKBUILD_MODNAME=\"%s\"", name);
	free(name);
	return def;
}

static void add_common_args(const struct options *opts, struct job *j, bool shims,
			    const char *shim_dir, bool tree)
{
	bool has_modname = false;
	const char *res;
	size_t i;

	for (i = 0; i < j->args.n; i++)
		if (!strncmp(j->args.v[i], "-DKBUILD_MODNAME=", 17))
			has_modname = true;
	/* kernel headers must not see our level: in a tree --api changes messages only */
	if (!tree)
		strv_push_own(&j->args, xasprintf("-DMMPREP_API=%d", opts->api));
	if (shims) {
		strv_push(&j->args, "-nostdinc");
		strv_push_own(&j->args, xasprintf("-I%s", shim_dir));
		res = clang_resource_include();
		if (res) {
			strv_push(&j->args, "-isystem");
			strv_push(&j->args, res);
		}
		strv_push(&j->args, "-D__KERNEL__");
		strv_push(&j->args, "-std=gnu11");
		for (i = 0; i < ARRAY_SIZE(shim_config); i++)
			strv_push(&j->args, shim_config[i]);
		strv_push(&j->args, "-include");
		strv_push_own(&j->args, xasprintf("%s/linux/kconfig.h", shim_dir));
		if (!has_modname)
			strv_push_own(&j->args, modname_define(j->path));
	}
	strv_push(&j->args, "-w");
	strv_push(&j->args, "-ferror-limit=0");
	j->shims = shims;
}

static char *display_name(const char *path)
{
	char cwd[PATH_MAX];
	size_t n;

	if (path[0] != '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	n = strlen(cwd);
	if (!strncmp(path, cwd, n) && path[n] == '/')
		return xstrdup(path + n + 1);
	return xstrdup(path);
}

static struct job *new_job(struct job **jobs, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*jobs = xrealloc(*jobs, *cap * sizeof(**jobs));
	}
	memset(&(*jobs)[*n], 0, sizeof(**jobs));
	return &(*jobs)[(*n)++];
}

static void job_from_command(const struct options *opts, struct job *j, CXCompileCommand cmd,
			     const char *shim_dir)
{
	CXString dir_s = clang_CompileCommand_getDirectory(cmd);
	CXString file_s = clang_CompileCommand_getFilename(cmd);
	const char *dir = clang_getCString(dir_s);
	unsigned int i, n = clang_CompileCommand_getNumArgs(cmd);
	struct strv raw = { 0 };
	bool nostdinc = false;
	char abs[PATH_MAX];

	for (i = 1; i < n; i++) {
		CXString a = clang_CompileCommand_getArg(cmd, i);

		strv_push(&raw, clang_getCString(a));
		clang_disposeString(a);
	}
	j->path = resolve(dir, clang_getCString(file_s));
	if (realpath(j->path, abs)) {
		free(j->path);
		j->path = xstrdup(abs);
	}
	if (!j->file)
		j->file = display_name(j->path);
	filter_flags(raw.v, raw.n, dir, &j->args, &nostdinc);
	filter_flags(opts->cflags.v, opts->cflags.n, NULL, &j->args, &nostdinc);
	add_common_args(opts, j, opts->shims == 1, shim_dir, false);
	strv_free(&raw);
	clang_disposeString(dir_s);
	clang_disposeString(file_s);
}

/* libclang prints its loader errors on stderr; catch them for our one-line message. */
static CXCompilationDatabase load_database(const char *dir, CXCompilationDatabase_Error *err,
					   char *why, size_t size)
{
	CXCompilationDatabase db;
	FILE *cap = tmpfile();
	char line[512];
	int saved = -1;

	*why = 0;
	fflush(stderr);
	if (cap) {
		saved = dup(2);
		dup2(fileno(cap), 2);
	}
	db = clang_CompilationDatabase_fromDirectory(dir, err);
	if (cap) {
		fflush(stderr);
		dup2(saved, 2);
		close(saved);
		rewind(cap);
		while (fgets(line, sizeof(line), cap)) {
			const char *p = strstr(line, "json-compilation-database: ");

			if (p) {
				snprintf(why, size, "%s", p + 27);
				why[strcspn(why, "\n")] = 0;
			}
		}
		fclose(cap);
	}
	return db;
}

static int jobs_from_database(const struct options *opts, struct job **jobs, size_t *njobs,
			      size_t *cap, const char *shim_dir)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	char *json = xasprintf("%s/compile_commands.json", opts->build_dir);
	struct stat sb;
	unsigned int i, n;
	int ret = 0;
	size_t f;
	char why[256];

	if (stat(json, &sb)) {
		fprintf(stderr, TOOL_NAME ": error: %s: %s\n", json, strerror(errno));
		free(json);
		return 2;
	}
	db = load_database(opts->build_dir, &err, why, sizeof(why));
	if (err != CXCompilationDatabase_NoError || !db) {
		fprintf(stderr, TOOL_NAME ": error: %s: cannot load the compilation database%s%s\n",
			json, *why ? ": " : "", why);
		free(json);
		return 2;
	}
	if (!opts->files.n) {
		cmds = clang_CompilationDatabase_getAllCompileCommands(db);
		n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
		if (!n) {
			fprintf(stderr, TOOL_NAME ": error: %s: no compile commands\n", json);
			ret = 2;
		}
		for (i = 0; i < n; i++)
			job_from_command(opts, new_job(jobs, njobs, cap),
					 clang_CompileCommands_getCommand(cmds, i), shim_dir);
		if (cmds)
			clang_CompileCommands_dispose(cmds);
	}
	for (f = 0; f < opts->files.n && !ret; f++) {
		char abs[PATH_MAX];
		const char *name = opts->files.v[f];
		struct job *j;

		if (!realpath(name, abs)) {
			j = new_job(jobs, njobs, cap);
			j->file = xstrdup(name);
			j->path = xstrdup(name);
			continue;	/* reported as missing by run_jobs */
		}
		cmds = clang_CompilationDatabase_getCompileCommands(db, abs);
		if (!cmds || !clang_CompileCommands_getSize(cmds)) {
			fprintf(stderr, TOOL_NAME ": error: %s: no entry in %s\n", name, json);
			if (cmds)
				clang_CompileCommands_dispose(cmds);
			ret = 2;
			break;
		}
		j = new_job(jobs, njobs, cap);
		j->file = xstrdup(name);
		job_from_command(opts, j, clang_CompileCommands_getCommand(cmds, 0), shim_dir);
		clang_CompileCommands_dispose(cmds);
	}
	clang_CompilationDatabase_dispose(db);
	free(json);
	return ret;
}

static struct strv *walk_out;

static int walk_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	size_t n = strlen(path);

	(void)sb;
	(void)ftw;
	if (type == FTW_F && n > 2 && !strcmp(path + n - 2, ".c"))
		strv_push(walk_out, path);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* FILE arguments that are folders stand for the .c files under them, sorted. */
static void expand_dirs(const struct strv *in, struct strv *out)
{
	struct stat sb;
	size_t i, first;

	for (i = 0; i < in->n; i++) {
		if (stat(in->v[i], &sb) || !S_ISDIR(sb.st_mode)) {
			strv_push(out, in->v[i]);
			continue;
		}
		first = out->n;
		walk_out = out;
		nftw(in->v[i], walk_one, 16, FTW_PHYS);
		if (out->n > first)
			qsort(out->v + first, out->n - first, sizeof(*out->v), cmp_str);
	}
}

int make_jobs(const struct options *opts, struct job **jobs, size_t *njobs)
{
	char *shim_dir = find_shim_dir(opts);
	size_t cap = 0, i;
	int ret = 0;

	*jobs = NULL;
	*njobs = 0;
	if (opts->build_dir) {
		ret = jobs_from_database(opts, jobs, njobs, &cap, shim_dir);
	} else {
		struct strv files = { 0 };

		expand_dirs(&opts->files, &files);
		for (i = 0; i < files.n && !ret; i++) {
			struct job *j = new_job(jobs, njobs, &cap);
			bool nostdinc = false, shims;
			char *top = NULL, *obj = NULL;

			j->file = xstrdup(files.v[i]);
			j->path = xstrdup(files.v[i]);
			/* no flags and no --shims: a file of a kernel tree gets the tree's own */
			if (opts->shims != 1 && !opts->cflags.n)
				top = kernel_tree_of(files.v[i]);
			if (top) {
				struct strv raw = { 0 };

				ret = kernel_tree_flags(top, files.v[i], &raw, &obj);
				if (!ret)
					filter_flags(raw.v, raw.n, obj, &j->args, &nostdinc);
				add_common_args(opts, j, false, shim_dir, true);
				strv_free(&raw);
				free(obj);
				free(top);
				continue;
			}
			filter_flags(opts->cflags.v, opts->cflags.n, NULL, &j->args, &nostdinc);
			shims = opts->shims == 1 || (opts->shims < 0 && !nostdinc);
			add_common_args(opts, j, shims, shim_dir, false);
		}
		strv_free(&files);
		kernel_trees_free();
	}
	free(shim_dir);
	return ret;
}

static int job_cmp(const void *a, const void *b)
{
	const struct job *ja = a, *jb = b;

	return strcmp(ja->file, jb->file);
}

/* --shard=I/N: every N-th job of the list sorted by name, starting with the I-th. */
void shard_jobs(const struct options *opts, struct job *jobs, size_t *njobs)
{
	size_t i, k = 0;

	if (!opts->shard_count || !*njobs)
		return;
	qsort(jobs, *njobs, sizeof(*jobs), job_cmp);
	for (i = 0; i < *njobs; i++) {
		if (i % (size_t)opts->shard_count == (size_t)opts->shard_index - 1) {
			jobs[k++] = jobs[i];
			continue;
		}
		free(jobs[i].file);
		free(jobs[i].path);
		strv_free(&jobs[i].args);
	}
	*njobs = k;
}

void free_jobs(struct job *jobs, size_t njobs)
{
	size_t i;

	for (i = 0; i < njobs; i++) {
		free(jobs[i].file);
		free(jobs[i].path);
		strv_free(&jobs[i].args);
	}
	free(jobs);
}
