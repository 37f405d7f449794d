// SPDX-License-Identifier: GPL-2.0
/*
 * The atomic write of the output.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"

/*
 * Write the output to stdout, or to PATH through a temporary file beside it and a rename,
 * so that a reader never sees half a report and a failure leaves the old file alone.
 */
void write_output(const char *path, const char *data, size_t len)
{
	char *dup, *dir, *tmp;
	size_t off = 0;
	mode_t um;
	int fd;

	if (!path || !strcmp(path, "-")) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout))
			die("cannot write the output: %s", strerror(errno));
		return;
	}
	dup = xstrdup(path);
	dir = dirname(dup);
	tmp = xmalloc(strlen(dir) + 32);
	sprintf(tmp, "%s/.mmprep-report.XXXXXX", dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		die("cannot write %s: %s", path, strerror(errno));
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += w;
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um))
		goto fail;
	if (close(fd))
		goto fail_closed;
	if (rename(tmp, path))
		goto fail_closed;
	free(tmp);
	free(dup);
	return;
fail:
	close(fd);
fail_closed:
	{
		int e = errno;

		unlink(tmp);
		die("cannot write %s: %s", path, strerror(e));
	}
}
