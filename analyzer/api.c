// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel API levels: names and parsing (see api.h).
 */
#include <stdlib.h>
#include <string.h>

#include "api.h"

static const struct {
	const char *name;
	int level;
} api_levels[] = {
	{ "6.19", 619 }, { "7.0", 700 }, { "7.1", 701 }, { "7.2", 702 },
};

#define NR_LEVELS (sizeof(api_levels) / sizeof(api_levels[0]))

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
