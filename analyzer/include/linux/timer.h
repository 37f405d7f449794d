/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/kernel.h>

struct timer_list {
	unsigned long expires;
	void (*function)(struct timer_list *t);
	u32 flags;
};

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
#define from_timer(var, t, field) container_of(t, __typeof__(*var), field)

extern unsigned long volatile jiffies;
unsigned long msecs_to_jiffies(unsigned int m);
unsigned int jiffies_to_msecs(unsigned long j);
#define HZ 250
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

#endif
