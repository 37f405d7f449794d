/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

#include <linux/fs.h>

struct buffer_head {
	unsigned long b_state;
	struct page *b_page;
	size_t b_size;
	char *b_data;
	u64 b_blocknr;
};

struct super_block;
struct buffer_head *sb_bread(struct super_block *sb, u64 block);
void brelse(struct buffer_head *bh);
void mark_buffer_dirty(struct buffer_head *bh);

#endif
