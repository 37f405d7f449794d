/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/kernel.h>

struct device_driver {
	const char *name;
	struct module *owner;
};

struct device {
	struct device *parent;
	const char *init_name;
	struct device_driver *driver;
	void *driver_data;
	u64 *dma_mask;
	u64 coherent_dma_mask;
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

struct device *get_device(struct device *dev);
void put_device(struct device *dev);
const char *dev_name(const struct device *dev);
int _dev_printk(const struct device *dev, const char *fmt, ...) __printf(2, 3);

#define dev_err(dev, fmt, ...)	_dev_printk(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	_dev_printk(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	_dev_printk(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	_dev_printk(dev, fmt, ##__VA_ARGS__)

/* module_init()/module_exit() of a driver that only registers itself (module.h) */
#define module_driver(__driver, __register, __unregister, ...)			\
static int __init __driver##_init(void)						\
{										\
	return __register(&(__driver), ##__VA_ARGS__);				\
}										\
module_init(__driver##_init);							\
static void __exit __driver##_exit(void)					\
{										\
	__unregister(&(__driver), ##__VA_ARGS__);				\
}										\
module_exit(__driver##_exit)

void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);

#endif
