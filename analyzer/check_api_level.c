// SPDX-License-Identifier: GPL-2.0
/*
 * api-level (R16): the mmap_prepare API changed names and meaning between 6.19 and 7.2.
 * Report calls of API functions the headers in use do not declare (C lets them through
 * as implicit declarations), descriptor fields they do not have (desc->vm_flags on 7.0+,
 * vm_ops->mapped before 7.1), and VM_* masks given where VMA_*_BIT numbers are expected.
 * Names the headers still declare but a later level renames or removes (desc->vm_flags,
 * vma_desc_test_flags()) are notes below that level and warnings from it on.
 */
#include "check_util.h"

static int my_id;

/*
 * The API names, with the level each appears at and the level that removes it, and the advice
 * printed, are the table of scripts/mmprep/api.py (api.h: api_entries[]).
 */

/* C accepts a call of an undeclared function; the implicit declaration sits at the call. */
static bool implicitly_declared(struct node *call)
{
	struct node *c = call_callee(call);
	CXCursor target = call_target(call);
	unsigned int l1, c1, l2, c2;
	CXFile f1, f2;

	if (!c || clang_Cursor_isNull(target))
		return false;
	clang_getSpellingLocation(clang_getCursorLocation(target), &f1, &l1, &c1, NULL);
	clang_getSpellingLocation(clang_getCursorLocation(c->cur), &f2, &l2, &c2, NULL);
	return f1 && f2 && clang_File_isEqual(f1, f2) && l1 == l2 && c1 == c2;
}

/*
 * Report a VM_* identifier among the arguments of the call or macro invocation written at
 * n's expansion location: "vma_desc_set_flags(desc, VM_IO)" as the user wrote it, whatever
 * the macros expand it to.
 */
static void scan_masks(struct unit *u, struct node *n)
{
	CXSourceLocation loc = clang_getCursorLocation(n->cur);
	CXToken *toks = NULL;
	unsigned int ntok, i, off, end;
	const char *name = NULL;
	size_t size = 0;
	int depth = 0;
	CXFile file;

	clang_getExpansionLocation(loc, &file, NULL, NULL, &off);
	if (!file || !clang_getFileContents(u->tu, file, &size) || off >= size)
		return;
	end = off + 4096 < size ? off + 4096 : (unsigned int)size;
	clang_tokenize(u->tu, clang_getRange(clang_getLocationForOffset(u->tu, file, off),
					     clang_getLocationForOffset(u->tu, file, end)),
		       &toks, &ntok);
	for (i = 0; i < ntok; i++) {
		const char *sp = cx_str(u, clang_getTokenSpelling(u->tu, toks[i]));
		size_t len = strlen(sp);

		if (!i) {
			name = sp;
			continue;
		}
		if (!strcmp(sp, "(")) {
			depth++;
			continue;
		}
		if (!strcmp(sp, ")") && --depth <= 0)
			break;
		if (depth <= 0 && i == 1)
			break;		/* not a call */
		if (clang_getTokenKind(toks[i]) != CXToken_Identifier || strncmp(sp, "VM_", 3) ||
		    (len > 4 && !strcmp(sp + len - 4, "_BIT")))
			continue;
		report(u, my_id, n, "%s%s() is given %s, a VM_* mask; the VMA flag helpers take "
		       "bit numbers: use VMA_%s_BIT", fn_prefix(u, n->func), name, sp, sp + 3);
		break;
	}
	clang_disposeTokens(u->tu, toks, ntok);
}

static bool takes_flag_bits(struct unit *u, CXCursor fn)
{
	CXType t = clang_getCursorType(fn);
	int i, n = clang_getNumArgTypes(t);

	for (i = 0; i < n; i++) {
		const char *sp = cx_str(u, clang_getTypeSpelling(clang_getArgType(t, i)));

		if (strstr(sp, "vma_flag_t"))
			return true;
	}
	return false;
}

/* desc->vm_flags on headers that still have it (6.19): removed in 7.0. */
static void vm_flags_node(struct unit *u, struct node *n)
{
	const char *rec = member_record(u, n);

	if (!rec || strcmp(rec, "vm_area_desc") || strcmp(node_name(u, n), "vm_flags"))
		return;
	report_sev(u, my_id, api_severity(u, api_removed("vm_flags", "vm_area_desc")), n,
		   "%s%s is replaced by desc->vma_flags in "
		   "7.0: from 7.0 use vma_desc_set_flags(), vma_desc_clear_flags() and "
		   "vma_desc_test*() with VMA_*_BIT numbers", fn_prefix(u, n->func),
		   expr_text(u, n));
}

/* The name written at a call: "vma_desc_test_flags" for the macro that expands to _mask(). */
static const char *written_name(struct unit *u, struct node *n)
{
	CXSourceLocation loc = clang_getCursorLocation(n->cur);
	const char *name = call_name(u, n);
	CXToken *toks = NULL;
	unsigned int ntok, off;
	size_t size = 0;
	CXFile file;

	clang_getExpansionLocation(loc, &file, NULL, NULL, &off);
	if (!file || !clang_getFileContents(u->tu, file, &size) || off >= size)
		return name;
	clang_tokenize(u->tu, clang_getRange(clang_getLocationForOffset(u->tu, file, off),
					     clang_getLocationForOffset(u->tu, file,
						off + 64 < size ? off + 64 : (unsigned int)size)),
		       &toks, &ntok);
	if (ntok && clang_getTokenKind(toks[0]) == CXToken_Identifier)
		name = cx_str(u, clang_getTokenSpelling(u->tu, toks[0]));
	clang_disposeTokens(u->tu, toks, ntok);
	return name;
}

static void removed_call(struct unit *u, struct node *n)
{
	const char *name = written_name(u, n);
	const struct api_entry *e = api_lookup(name, NULL);

	if (e && e->removed && e->removal)
		report_sev(u, my_id, api_severity(u, e->removed), n, "%s%s(): %s",
			   fn_prefix(u, n->func), name, e->removal);
}

static void level_node(struct unit *u, struct node *n)
{
	if (n->kind == CXCursor_MemberRefExpr) {
		vm_flags_node(u, n);
		return;
	}
	if (n->kind == CXCursor_CompoundLiteralExpr) {
		const char *sp = cx_str(u, clang_getTypeSpelling(node_type(n)));

		/* mk_vma_flags(...) and the helpers built on it */
		if (strstr(sp, "vma_flag_t") && strchr(sp, '['))
			scan_masks(u, n);
		return;
	}
	if (n->kind != CXCursor_CallExpr)
		return;
	if (implicitly_declared(n)) {
		const char *name = call_name(u, n);
		const struct api_entry *e = api_lookup(name, NULL);

		if (e && e->absent)
			report(u, my_id, n, "%s%s() is not declared %s; %s",
			       fn_prefix(u, n->func), name,
			       u->shims ? arena_printf(&u->arena, "at --api=%s",
						       api_name(u->api)) :
			       "by the kernel headers in use", e->absent);
		return;
	}
	if (clang_Cursor_isNull(call_target(n)))
		return;
	removed_call(u, n);
	if (takes_flag_bits(u, call_target(n)))
		scan_masks(u, n);
}

static bool level_diag(struct unit *u, const struct diag *d)
{
	const char *msg = NULL;

	if (strstr(d->message, "'vm_flags' in 'struct vm_area_desc'"))
		msg = "desc->vm_flags was replaced by desc->vma_flags in 7.0: use "
		      "vma_desc_set_flags(), vma_desc_clear_flags() and vma_desc_test*() with "
		      "VMA_*_BIT numbers";
	else if (strstr(d->message, "'mapped'") && strstr(d->message, "vm_operations_struct"))
		msg = "vm_operations_struct.mapped exists from 7.1; before it there is nowhere to "
		      "do per-mapping work: keep the driver on .mmap";
	if (!msg)
		return false;
	report_at(u, my_id, d->line, d->col, d->func, "%s%s",
		  fn_prefix(u, d->func), msg);
	return true;
}

void check_api_level(int id)
{
	my_id = id;
	add_node_hook(id, level_node);
	add_diag_hook(id, level_diag);
}
