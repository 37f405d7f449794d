/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_DNOTIFY_H
#define _LINUX_DNOTIFY_H

#include <linux/fs.h>

#endif
