/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/mm.h>

struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags);

#endif
