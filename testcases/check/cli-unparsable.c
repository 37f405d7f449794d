// SPDX-License-Identifier: GPL-2.0
/*
 * A syntax error in the file: one error line, exit 2, no findings.
 *
 * check-name: cli: unparsable file
 */
#include <linux/mm.h>

static int udev_prepare(struct vm_area_desc *desc)
{
	return desc->pgoff +;
}

/*
 * check-output-start
cli-unparsable.c: error: cannot parse: 11:22: expected expression
 * check-output-end
 */
