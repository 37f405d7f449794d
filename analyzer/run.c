// SPDX-License-Identifier: GPL-2.0
/*
 * One worker process per file: a crash or a hang costs that file only, the per-file time
 * limit is a kill(), and libclang state is never shared between parses. Results come
 * back over a pipe and are sorted by the caller, so the output is the same for any -j.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mmprep.h"

enum {
	FS = '\x1f',			/* between fields */
	RS = '\x1e',			/* after a record */
	NUL_MARK = '\x02',		/* a NULL string */
};

static void put_str(struct sbuf *b, const char *s)
{
	if (!s) {
		sbuf_addc(b, NUL_MARK);
	} else {
		for (; *s; s++)
			sbuf_addc(b, (*s == FS || *s == RS || *s == NUL_MARK || *s == '\n' ||
				      *s == '\r') ? ' ' : *s);
	}
	sbuf_addc(b, FS);
}

static void serialize(const struct records *rs, struct sbuf *b)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct record *r = &rs->v[i];

		sbuf_addf(b, "%d%c%d%c%u%c%u%c", (int)r->kind, FS, (int)r->severity, FS, r->line,
			  FS, r->col, FS);
		put_str(b, r->file);
		put_str(b, r->check);
		put_str(b, r->function);
		put_str(b, r->message);
		put_str(b, r->hook);
		put_str(b, r->partial);
		sbuf_addc(b, RS);
	}
}

static char *field(char **p, char *end)
{
	char *s = *p, *e = memchr(s, FS, (size_t)(end - s));

	if (!e)
		return NULL;
	*e = 0;
	*p = e + 1;
	if (s[0] == NUL_MARK && !s[1])
		return NULL;
	return s;
}

static void deserialize(char *buf, size_t len, struct records *out)
{
	char *p = buf, *end = buf + len;

	while (p < end) {
		char *rec_end = memchr(p, RS, (size_t)(end - p));
		char *kind, *sev, *line, *col, *file, *check, *function, *message, *hook, *partial;

		if (!rec_end)
			break;
		kind = field(&p, rec_end);
		sev = field(&p, rec_end);
		line = field(&p, rec_end);
		col = field(&p, rec_end);
		file = field(&p, rec_end);
		check = field(&p, rec_end);
		function = field(&p, rec_end);
		message = field(&p, rec_end);
		hook = field(&p, rec_end);
		partial = field(&p, rec_end);
		if (kind && sev && line && col && file && message) {
			records_add(out, (enum rec_kind)atoi(kind), file, (unsigned int)atoi(line),
				    (unsigned int)atoi(col), check, function, message);
			records_set_hook(out, hook);
			out->v[out->n - 1].severity = (enum severity)atoi(sev);
			records_set_partial(out, out->n - 1, partial);
		}
		p = rec_end + 1;
	}
}

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

struct worker {
	pid_t pid;
	int fd;
	size_t job;
	double deadline;
	struct sbuf buf;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool spawn(const struct options *opts, struct job *job, size_t idx, struct worker *w)
{
	int pfd[2];
	pid_t pid;

	if (pipe(pfd))
		return false;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return false;
	}
	if (!pid) {
		struct records rs = { 0 };
		struct sbuf b = { 0 };

		close(pfd[0]);
		signal(SIGPIPE, SIG_DFL);
		analyze_job(opts, job, &rs);
		serialize(&rs, &b);
		if (b.len)
			write_all(pfd[1], b.s, b.len);
		close(pfd[1]);
		free(b.s);
		records_free(&rs);
		exit(0);
	}
	close(pfd[1]);
	memset(w, 0, sizeof(*w));
	w->pid = pid;
	w->fd = pfd[0];
	w->job = idx;
	w->deadline = opts->timeout > 0 ? now() + opts->timeout : 0;
	return true;
}

static void finish(struct worker *w, struct job *jobs, struct records *out, bool timed_out,
		   double timeout)
{
	const char *file = jobs[w->job].file;
	int status = 0;
	char *msg;

	if (timed_out)
		kill(w->pid, SIGKILL);
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	close(w->fd);
	if (timed_out) {
		msg = xasprintf("timed out after %g s; not analysed (raise --timeout)", timeout);
		records_add(out, REC_TIMEOUT, file, 0, 0, NULL, NULL, msg);
		free(msg);
	} else {
		if (w->buf.len)
			deserialize(w->buf.s, w->buf.len, out);
		if (WIFSIGNALED(status)) {
			msg = xasprintf("internal error: the analyzer crashed on this file (%s); "
					"please report it", strsignal(WTERMSIG(status)));
			records_add(out, REC_ERROR, file, 0, 0, NULL, NULL, msg);
			free(msg);
		} else if (WIFEXITED(status) && WEXITSTATUS(status)) {
			msg = xasprintf("internal error: the worker exited with status %d",
					WEXITSTATUS(status));
			records_add(out, REC_ERROR, file, 0, 0, NULL, NULL, msg);
			free(msg);
		}
	}
	free(w->buf.s);
	w->pid = 0;
}

/* File scope, so a worker that exits holds no unreachable copy of them (LeakSanitizer). */
static struct worker *ws;
static struct pollfd *pfds;

int run_jobs(const struct options *opts, struct job *jobs, size_t njobs, struct records *out)
{
	int nworkers = opts->jobs > 0 ? opts->jobs : 1;
	size_t next = 0;
	int active = 0, i;

	ws = xcalloc((size_t)nworkers, sizeof(*ws));
	pfds = xcalloc((size_t)nworkers, sizeof(*pfds));
	signal(SIGPIPE, SIG_IGN);
	while (next < njobs || active) {
		double t, wait_until = 0;
		int np = 0, timeout_ms = -1;
		int map[1024];

		for (i = 0; i < nworkers && next < njobs; i++) {
			char *msg;

			if (ws[i].pid)
				continue;
			if (access(jobs[next].path, R_OK)) {
				msg = xasprintf("cannot read: %s", strerror(errno));
				records_add(out, REC_ERROR, jobs[next].file, 0, 0, NULL, NULL, msg);
				free(msg);
				next++;
				i--;
				continue;
			}
			if (!spawn(opts, &jobs[next], next, &ws[i]))
				die("cannot start a worker: %s", strerror(errno));
			next++;
			active++;
		}
		if (!active)
			continue;
		for (i = 0; i < nworkers; i++) {
			if (!ws[i].pid)
				continue;
			pfds[np].fd = ws[i].fd;
			pfds[np].events = POLLIN;
			map[np++] = i;
			if (ws[i].deadline && (!wait_until || ws[i].deadline < wait_until))
				wait_until = ws[i].deadline;
		}
		if (wait_until) {
			t = wait_until - now();
			timeout_ms = t > 0 ? (int)(t * 1000) + 1 : 0;
		}
		if (poll(pfds, (nfds_t)np, timeout_ms) < 0 && errno != EINTR)
			die("poll: %s", strerror(errno));
		t = now();
		for (i = 0; i < np; i++) {
			struct worker *w = &ws[map[i]];

			if (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
				char buf[65536];
				ssize_t n = read(w->fd, buf, sizeof(buf));

				if (n > 0) {
					if (w->buf.len + (size_t)n + 1 > w->buf.cap) {
						w->buf.cap = (w->buf.len + (size_t)n + 1) * 2;
						w->buf.s = xrealloc(w->buf.s, w->buf.cap);
					}
					memcpy(w->buf.s + w->buf.len, buf, (size_t)n);
					w->buf.len += (size_t)n;
					continue;
				}
				if (n < 0 && errno == EINTR)
					continue;
				finish(w, jobs, out, false, opts->timeout);
				active--;
			} else if (w->deadline && t >= w->deadline) {
				finish(w, jobs, out, true, opts->timeout);
				active--;
			}
		}
	}
	free(ws);
	free(pfds);
	ws = NULL;
	pfds = NULL;
	return 0;
}
