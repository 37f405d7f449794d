/* SPDX-License-Identifier: GPL-2.0 */
/* sensor_bits.h: included by sensor_regs.h, relative to its own folder. */
#ifndef SENSOR_BITS_H
#define SENSOR_BITS_H

#define SENSOR_BANKS	4

#endif
