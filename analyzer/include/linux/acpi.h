/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/device.h>

#endif
