/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel API levels of f_op->mmap_prepare (../../shared/api/mmap_prepare.md, section 1):
 * the names the checks print and the parsing of --api. No front-end state.
 */
#ifndef MMPREP_API_H
#define MMPREP_API_H

/* Levels are MAJOR * 100 + MINOR: 619 (6.19), 700, 701, 702. */
#define API_DEFAULT 702

/* "7.1" for 701; "?" for a level this table does not know. */
const char *api_name(int api);

/* "7.1" or "701" -> 701; -1 if not a known level. */
int api_parse(const char *s);

/* The known levels, comma-separated, for error messages ("6.19, 7.0, 7.1, 7.2"). */
const char *api_list(void);

#endif
