/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/sched.h>

#endif
