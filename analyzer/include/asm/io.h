/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

phys_addr_t virt_to_phys(const volatile void *address);
void *phys_to_virt(phys_addr_t address);

#endif
