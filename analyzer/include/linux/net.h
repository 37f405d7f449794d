/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/fs.h>
#include <linux/mm.h>

struct socket;
struct sock;

struct proto_ops {
	int family;
	struct module *owner;
	int (*release)(struct socket *sock);
	int (*mmap)(struct file *file, struct socket *sock, struct vm_area_struct *vma);
};

struct socket {
	short type;
	struct file *file;
	struct sock *sk;
	const struct proto_ops *ops;
};

#endif
