/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_VIDEODEV2_H
#define _LINUX_VIDEODEV2_H

#include <linux/types.h>

#endif
