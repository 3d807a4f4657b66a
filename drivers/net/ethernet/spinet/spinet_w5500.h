/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The W5500 backend's SPI driver, registered by the module.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_W5500_H
#define _SPINET_W5500_H

struct spi_driver;

extern struct spi_driver spinet_w5500_driver;

#endif /* _SPINET_W5500_H */
