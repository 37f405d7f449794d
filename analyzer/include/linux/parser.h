/* SPDX-License-Identifier: GPL-2.0 */
/* mmprep shim: nothing here matters to the checks beyond its includes. */
#ifndef _LINUX_PARSER_H
#define _LINUX_PARSER_H

#include <linux/types.h>

#endif
