// SPDX-License-Identifier: GPL-2.0
/*
 * --compare: what changed between an old report and this one.
 *
 * A hook is the same hook in both trees when the file, the hook family and the function
 * name agree, a "_prepare" suffix and a ".mmap_prepare" member set aside (a conversion
 * renames foo_mmap to foo_mmap_prepare). When a file then still has exactly one hook of a
 * family that only the old tree has and one that only the new tree has, they are taken
 * as the same hook renamed.
 *
 * Each change is one of: added, removed, newly-converted, reverted (was .mmap_prepare,
 * is not any more), newly-automatic, newly-declined (now needs vm_ops->mapped or a
 * human), newly-error, reclassified (any other change of category).
 */
#include <string.h>

#include "report.h"

static char *strip_prepare(const char *s)
{
	size_t n = strlen(s);

	if (n > 8 && !strcmp(s + n - 8, "_prepare"))
		n -= 8;
	return xstrndup(s, n);
}

static char *match_key(const json_t *h, bool with_function)
{
	struct sbuf b = { 0 };
	char *fam = strip_prepare(jget_str(h, "hook"));
	char *fn = strip_prepare(jget_str(h, "function"));

	sbuf_addf(&b, "%s\t%s", jget_str(h, "file"), fam);
	if (with_function)
		sbuf_addf(&b, "\t%s", fn);
	free(fam);
	free(fn);
	return b.s;
}

static const char *change_kind(const char *old, const char *new)
{
	if (!strcmp(old, new))
		return NULL;
	if (!strcmp(new, "converted"))
		return "newly-converted";
	if (!strcmp(old, "converted"))
		return "reverted";
	if (!strcmp(new, "automatic"))
		return "newly-automatic";
	if ((!strcmp(new, "manual") || !strcmp(new, "mapped")) &&
	    (!strcmp(old, "automatic") || !strcmp(old, "error")))
		return "newly-declined";
	if (!strcmp(new, "error"))
		return "newly-error";
	return "reclassified";
}

static json_t *change(const char *kind, const json_t *old, const json_t *new)
{
	const json_t *h = new ? new : old;
	json_t *c = json_object();

	json_object_set_new(c, "change", json_string(kind));
	json_object_set_new(c, "file", jstr(jget_str(h, "file")));
	json_object_set_new(c, "line", json_integer(jget_int(h, "line")));
	json_object_set_new(c, "function", jstr(jget_str(h, "function")));
	json_object_set_new(c, "hook", jstr(jget_str(h, "hook")));
	json_object_set_new(c, "old_function", jstr_or_null(old ? jget_str(old, "function") : NULL));
	json_object_set_new(c, "old_category", jstr_or_null(old ? jget_str(old, "category") : NULL));
	json_object_set_new(c, "category", jstr_or_null(new ? jget_str(new, "category") : NULL));
	json_object_set_new(c, "subsystem", jstr(jget_str(h, "subsystem")));
	json_object_set_new(c, "detail", jstr_or_null(jget_str(h, "reason") ? jget_str(h, "reason") :
						       jget_str(h, "rule")));
	return c;
}

static int cmp_changes(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = strcmp(jget_str(x, "file"), jget_str(y, "file"));

	if (c)
		return c;
	c = strcmp(jget_str(x, "function"), jget_str(y, "function"));
	if (c)
		return c;
	c = strcmp(jget_str(x, "hook"), jget_str(y, "hook"));
	return c ? c : strcmp(jget_str(x, "change"), jget_str(y, "change"));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(jget_str(*(json_t *const *)a, "name"), jget_str(*(json_t *const *)b, "name"));
}

/* key -> array of hooks, in report order */
static json_t *index_hooks(const json_t *hooks, bool with_function)
{
	json_t *idx = json_object(), *h;
	size_t i;

	json_array_foreach(hooks, i, h) {
		char *k = match_key(h, with_function);
		json_t *list = json_object_get(idx, k);

		if (!list) {
			list = json_array();
			json_object_set_new(idx, k, list);
		}
		json_array_append(list, h);
		free(k);
	}
	return idx;
}

static json_t *counts_of(const json_t *sub)
{
	static const char *const keys[] = {
		"hooks", "converted", "automatic", "mapped", "manual", "error", "other_types",
	};
	json_t *c = json_object();

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		json_object_set_new(c, keys[i], json_integer(sub ? jget_int(sub, keys[i]) : 0));
	return c;
}

void model_compare(json_t *model, json_t *old)
{
	const json_t *hooks = json_object_get(model, "hooks");
	const json_t *ohooks = json_object_get(old, "hooks");
	json_t *cmp = json_object(), *changes = json_array(), *subs = json_object();
	json_t *oidx = index_hooks(ohooks, true), *used = json_object(), *added = json_array();
	json_t *h, *v, *arr, *kinds = json_object();
	const char *k;
	size_t i;

	if (strcmp_null(jget_str(old, "schema"), REPORT_SCHEMA))
		die("--compare: the old report is not a %s JSON report", REPORT_SCHEMA);
	if (!json_is_array(ohooks))
		die("--compare: the old report has no hooks array");

	/* same file, family and function */
	json_array_foreach(hooks, i, h) {
		char *key = match_key(h, true);
		json_t *list = json_object_get(oidx, key);
		json_t *o = NULL;
		size_t j;

		json_array_foreach(list, j, v) {
			char ptr[32];

			snprintf(ptr, sizeof(ptr), "%p", (void *)v);
			if (!json_object_get(used, ptr)) {
				json_object_set_new(used, ptr, json_true());
				o = v;
				break;
			}
		}
		free(key);
		if (!o) {
			json_array_append(added, h);
			continue;
		}
		k = change_kind(jget_str(o, "category"), jget_str(h, "category"));
		if (k)
			json_array_append_new(changes, change(k, o, h));
	}
	/* renamed: one unmatched hook of a family in a file on each side */
	{
		json_t *removed = json_array(), *ridx, *aidx;

		json_array_foreach(ohooks, i, v) {
			char ptr[32];

			snprintf(ptr, sizeof(ptr), "%p", (void *)v);
			if (!json_object_get(used, ptr))
				json_array_append(removed, v);
		}
		ridx = index_hooks(removed, false);
		aidx = index_hooks(added, false);
		json_array_foreach(added, i, h) {
			char *key = match_key(h, false);
			json_t *rl = json_object_get(ridx, key), *al = json_object_get(aidx, key);

			free(key);
			if (json_array_size(rl) == 1 && json_array_size(al) == 1) {
				json_t *o = json_array_get(rl, 0);

				k = change_kind(jget_str(o, "category"), jget_str(h, "category"));
				if (k)
					json_array_append_new(changes, change(k, o, h));
				json_object_set_new(o, "_paired", json_true());
				continue;
			}
			json_array_append_new(changes, change("added", NULL, h));
		}
		json_array_foreach(removed, i, v) {
			if (json_object_get(v, "_paired"))
				json_object_del(v, "_paired");
			else
				json_array_append_new(changes, change("removed", v, NULL));
		}
		json_decref(removed);
		json_decref(ridx);
		json_decref(aidx);
	}
	json_array_sort(changes, cmp_changes);
	json_array_foreach(changes, i, v) {
		const char *kind = jget_str(v, "change");

		json_object_set_new(kinds, kind, json_integer(jget_int(kinds, kind) + 1));
	}

	/* per subsystem, old and new counts, where they differ */
	json_array_foreach(json_object_get(old, "subsystems"), i, v) {
		json_t *s = json_object();

		json_object_set_new(s, "name", jstr(jget_str(v, "name")));
		json_object_set_new(s, "old", counts_of(v));
		json_object_set_new(s, "new", counts_of(NULL));
		json_object_set_new(subs, jget_str(v, "name"), s);
	}
	json_array_foreach(json_object_get(model, "subsystems"), i, v) {
		json_t *s = json_object_get(subs, jget_str(v, "name"));

		if (!s) {
			s = json_object();
			json_object_set_new(s, "name", jstr(jget_str(v, "name")));
			json_object_set_new(s, "old", counts_of(NULL));
			json_object_set_new(subs, jget_str(v, "name"), s);
		}
		json_object_set_new(s, "new", counts_of(v));
	}
	arr = json_array();
	json_object_foreach(subs, k, v)
		if (!json_equal(json_object_get(v, "old"), json_object_get(v, "new")))
			json_array_append(arr, v);
	json_array_sort(arr, cmp_name);

	json_object_set_new(cmp, "old", json_pack("{s:O?,s:O?,s:O?}",
						  "tree", json_object_get(old, "tree"),
						  "api", json_object_get(old, "api"),
						  "totals", json_object_get(old, "totals")));
	json_object_set_new(cmp, "changes_by_kind", kinds);
	json_object_set_new(cmp, "subsystems", arr);
	json_object_set_new(cmp, "changes", changes);
	json_object_set_new(model, "compare", cmp);
	json_decref(subs);
	json_decref(oidx);
	json_decref(used);
	json_decref(added);
}
