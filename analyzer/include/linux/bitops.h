/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/kernel.h>

#ifndef BITS_PER_BYTE
#define BITS_PER_BYTE		8
#endif
void set_bit(long nr, volatile unsigned long *addr);
void clear_bit(long nr, volatile unsigned long *addr);
void __set_bit(long nr, volatile unsigned long *addr);
void __clear_bit(long nr, volatile unsigned long *addr);
bool test_bit(long nr, const volatile unsigned long *addr);
bool test_and_set_bit(long nr, volatile unsigned long *addr);
bool test_and_clear_bit(long nr, volatile unsigned long *addr);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);
#define for_each_set_bit(bit, addr, size) \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))
#define fls(x)			((x) ? 32 - __builtin_clz(x) : 0)
#define ffs(x)			__builtin_ffs(x)
#define __ffs(x)		((unsigned long)__builtin_ctzl(x))

#endif
