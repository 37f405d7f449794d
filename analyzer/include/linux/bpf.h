/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_BPF_H
#define _LINUX_BPF_H

#include <linux/fs.h>
#include <linux/mm.h>

#endif
