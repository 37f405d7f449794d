/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/export.h>

struct module {
	const char *name;
};

extern struct module __this_module;
#define THIS_MODULE (&__this_module)

#define module_init(fn)	\
	static initcall_t __maybe_unused __mmprep_initcall_##fn = fn
#define module_exit(fn)	\
	static exitcall_t __maybe_unused __mmprep_exitcall_##fn = fn
#define MODULE_LICENSE(s)	struct __mmprep_module_license
#define MODULE_AUTHOR(s)	struct __mmprep_module_author
#define MODULE_DESCRIPTION(s)	struct __mmprep_module_description
#define MODULE_ALIAS(s)		struct __mmprep_module_alias
#define MODULE_VERSION(s)	struct __mmprep_module_version
#define MODULE_DEVICE_TABLE(type, name) struct __mmprep_module_device_table
#define module_param(name, type, perm) struct __mmprep_module_param_##name
#define MODULE_PARM_DESC(name, desc) struct __mmprep_module_parm_desc_##name

bool try_module_get(struct module *mod);
void module_put(struct module *mod);
void __module_get(struct module *mod);

#endif
