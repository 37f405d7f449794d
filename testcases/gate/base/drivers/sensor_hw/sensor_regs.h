/* SPDX-License-Identifier: GPL-2.0 */
/* sensor_regs.h: the register window of the sensor, private to drivers/sensor. */
#ifndef SENSOR_REGS_H
#define SENSOR_REGS_H

#include "sensor_bits.h"

#define SENSOR_WINDOW_PAGES	(SENSOR_BANKS * 2)

#endif
