/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/types.h>

struct srcu_struct {
	int srcu_idx;
};

int srcu_read_lock(struct srcu_struct *ssp);
void srcu_read_unlock(struct srcu_struct *ssp, int idx);
void synchronize_srcu(struct srcu_struct *ssp);

#endif
