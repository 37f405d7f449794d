/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmprep shim headers: which kernel API level to model.
 * MMPREP_API is 619, 700, 701 or 702 (6.19, 7.0, 7.1, 7.2); mmprep-check --api sets it.
 */
#ifndef _MMPREP_API_H
#define _MMPREP_API_H

#ifndef MMPREP_API
#define MMPREP_API 702
#endif

#if MMPREP_API != 619 && MMPREP_API != 700 && MMPREP_API != 701 && MMPREP_API != 702
#error "MMPREP_API must be 619, 700, 701 or 702"
#endif

#endif
