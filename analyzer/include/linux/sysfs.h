/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/fs.h>

struct kobject;

struct attribute {
	const char *name;
	umode_t mode;
};

struct attribute_group {
	const char *name;
	struct attribute **attrs;
};

struct bin_attribute {
	struct attribute attr;
	size_t size;
	void *private;
	ssize_t (*read)(struct file *filp, struct kobject *kobj, struct bin_attribute *attr,
			char *buf, loff_t off, size_t count);
	ssize_t (*write)(struct file *filp, struct kobject *kobj, struct bin_attribute *attr,
			 char *buf, loff_t off, size_t count);
	int (*mmap)(struct file *filp, struct kobject *kobj, struct bin_attribute *attr,
		    struct vm_area_struct *vma);
};

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
void sysfs_remove_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);

#endif
