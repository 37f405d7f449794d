/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/mm.h>

struct cred;

struct task_struct {
	pid_t pid;
	pid_t tgid;
	struct mm_struct *mm;
	const struct cred *cred;
	char comm[16];
};

struct task_struct *get_current(void);
#define current get_current()

void schedule(void);
int cond_resched(void);
long schedule_timeout(long timeout);
static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}
static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->tgid;
}

#endif
