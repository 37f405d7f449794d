/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/types.h>

struct sk_buff {
	unsigned int len;
	unsigned char *data;
};

#endif
