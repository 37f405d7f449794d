// SPDX-License-Identifier: GPL-2.0
/*
 * vm-ops-null (R15): from 7.2 the descriptor starts with vm_ops = &vma_dummy_vm_ops and
 * NULL means "make the mapping anonymous". Only vma_desc_set_anonymous() should do that,
 * and only for /dev/zero-like mappings. Before 7.2, NULL meant "keep the default".
 */
#include "check_util.h"

static int my_id;

static void null_node(struct unit *u, struct node *n)
{
	struct func *f = n->func;
	struct node *m;
	const char *rec;

	if (u->api < 702 || !f || !f->in_prepare || !is_assign(u, n))
		return;
	m = n->kids[0];
	if (m->kind != CXCursor_MemberRefExpr || strcmp(node_name(u, m), "vm_ops") || !m->nkids)
		return;
	rec = member_record(u, m);
	if (!rec || strcmp(rec, "vm_area_desc") ||
	    !type_ptr_to(u, node_type(strip(m->kids[0])), "vm_area_desc") ||
	    !is_null_value(n->kids[1]))
		return;
	report(u, my_id, n, "%s(): sets %s to NULL, which from 7.2 makes the mapping anonymous; "
	       "if that is meant (a /dev/zero-like private mapping) call "
	       "vma_desc_set_anonymous(desc), otherwise leave vm_ops alone to keep the default",
	       f->name, expr_text(u, m));
}

void check_vm_ops_null(int id)
{
	my_id = id;
	add_node_hook(id, null_node);
}
