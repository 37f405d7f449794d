/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/module.h>

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
};

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver;
};

struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type,
				       unsigned int num);
int platform_get_irq(struct platform_device *pdev, unsigned int num);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#define module_platform_driver(__platform_driver)				\
	static int __init __platform_driver##_init(void)			\
	{									\
		return platform_driver_register(&(__platform_driver));		\
	}									\
	module_init(__platform_driver##_init);					\
	static void __exit __platform_driver##_exit(void)			\
	{									\
		platform_driver_unregister(&(__platform_driver));		\
	}									\
	module_exit(__platform_driver##_exit)

#endif
