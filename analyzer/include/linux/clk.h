/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CLK_H
#define _LINUX_CLK_H

#include <linux/device.h>

struct clk;

struct clk *clk_get(struct device *dev, const char *id);
struct clk *devm_clk_get(struct device *dev, const char *id);
struct clk *devm_clk_get_enabled(struct device *dev, const char *id);
void clk_put(struct clk *clk);
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
int clk_enable(struct clk *clk);
void clk_disable(struct clk *clk);
unsigned long clk_get_rate(struct clk *clk);
int clk_set_rate(struct clk *clk, unsigned long rate);

#endif
