/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UNALIGNED_H
#define _LINUX_UNALIGNED_H

#include <linux/types.h>

#define get_unaligned(ptr)	(*(ptr))
#define put_unaligned(val, ptr)	((void)(*(ptr) = (val)))
u16 get_unaligned_le16(const void *p);
u32 get_unaligned_le32(const void *p);
u64 get_unaligned_le64(const void *p);
u16 get_unaligned_be16(const void *p);
u32 get_unaligned_be32(const void *p);
u64 get_unaligned_be64(const void *p);
void put_unaligned_le32(u32 val, void *p);
void put_unaligned_be32(u32 val, void *p);

#endif
