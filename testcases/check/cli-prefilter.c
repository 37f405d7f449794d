// SPDX-License-Identifier: GPL-2.0
/*
 * include/prefilter-target.c names none of the new mmap API itself (a local header does),
 * so the prefilter skips it; --no-prefilter parses it and finds the VMA.
 *
 * check-name: cli: prefilter and --no-prefilter
 * check-command: mmprep-check include/prefilter-target.c -- -Iinclude; mmprep-check --no-prefilter include/prefilter-target.c -- -Iinclude
 */

/*
 * check-output-start
include/prefilter-target.c:7:9: warning: qdev_hook(): find_vma() returns a struct vm_area_struct in the mmap_prepare hook qdev_hook(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
 * check-output-end
 */
