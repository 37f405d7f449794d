/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_DMA_RESV_H
#define _LINUX_DMA_RESV_H

#include <linux/types.h>

#endif
