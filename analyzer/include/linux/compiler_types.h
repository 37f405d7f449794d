/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifdef __CHECKER__
#define __user		__attribute__((noderef, address_space(__user)))
#define __iomem		__attribute__((noderef, address_space(__iomem)))
#define __force		__attribute__((force))
#define __bitwise	__attribute__((bitwise))
#define __private	__attribute__((noderef))
#else
#define __user
#define __iomem
#define __force
#define __bitwise
#define __private
#endif
#define __rcu
#define ACCESS_PRIVATE(p, member) (*((__typeof__((p)->member) __force *)&(p)->member))
#define __percpu

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __noreturn		__attribute__((__noreturn__))
#define __cold			__attribute__((__cold__))
#define fallthrough		__attribute__((__fallthrough__))
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __read_mostly
#define notrace

#endif
