/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>

typedef struct {
	uid_t val;
} kuid_t;

struct cred {
	kuid_t uid;
	kuid_t euid;
};

const struct cred *current_cred(void);
kuid_t current_uid(void);
kuid_t current_euid(void);
static inline bool uid_eq(kuid_t a, kuid_t b)
{
	return a.val == b.val;
}

#endif
