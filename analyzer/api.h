/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel API levels of f_op->mmap_prepare (../../shared/api/mmap_prepare.md, section 1):
 * the names the checks print and the parsing of --api. No front-end state.
 */
#ifndef MMPREP_API_H
#define MMPREP_API_H

#include <stddef.h>

/*
 * Levels are MAJOR * 100 + MINOR: 619 (6.19), 700, 701, 702. The levels and the API names
 * come from one table, scripts/mmprep/api.py, through the generated api_table.h.
 */
#define API_DEFAULT 702

/* One API name: a function, function-like macro, field (of record) or enum constant. */
struct api_entry {
	const char *name;
	const char *record;	/* the struct of a field; NULL otherwise */
	int since;		/* the level it appears at */
	int removed;		/* the level that removes or renames it; 0: none */
	const char *successor;	/* its name from that level; NULL: none */
	const char *absent;	/* advice when used but not declared; NULL: not reported */
	const char *removal;	/* advice while declared but removed later; NULL: none */
};

/* The API names, api_nr_entries of them. */
extern const struct api_entry api_entries[];
extern const size_t api_nr_entries;

/* The entry of name (of record, or NULL), or NULL. */
const struct api_entry *api_lookup(const char *name, const char *record);

/* The level that removes name (of record); 0 if none or not in the table. */
int api_removed(const char *name, const char *record);

/* "7.1" for 701; "?" for a level this table does not know. */
const char *api_name(int api);

/* "7.1" or "701" -> 701; -1 if not a known level. */
int api_parse(const char *s);

/* The known levels, comma-separated, for error messages ("6.19, 7.0, 7.1, 7.2"). */
const char *api_list(void);

#endif
