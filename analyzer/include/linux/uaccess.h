/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
#define get_user(x, ptr)	({ (x) = *(ptr); 0; })
#define put_user(x, ptr)	({ *(ptr) = (x); 0; })

#endif
