/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by spinet's KUnit suites (one module, several files).
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_KUNIT_H
#define _SPINET_KUNIT_H

#include <linux/types.h>

#define SPINET_KUNIT_HASH_BINS	64

unsigned int spinet_kunit_hash_bin(const u8 *addr);

#endif /* _SPINET_KUNIT_H */
