// SPDX-License-Identifier: GPL-2.0
/* A channel client: its ring is I/O memory mapped whole. */
#include <linux/fs.h>
#include <linux/mm.h>
#include "board.h"

static int
client_ring_mmap(struct board_chan *chan, struct vm_area_struct *vma)
{
	if (!chan->ring)
		return -ENODEV;

	return vm_iomap_memory(vma, chan->ring_phys, 4 * PAGE_SIZE);
}

int client_probe(struct board_chan *chan)
{
	return board_chan_set_ring(chan, client_ring_mmap);
}
