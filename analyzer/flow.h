/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small path-sensitive interpreter over function bodies that tracks which fields of a
 * struct vm_area_desc / struct mmap_action object are written on every path. It is an
 * engine only: it publishes facts through a callback and the checks (desc-uninit,
 * prot-after-remap, action-twice) decide what to report and how to word it.
 */
#ifndef FLOW_H
#define FLOW_H

#include "ast.h"

enum flow_fact_kind {
	FACT_UNINIT_USE,	/* a local is used while some of its fields may be unwritten */
	FACT_PROT_AFTER_REMAP,	/* desc->page_prot written after a remap helper captured it */
	FACT_SECOND_ACTION,	/* an action helper on a path that already requested one */
};

/* How a FACT_UNINIT_USE object is used. */
enum flow_use {
	FLOW_USE_READ,		/* a field is read */
	FLOW_USE_COPY,		/* the object is copied */
	FLOW_USE_ESCAPE,	/* its address is passed to a callee the engine cannot see */
	FLOW_USE_STORE,		/* its address is stored */
	FLOW_USE_RETURN,	/* it is returned */
	FLOW_USE_CALLEE,	/* a same-file callee reads it or passes it on (via says which) */
};

struct flow_fact {
	enum flow_fact_kind kind;
	struct func *f;			/* the function interpreted */
	struct node *at;		/* where: the use, the write, the second call */
	const char *obj;		/* the object's name (local or parameter) */
	unsigned int obj_index;		/* the object's identity within one flow_*() run */
	const char *record;		/* "vm_area_desc" or "mmap_action" */
	/* FACT_UNINIT_USE */
	enum flow_use use;
	const char *path;		/* the field used ("" for the object) */
	const char *via;		/* callee text for ESCAPE and CALLEE, else NULL */
	const char *fields;		/* the fields that may be unwritten, ", "-separated */
	/* FACT_PROT_AFTER_REMAP and FACT_SECOND_ACTION */
	const char *action;		/* the helper that already ran on this path */
	unsigned int action_line;
	const char *helper;		/* FACT_SECOND_ACTION: the helper called again */
};

typedef void (*flow_fact_fn)(struct unit *u, const struct flow_fact *fact, void *data);

/* Every use of an uninitialised struct vm_area_desc / mmap_action local of f. */
void flow_uninit(struct unit *u, struct func *f, flow_fact_fn fn, void *data);

/* The path facts about the desc parameter(s) of f (FACT_PROT_AFTER_REMAP, FACT_SECOND_ACTION). */
void flow_hook(struct unit *u, struct func *f, flow_fact_fn fn, void *data);

#endif
