/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_MIGRATE_H
#define _LINUX_MIGRATE_H

#include <linux/mm.h>

#endif
