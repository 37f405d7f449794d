/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

#include <linux/mm.h>

void mark_page_accessed(struct page *page);
void folio_mark_accessed(struct folio *folio);
void lru_add_drain(void);

#endif
