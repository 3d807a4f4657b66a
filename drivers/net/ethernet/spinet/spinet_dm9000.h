/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DM9000 backend's platform driver, registered by the module.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_DM9000_H
#define _SPINET_DM9000_H

struct platform_driver;

extern struct platform_driver spinet_dm9000_driver;

#endif /* _SPINET_DM9000_H */
