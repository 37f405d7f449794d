/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_USB_H
#define _LINUX_USB_H

#include <linux/device.h>

struct usb_device {
	int devnum;
	struct device dev;
};

struct usb_interface {
	struct device dev;
};

struct usb_device *usb_get_dev(struct usb_device *dev);
void usb_put_dev(struct usb_device *dev);
#define interface_to_usbdev(intf)	container_of((intf)->dev.parent, struct usb_device, dev)

#endif
