/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/fs.h>

struct proc_dir_entry;

struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*proc_write)(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
	__poll_t (*proc_poll)(struct file *file, struct poll_table_struct *wait);
	long (*proc_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*proc_mmap)(struct file *file, struct vm_area_struct *vma);
	unsigned long (*proc_get_unmapped_area)(struct file *file, unsigned long addr,
						unsigned long len, unsigned long pgoff,
						unsigned long flags);
};

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent, const struct proc_ops *ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *ops, void *data);
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *de);
void *pde_data(const struct inode *inode);

#endif
