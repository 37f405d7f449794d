// SPDX-License-Identifier: GPL-2.0
/* An LED driver whose blink hook is also called directly: not converted. */
#include <linux/fs.h>
#include <linux/mm.h>
#include "board.h"

static int led_blink_map(struct board_led *led, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, led->pattern_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

int led_remap(struct board_led *led, struct vm_area_struct *vma)
{
	return led_blink_map(led, vma);
}

void led_setup(struct board_led *led)
{
	led->blink_map = led_blink_map;
}
