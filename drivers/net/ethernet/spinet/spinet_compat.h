/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernels spinet builds for (6.1 to 6.12)
 * is handled here, by feature rather than by version number where the
 * build can tell (Raspberry Pi kernels backport selectively).
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_COMPAT_H
#define _SPINET_COMPAT_H

/* EXPORT_SYMBOL_IF_KUNIT: present in every supported kernel (6.1+). */
#include <kunit/visibility.h>

#endif /* _SPINET_COMPAT_H */
