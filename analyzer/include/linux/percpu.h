/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>

#define DEFINE_PER_CPU(type, name)	__typeof__(type) name
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name
#define per_cpu(var, cpu)		(var)
#define this_cpu_ptr(ptr)		(ptr)
#define per_cpu_ptr(ptr, cpu)		(ptr)
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type)		((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
void free_percpu(void *ptr);

#endif
