/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return v->counter;
}

static inline void atomic_set(atomic_t *v, int i)
{
	v->counter = i;
}

static inline void atomic_inc(atomic_t *v)
{
	v->counter++;
}

static inline void atomic_dec(atomic_t *v)
{
	v->counter--;
}

static inline void atomic_add(int i, atomic_t *v)
{
	v->counter += i;
}

/* Add a to v unless v was u; true when it added. */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	if (v->counter == u)
		return false;
	v->counter += a;
	return true;
}

static inline void atomic_sub(int i, atomic_t *v)
{
	v->counter -= i;
}

static inline int atomic_inc_return(atomic_t *v)
{
	return ++v->counter;
}

static inline int atomic_dec_return(atomic_t *v)
{
	return --v->counter;
}

static inline bool atomic_dec_and_test(atomic_t *v)
{
	return --v->counter == 0;
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return (long)v->counter;
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	v->counter++;
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	v->counter--;
}

static inline void atomic64_inc(atomic64_t *v)
{
	v->counter++;
}

#endif
