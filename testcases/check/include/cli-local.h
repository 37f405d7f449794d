/* SPDX-License-Identifier: GPL-2.0 */
/* A local header that hides the descriptor type from the prefilter (cli-prefilter.c). */
#include <linux/fs.h>
#include <linux/mm.h>

typedef struct vm_area_desc hdesc_t;
#define HOOK_FIELD	mmap_prepare
