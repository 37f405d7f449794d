/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/fs.h>

struct fd {
	struct file *file;
	unsigned int flags;
};

struct file *fget(unsigned int fd);
struct fd fdget(unsigned int fd);
void fdput(struct fd fd);
#define fd_file(f) ((f).file)
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);

#endif
