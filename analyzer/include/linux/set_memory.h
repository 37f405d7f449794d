/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SET_MEMORY_H
#define _LINUX_SET_MEMORY_H

#include <linux/mm.h>

int set_memory_uc(unsigned long addr, int numpages);
int set_memory_wc(unsigned long addr, int numpages);
int set_memory_wb(unsigned long addr, int numpages);
int set_memory_ro(unsigned long addr, int numpages);
int set_memory_rw(unsigned long addr, int numpages);
int set_direct_map_invalid_noflush(struct page *page);
int set_direct_map_default_noflush(struct page *page);

#endif
