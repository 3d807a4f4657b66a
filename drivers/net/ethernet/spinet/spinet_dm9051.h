/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DM9051 backend's SPI driver, registered by the module.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_DM9051_H
#define _SPINET_DM9051_H

struct spi_driver;

extern struct spi_driver spinet_dm9051_driver;

#endif /* _SPINET_DM9051_H */
