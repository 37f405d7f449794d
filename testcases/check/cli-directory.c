// SPDX-License-Identifier: GPL-2.0
/*
 * A folder stands for the .c files under it, in name order.
 *
 * check-name: cli: a folder argument
 * check-command: mmprep-check --api=7.0 --disable=api-level include
 */

/*
 * check-output-start
include/api-level-7.0.c: note: 2 errors in this file (first: 17:3: field designator 'mapped' does not refer to any field in type 'const struct vm_operations_struct'); code clang could not type-check is analysed partially
 * check-output-end
 */
