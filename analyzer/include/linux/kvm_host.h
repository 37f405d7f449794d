/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_KVM_HOST_H
#define _LINUX_KVM_HOST_H

#include <linux/mm.h>

#endif
