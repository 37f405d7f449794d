// SPDX-License-Identifier: GPL-2.0
/*
 * The names behind prepare-resource and double-ref: the kernel's own allocators and
 * reference helpers by name, and the shapes its naming conventions give every subsystem's
 * own reference helpers (kobject_get(), pm_runtime_get_sync(), afs_add_open_mmap(),
 * this_cpu_inc(), ... and kobject_put(), pm_runtime_put_autosuspend(),
 * afs_drop_open_mmap(), ...).
 */
#include <stddef.h>
#include <string.h>

#include "ast.h"
#include "check_refs.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	enum res_kind kind;
} res_calls[] = {
	{ "kmalloc", RES_ALLOC }, { "kzalloc", RES_ALLOC }, { "kcalloc", RES_ALLOC },
	{ "kmalloc_array", RES_ALLOC }, { "kmalloc_node", RES_ALLOC },
	{ "kzalloc_node", RES_ALLOC }, { "kvmalloc", RES_ALLOC }, { "kvzalloc", RES_ALLOC },
	{ "kvcalloc", RES_ALLOC }, { "kvmalloc_array", RES_ALLOC }, { "vmalloc", RES_ALLOC },
	{ "vzalloc", RES_ALLOC }, { "vmalloc_user", RES_ALLOC },
	{ "kmem_cache_alloc", RES_ALLOC }, { "kmem_cache_zalloc", RES_ALLOC },
	{ "kstrdup", RES_ALLOC }, { "kmemdup", RES_ALLOC }, { "alloc_pages", RES_ALLOC },
	{ "alloc_page", RES_ALLOC }, { "__get_free_pages", RES_ALLOC },
	{ "get_zeroed_page", RES_ALLOC }, { "devm_kzalloc", RES_ALLOC },
	{ "devm_kmalloc", RES_ALLOC },
	{ "kref_get", RES_REF }, { "kref_get_unless_zero", RES_REF },
	{ "refcount_inc", RES_REF }, { "refcount_inc_not_zero", RES_REF },
	{ "atomic_inc", RES_REF }, { "atomic_inc_return", RES_REF },
	{ "atomic_long_inc", RES_REF }, { "atomic64_inc", RES_REF }, { "get_file", RES_REF },
	{ "get_device", RES_REF }, { "get_page", RES_REF }, { "try_module_get", RES_REF },
	{ "__module_get", RES_REF }, { "pm_runtime_get_sync", RES_REF },
	{ "get_task_struct", RES_REF }, { "get_pid", RES_REF }, { "mmgrab", RES_REF },
	{ "mmget", RES_REF }, { "igrab", RES_REF }, { "fget", RES_REF }, { "dget", RES_REF },
	{ "pm_runtime_resume_and_get", RES_REF },
	{ "list_add", RES_PUBLISH }, { "list_add_tail", RES_PUBLISH },
	{ "list_add_rcu", RES_PUBLISH }, { "list_add_tail_rcu", RES_PUBLISH },
	{ "hlist_add_head", RES_PUBLISH }, { "hlist_add_head_rcu", RES_PUBLISH },
	{ "xa_store", RES_PUBLISH }, { "idr_alloc", RES_PUBLISH },
};

/* Is `word` one of the '_'-separated words of name? */
static bool has_word(const char *name, const char *word)
{
	size_t n = strlen(word);
	const char *p = name;

	while ((p = strstr(p, word))) {
		if ((p == name || p[-1] == '_') && (p[n] == '\0' || p[n] == '_'))
			return true;
		p += n;
	}
	return false;
}

static bool ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), m = strlen(suffix);

	return n >= m && !strcmp(name + n - m, suffix);
}

static bool starts_with(const char *name, const char *prefix)
{
	return !strncmp(name, prefix, strlen(prefix));
}

/* A counter API: atomic*_, refcount_, percpu_counter_, this_cpu_, local_ ... */
static bool counter_api(const char *name)
{
	return starts_with(name, "atomic") || starts_with(name, "refcount_") ||
	       starts_with(name, "percpu_") || starts_with(name, "this_cpu_") ||
	       starts_with(name, "local_") || starts_with(name, "raw_cpu_");
}

/* The shapes of reference-taking names (the conventions of the kernel's own helpers). */
static bool ref_shape(const char *name)
{
	static const char *const get_suffix[] = {
		"_get", "_get_sync", "_get_noresume", "_get_unless_zero", "_get_not_zero",
		"_get_if_active", "_get_if_in_use",
	};
	size_t i;

	for (i = 0; i < NELEM(get_suffix); i++)
		if (ends_with(name, get_suffix[i]))
			return true;
	if (starts_with(name, "pm_runtime_get"))
		return true;
	if (counter_api(name))
		return has_word(name, "inc") || has_word(name, "add");
	/* afs_add_open_mmap(): a subsystem's own "add one user" helper */
	return strstr(name, "_add_") != NULL || has_word(name, "inc");
}

enum res_kind resource_call_kind(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(res_calls); i++)
		if (!strcmp(name, res_calls[i].name))
			return res_calls[i].kind;
	if (is_release_call(name))
		return RES_NONE;
	return ref_shape(name) ? RES_REF : RES_NONE;
}

bool is_release_call(const char *name)
{
	static const char *const words[] = {
		"put", "dec", "del", "delete", "remove", "drop", "release", "unref", "sub",
		"unpin", "erase", "free",
	};
	size_t i;

	for (i = 0; i < NELEM(words); i++)
		if (has_word(name, words[i]))
			return true;
	/* fput(), dput(), iput(), mmput(), mmdrop() */
	return !strchr(name, '_') && (ends_with(name, "put") || ends_with(name, "drop"));
}

bool counter_add_negative(const char *name, struct node *call)
{
	unsigned int i;
	long long v;

	if (!counter_api(name) || !has_word(name, "add"))
		return false;
	/* kids[0] is the callee; the amount is an argument whatever its position. */
	for (i = 1; i < call->nkids; i++)
		if (eval_int(call->kids[i], &v) && v < 0)
			return true;
	return false;
}
