/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_TASK_IO_ACCOUNTING_OPS_H
#define _LINUX_TASK_IO_ACCOUNTING_OPS_H

#include <linux/types.h>

#endif
