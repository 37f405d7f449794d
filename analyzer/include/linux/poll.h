/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>

typedef struct poll_table_struct {
	__poll_t _key;
} poll_table;

void poll_wait(struct file *filp, wait_queue_head_t *wq, poll_table *p);

#define EPOLLIN		((__poll_t)0x00000001)
#define EPOLLPRI	((__poll_t)0x00000002)
#define EPOLLOUT	((__poll_t)0x00000004)
#define EPOLLERR	((__poll_t)0x00000008)
#define EPOLLHUP	((__poll_t)0x00000010)
#define EPOLLRDNORM	((__poll_t)0x00000040)
#define EPOLLWRNORM	((__poll_t)0x00000100)
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100

#endif
