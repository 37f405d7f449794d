// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-tree mode: a file inside a kernel tree, given with no compiler flags, is parsed
 * with that tree's own headers and configuration, the way Kbuild would compile it.
 *
 * scripts/kernel-config prepares an O= folder once per tree (defconfig + FS_DAX, make
 * prepare) and records there, in mmprep-cflags, the checker command line Kbuild runs for
 * one probe file (drivers/char/mem.c). Asking Kbuild once keeps every flag it derives from
 * the configuration and the compiler (-include of kconfig.h and compiler_types.h, the
 * generated include folders, -D__KERNEL__, -std=, -m flags) without re-implementing its
 * Makefiles; for another file the probe's own folder (-I $(src), -I $(obj)) and names
 * (KBUILD_MODNAME, KBUILD_BASENAME, KBUILD_MODFILE) are replaced by the file's. Per-folder
 * ccflags-y are not known: a header they would find is reported as missing (partial).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mmprep.h"

#ifndef KERNEL_CONFIG
#define KERNEL_CONFIG "/usr/local/share/mmprep/scripts/kernel-config"
#endif

static bool is_dir(const char *dir, const char *sub)
{
	char *p = xasprintf("%s/%s", dir, sub);
	struct stat sb;
	bool ok = !stat(p, &sb) && S_ISDIR(sb.st_mode);

	free(p);
	return ok;
}

static bool is_file(const char *dir, const char *sub)
{
	char *p = xasprintf("%s/%s", dir, sub);
	struct stat sb;
	bool ok = !stat(p, &sb) && S_ISREG(sb.st_mode);

	free(p);
	return ok;
}

static bool is_kernel_tree(const char *dir)
{
	return is_file(dir, "Makefile") && is_file(dir, "Kconfig") && is_dir(dir, "include/linux") &&
	       is_dir(dir, "arch") && is_dir(dir, "scripts");
}

char *kernel_tree_of(const char *path)
{
	char abs[PATH_MAX], *slash;

	if (!realpath(path, abs))
		return NULL;
	for (;;) {
		slash = strrchr(abs, '/');
		if (!slash)
			return NULL;
		if (slash == abs)
			return NULL;	/* "/" is never a kernel tree */
		*slash = 0;
		if (is_kernel_tree(abs))
			return xstrdup(abs);
	}
}

/* A prepared tree: its O= folder and the checker command line of the probe file. */
struct prepared {
	char *top;
	char *obj;
	struct strv flags;		/* as Kbuild passed them, the probe source removed */
	char *probe_dir;		/* relative to top, e.g. "drivers/char" */
	char *probe_base;		/* "mem" */
	bool failed;
};

static struct prepared *trees;
static size_t ntrees;

static char *find_kernel_config(void)
{
	const char *env = getenv("MMPREP_KERNEL_CONFIG");
	static const char *const rel[] = {
		"../scripts/kernel-config", "../share/mmprep/scripts/kernel-config",
	};
	char *found;

	if (env && *env)
		return xstrdup(env);
	found = beside_exe(rel, ARRAY_SIZE(rel), false);
	return found ? found : xstrdup(KERNEL_CONFIG);
}

/*
 * Run kernel-config TREE: its stdout is the O= folder. Its stderr (progress, and one line
 * when it fails) goes to ours, so a failure is that one line: we add none.
 */
static char *run_kernel_config(const char *top)
{
	char *script = find_kernel_config(), *obj = NULL;
	struct sbuf out = { 0 };
	int pfd[2], status = 0;
	char buf[4096];
	ssize_t n;
	pid_t pid;

	if (pipe(pfd))
		die("pipe: %s", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (!pid) {
		close(pfd[0]);
		dup2(pfd[1], 1);
		close(pfd[1]);
		execl(script, script, top, (char *)NULL);
		fprintf(stderr, TOOL_NAME ": error: %s: cannot prepare the kernel tree: cannot "
			"run %s: %s (set MMPREP_KERNEL_CONFIG, or use --shims)\n", top, script,
			strerror(errno));
		_exit(2);
	}
	close(pfd[1]);
	while ((n = read(pfd[0], buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sbuf_addn(&out, buf, (size_t)n);
	}
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && !WEXITSTATUS(status) && out.s) {
		out.s[strcspn(out.s, "\n")] = 0;
		if (out.s[0] == '/')
			obj = xstrdup(out.s);
	}
	if (!obj && WIFEXITED(status) && !WEXITSTATUS(status))
		fprintf(stderr, TOOL_NAME ": error: %s: %s printed no build folder\n", top, script);
	else if (!obj && !WIFEXITED(status))
		fprintf(stderr, TOOL_NAME ": error: %s: %s was killed\n", top, script);
	free(out.s);
	free(script);
	return obj;
}

static bool load_flags(struct prepared *t)
{
	char *path = xasprintf("%s/mmprep-cflags", t->obj);
	char *text = read_file(path, NULL), *line, *next, *src, *rel, *dot;
	size_t n;

	if (!text) {
		fprintf(stderr, TOOL_NAME ": error: %s: %s\n", path, strerror(errno));
		free(path);
		return false;
	}
	for (line = text; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		strv_push(&t->flags, line);
	}
	free(text);
	n = strlen(t->top);
	if (!t->flags.n || strncmp(t->flags.v[t->flags.n - 1], t->top, n) ||
	    t->flags.v[t->flags.n - 1][n] != '/') {
		fprintf(stderr, TOOL_NAME ": error: %s: the last argument is not a source file of "
			"%s; remove %s to prepare it again\n", path, t->top, t->obj);
		free(path);
		return false;
	}
	free(path);
	/* the probe source, e.g. /tree/drivers/char/mem.c */
	src = t->flags.v[--t->flags.n];
	t->flags.v[t->flags.n] = NULL;
	rel = src + n + 1;
	t->probe_dir = xstrndup(rel, strrchr(rel, '/') ? (size_t)(strrchr(rel, '/') - rel) : 0);
	t->probe_base = xstrdup(strrchr(src, '/') + 1);
	dot = strrchr(t->probe_base, '.');
	if (dot)
		*dot = 0;
	free(src);
	return true;
}

static struct prepared *prepare_tree(const char *top)
{
	struct prepared *t;
	size_t i;

	for (i = 0; i < ntrees; i++)
		if (!strcmp(trees[i].top, top))
			return &trees[i];
	trees = xrealloc(trees, (ntrees + 1) * sizeof(*trees));
	t = &trees[ntrees++];
	memset(t, 0, sizeof(*t));
	t->top = xstrdup(top);
	t->obj = run_kernel_config(top);
	t->failed = !t->obj || !load_flags(t);
	return t;
}

/* "drivers/char" -> the file's folder, in an include path relative or absolute. */
static char *swap_dir(const char *val, const struct prepared *t, const char *fdir)
{
	size_t tl = strlen(t->top);

	if (!strcmp(val, t->probe_dir))
		return xstrdup(fdir);
	if (!strncmp(val, "./", 2) && !strcmp(val + 2, t->probe_dir))
		return xasprintf("./%s", fdir);
	if (!strncmp(val, t->top, tl) && val[tl] == '/' && !strcmp(val + tl + 1, t->probe_dir))
		return xasprintf("%s/%s", t->top, fdir);
	return NULL;
}

static char *swap_define(const char *a, const char *fdir, const char *fbase, const char *fmod)
{
	if (!strncmp(a, "-DKBUILD_MODFILE=", 17))
		return xasprintf("-DKBUILD_MODFILE=\"%s/%s\"", fdir, fbase);
	if (!strncmp(a, "-DKBUILD_BASENAME=", 18))
		return xasprintf("-DKBUILD_BASENAME=\"%s\"", fmod);
	if (!strncmp(a, "-DKBUILD_MODNAME=", 17))
		return xasprintf("-DKBUILD_MODNAME=\"%s\"", fmod);
	if (!strncmp(a, "-D__KBUILD_MODNAME=", 19))
		return xasprintf("-D__KBUILD_MODNAME=kmod_%s", fmod);
	return NULL;
}

int kernel_tree_flags(const char *top, const char *file, struct strv *raw, char **obj)
{
	struct prepared *t = prepare_tree(top);
	char abs[PATH_MAX], *rel, *fdir, *fbase, *fmod, *p;
	size_t i;

	if (t->failed)
		return 2;
	if (!realpath(file, abs) || strncmp(abs, top, strlen(top)))
		return 2;
	rel = abs + strlen(top) + 1;
	p = strrchr(rel, '/');
	fdir = p ? xstrndup(rel, (size_t)(p - rel)) : xstrdup(".");
	fbase = xstrdup(p ? p + 1 : rel);
	p = strrchr(fbase, '.');
	if (p)
		*p = 0;
	fmod = xstrdup(fbase);
	for (p = fmod; *p; p++)
		if (*p == '-')
			*p = '_';
	for (i = 0; i < t->flags.n; i++) {
		const char *a = t->flags.v[i];
		char *swapped = NULL;

		if (!strncmp(a, "-I", 2) && a[2]) {
			char *d = swap_dir(a + 2, t, fdir);

			if (d) {
				swapped = xasprintf("-I%s", d);
				free(d);
			}
		} else if (!strcmp(a, "-I") && i + 1 < t->flags.n) {
			strv_push(raw, a);
			a = t->flags.v[++i];
			swapped = swap_dir(a, t, fdir);
		} else if (!strncmp(a, "-D", 2)) {
			swapped = swap_define(a, fdir, fbase, fmod);
		}
		if (swapped)
			strv_push_own(raw, swapped);
		else
			strv_push(raw, a);
	}
	*obj = xstrdup(t->obj);
	free(fdir);
	free(fbase);
	free(fmod);
	return 0;
}

void kernel_trees_free(void)
{
	size_t i;

	for (i = 0; i < ntrees; i++) {
		free(trees[i].top);
		free(trees[i].obj);
		free(trees[i].probe_dir);
		free(trees[i].probe_base);
		strv_free(&trees[i].flags);
	}
	free(trees);
	trees = NULL;
	ntrees = 0;
}
