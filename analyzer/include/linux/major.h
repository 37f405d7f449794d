/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MAJOR_H
#define _LINUX_MAJOR_H

#define MEM_MAJOR		1
#define TTY_MAJOR		4
#define MISC_MAJOR		10
#define FB_MAJOR		29
#define RAW_MAJOR		162

#endif
