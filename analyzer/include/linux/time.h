/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

struct inode;

ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
u64 ktime_get_ns(void);
u64 ktime_get_real_seconds(void);
void ktime_get_real_ts64(struct timespec64 *ts);
struct timespec64 current_time(struct inode *inode);
#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L

#endif
