/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_DAC_OVERRIDE	1
#define CAP_SYS_RAWIO		17
#define CAP_SYS_ADMIN		21
#define CAP_IPC_LOCK		14
#define CAP_SYS_RESOURCE	24
bool capable(int cap);
bool ns_capable(void *ns, int cap);

#endif
