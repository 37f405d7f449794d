/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STM_H
#define _LINUX_STM_H

#include <linux/device.h>
#include <linux/module.h>

struct stm_data {
	const char *name;
	unsigned int sw_start;
	unsigned int sw_end;
	unsigned int sw_nchannels;
	unsigned int sw_mmiosz;
	phys_addr_t (*mmio_addr)(struct stm_data *data, unsigned int master,
				 unsigned int channel, unsigned int nr_chans);
};

int stm_register_device(struct device *parent, struct stm_data *stm_data,
			struct module *owner);
void stm_unregister_device(struct stm_data *stm_data);

#endif
