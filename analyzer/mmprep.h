/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep-check: shared declarations (options, jobs, records).
 */
#ifndef MMPREP_H
#define MMPREP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "lib/util.h"

#define MMPREP_VERSION "0.3"
#define TOOL_NAME "mmprep-check"

enum out_format {
	FMT_TEXT,
	FMT_JSON,
	FMT_SARIF,
};

struct options {
	int api;			/* 619, 700, 701, 702 */
	bool *enabled;			/* indexed by check id */
	enum out_format format;
	int jobs;
	double timeout;			/* seconds per file, 0 = none */
	bool prefilter;
	int shims;			/* -1 auto, 0 never, 1 always */
	char *shim_dir;
	char *build_dir;		/* -p */
	struct strv files;
	struct strv cflags;		/* filtered compiler flags for every file */
	bool cflags_have_includes;	/* the flags name include paths of their own */
	bool quiet_notes;
	bool exit_zero;
	bool print_args;
	int kbuild;			/* text findings on stderr: -1 auto, 0 no, 1 yes */
	int shard_index;		/* --shard=I/N: 1-based I, 0 = no sharding */
	int shard_count;
};

/* One file to analyse, with the clang arguments to parse it. */
struct job {
	char *file;			/* the name to report */
	char *path;			/* the path to open */
	struct strv args;
	bool shims;
};

enum rec_kind {
	REC_FINDING,
	REC_NOTE,
	REC_ERROR,
	REC_TIMEOUT,
};

/*
 * A finding's severity: a use of an API that still exists at --api is a note naming the
 * level that removes it; everything else is a warning. Notes alone do not make exit 1.
 */
enum severity {
	SEV_WARNING,
	SEV_NOTE,
};

struct record {
	enum rec_kind kind;
	enum severity severity;		/* REC_FINDING only */
	char *file;
	unsigned int line;
	unsigned int col;
	char *check;			/* NULL unless REC_FINDING */
	char *function;			/* may be NULL */
	char *message;
	char *hook;			/* "mmap_prepare", "mmap" or NULL: the context */
	char *partial;			/* why the file was analysed in part, or NULL */
};

struct records {
	struct record *v;
	size_t n;
	size_t cap;
};

void records_add(struct records *rs, enum rec_kind kind, const char *file, unsigned int line,
		 unsigned int col, const char *check, const char *function, const char *message);
void records_set_hook(struct records *rs, const char *hook);
void records_set_partial(struct records *rs, size_t from, const char *why);
void records_free(struct records *rs);
void records_sort(struct records *rs);

/* cmdline.c */
int parse_cmdline(int argc, char **argv, struct options *opts);
int make_jobs(const struct options *opts, struct job **jobs, size_t *njobs);
void shard_jobs(const struct options *opts, struct job *jobs, size_t *njobs);
void free_jobs(struct job *jobs, size_t njobs);

/* tree.c: kernel-tree mode */
char *kernel_tree_of(const char *path);
int kernel_tree_flags(const char *top, const char *file, struct strv *raw, char **obj);
void kernel_trees_free(void);

/* run.c */
int run_jobs(const struct options *opts, struct job *jobs, size_t njobs, struct records *out);

/* analyze.c: parse one file and run the enabled checks (in a worker process) */
void analyze_job(const struct options *opts, const struct job *job, struct records *out);
bool prefilter_match(const char *path);

/* emit.c */
void emit(const struct options *opts, const struct records *rs, int argc, char **argv);

#endif
