/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...);
struct task_struct *kthread_run(int (*threadfn)(void *data), void *data,
				const char *namefmt, ...);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
int wake_up_process(struct task_struct *p);

#endif
