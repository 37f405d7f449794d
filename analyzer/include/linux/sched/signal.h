/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

bool signal_pending(struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);

#endif
