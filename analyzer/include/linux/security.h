/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SECURITY_H
#define _LINUX_SECURITY_H

#include <linux/fs.h>

int security_mmap_file(struct file *file, unsigned long prot, unsigned long flags);
int security_file_mprotect(struct vm_area_struct *vma, unsigned long reqprot,
			   unsigned long prot);
int security_locked_down(int what);

#endif
