/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPAT_H
#define _LINUX_COMPAT_H

#include <linux/types.h>
#include <linux/fs.h>

typedef u32 compat_uptr_t;
typedef u32 compat_ulong_t;
typedef s32 compat_long_t;
typedef s32 compat_int_t;
typedef u32 compat_uint_t;
typedef u32 compat_size_t;

static inline void __user *compat_ptr(compat_uptr_t uptr)
{
	return (void __user *)(unsigned long)uptr;
}
static inline compat_uptr_t ptr_to_compat(void __user *uptr)
{
	return (u32)(unsigned long)uptr;
}
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
bool in_compat_syscall(void);

#endif
