/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

#include <linux/net.h>

#endif
