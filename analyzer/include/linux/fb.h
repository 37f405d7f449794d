/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FB_H
#define _LINUX_FB_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/device.h>

struct fb_info;

struct fb_fix_screeninfo {
	char id[16];
	unsigned long smem_start;
	u32 smem_len;
	u32 type;
	u32 visual;
	u32 line_length;
	unsigned long mmio_start;
	u32 mmio_len;
	u32 accel;
};

struct fb_var_screeninfo {
	u32 xres;
	u32 yres;
	u32 xres_virtual;
	u32 yres_virtual;
	u32 bits_per_pixel;
};

struct fb_ops {
	struct module *owner;
	int (*fb_open)(struct fb_info *info, int user);
	int (*fb_release)(struct fb_info *info, int user);
	int (*fb_check_var)(struct fb_var_screeninfo *var, struct fb_info *info);
	int (*fb_set_par)(struct fb_info *info);
	int (*fb_ioctl)(struct fb_info *info, unsigned int cmd, unsigned long arg);
	int (*fb_mmap)(struct fb_info *info, struct vm_area_struct *vma);
};

struct fb_info {
	struct fb_var_screeninfo var;
	struct fb_fix_screeninfo fix;
	const struct fb_ops *fbops;
	struct device *device;
	char __iomem *screen_base;
	unsigned long screen_size;
	void *pseudo_palette;
	void *par;
	int node;
	int flags;
};

struct fb_info *framebuffer_alloc(size_t size, struct device *dev);
void framebuffer_release(struct fb_info *info);
int register_framebuffer(struct fb_info *fb_info);
void unregister_framebuffer(struct fb_info *fb_info);
int fb_deferred_io_mmap(struct fb_info *info, struct vm_area_struct *vma);

#endif
