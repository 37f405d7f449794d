// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel API levels: names and parsing (see api.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "api_table.h"

#if API_TABLE_DEFAULT != API_DEFAULT
#error "API_DEFAULT differs from scripts/mmprep/api.py"
#endif

static const struct {
	const char *name;
	int level;
} api_levels[] = {
	API_TABLE_LEVELS
};

#define NR_LEVELS (sizeof(api_levels) / sizeof(api_levels[0]))

const struct api_entry api_entries[] = {
	API_TABLE_NAMES
};

const size_t api_nr_entries = sizeof(api_entries) / sizeof(api_entries[0]);

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

const struct api_entry *api_lookup(const char *name, const char *record)
{
	size_t i;

	for (i = 0; i < api_nr_entries; i++)
		if (!strcmp(api_entries[i].name, name) && same(api_entries[i].record, record))
			return &api_entries[i];
	return NULL;
}

int api_removed(const char *name, const char *record)
{
	const struct api_entry *e = api_lookup(name, record);

	return e ? e->removed : 0;
}

const char *api_name(int api)
{
	size_t i;

	for (i = 0; i < NR_LEVELS; i++)
		if (api_levels[i].level == api)
			return api_levels[i].name;
	return "?";
}

int api_parse(const char *s)
{
	char *end;
	long v;
	size_t i;

	for (i = 0; i < NR_LEVELS; i++)
		if (!strcmp(api_levels[i].name, s))
			return api_levels[i].level;
	v = strtol(s, &end, 10);
	if (end == s || *end)
		return -1;
	for (i = 0; i < NR_LEVELS; i++)
		if (v == api_levels[i].level)
			return api_levels[i].level;
	return -1;
}

const char *api_list(void)
{
	static char list[64];
	size_t i;

	if (!list[0])
		for (i = 0; i < NR_LEVELS; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, api_levels[i].name);
		}
	return list;
}
