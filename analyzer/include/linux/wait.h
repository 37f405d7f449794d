/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/errno.h>

struct wait_queue_entry;
typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
} wait_queue_head_t;

void init_waitqueue_head(wait_queue_head_t *wq);
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name
void wake_up(wait_queue_head_t *wq);
void wake_up_all(wait_queue_head_t *wq);
void wake_up_interruptible(wait_queue_head_t *wq);
void wake_up_interruptible_all(wait_queue_head_t *wq);
#define wait_event(wq, cond)			do { } while (!(cond))
#define wait_event_interruptible(wq, cond)	((cond) ? 0 : -ERESTARTSYS)
#define wait_event_timeout(wq, cond, timeout)	((cond) ? (timeout) : 0)
#define wait_event_interruptible_timeout(wq, cond, timeout) ((cond) ? (timeout) : 0)

#endif
