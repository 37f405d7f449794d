/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPU_H
#define _LINUX_CPU_H

#include <linux/types.h>

unsigned int num_online_cpus(void);

#endif
