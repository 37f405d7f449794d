/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/fs.h>
#include <linux/device.h>
#include <linux/module.h>

#define MISC_DYNAMIC_MINOR	255

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const char *nodename;
	umode_t mode;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#define module_misc_device(__misc_device)					\
	static int __init __misc_device##_init(void)				\
	{									\
		return misc_register(&(__misc_device));				\
	}									\
	module_init(__misc_device##_init);					\
	static void __exit __misc_device##_exit(void)				\
	{									\
		misc_deregister(&(__misc_device));				\
	}									\
	module_exit(__misc_device##_exit)

#endif
