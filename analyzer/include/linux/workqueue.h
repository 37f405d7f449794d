/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

struct delayed_work {
	struct work_struct work;
	int cpu;
};

struct workqueue_struct;

#define INIT_WORK(w, f)		do { (w)->func = (f); } while (0)
#define INIT_DELAYED_WORK(w, f)	INIT_WORK(&(w)->work, (f))
#define DECLARE_WORK(n, f)	struct work_struct n = { .func = (f) }
bool schedule_work(struct work_struct *work);
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool flush_work(struct work_struct *work);
void flush_workqueue(struct workqueue_struct *wq);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max, ...);
struct workqueue_struct *create_singlethread_workqueue(const char *name);
void destroy_workqueue(struct workqueue_struct *wq);

#endif
