/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small path-sensitive interpreter over function bodies that tracks which fields of a
 * struct vm_area_desc / struct mmap_action object are written on every path.
 */
#ifndef FLOW_H
#define FLOW_H

#include "ast.h"

/* desc-uninit: report locals used while some fields may be unwritten. */
void flow_uninit(struct unit *u, struct func *f, int check_id);

enum hook_flow_check {
	HOOK_ACTION_TWICE,
	HOOK_PROT_AFTER_REMAP,
};

/* action-twice, prot-after-remap: follow the desc parameter of a prepare-context function. */
void flow_hook(struct unit *u, struct func *f, int check_id, enum hook_flow_check which);

#endif
