/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UUID_H
#define _LINUX_UUID_H

#include <linux/types.h>

typedef struct {
	u8 b[16];
} uuid_t;

typedef struct {
	u8 b[16];
} guid_t;

void uuid_gen(uuid_t *u);
bool uuid_equal(const uuid_t *u1, const uuid_t *u2);

#endif
