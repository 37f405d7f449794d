/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/mm.h>

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
int memblock_reserve(phys_addr_t base, phys_addr_t size);

#endif
