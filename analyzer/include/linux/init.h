/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler_types.h>

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif
