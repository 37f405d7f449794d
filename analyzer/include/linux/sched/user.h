/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_USER_H
#define _LINUX_SCHED_USER_H

#include <linux/sched.h>
#include <linux/refcount.h>

struct user_struct {
	refcount_t __count;
	atomic_long_t locked_vm;
};

struct user_struct *get_uid(struct user_struct *u);
void free_uid(struct user_struct *u);

#endif
