/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a call does to per-mapping state, shared by prepare-resource (R2) and double-ref
 * (R20): allocations, references and counters, publications, and their releases.
 */
#ifndef CHECK_REFS_H
#define CHECK_REFS_H

#include <stdbool.h>

struct node;

enum res_kind {
	RES_NONE,
	RES_ALLOC,		/* kmalloc(), alloc_pages(), ... */
	RES_REF,		/* a reference or a counter: kref_get(), atomic_inc(), *_get() */
	RES_PUBLISH,		/* list_add(), xa_store(), ... */
};

/* The kind of per-mapping state a call of `name` takes, or RES_NONE. */
enum res_kind resource_call_kind(const char *name);

/* Does a call of `name` give back a reference, a count or a list entry (kref_put(), ...)? */
bool is_release_call(const char *name);

/*
 * A counter "add" given a negative constant amount (atomic_add_unless(&v, -1, 1),
 * atomic_add(-1, &v)): a decrement, which gives a count back rather than taking one.
 */
bool counter_add_negative(const char *name, struct node *call);

#endif
