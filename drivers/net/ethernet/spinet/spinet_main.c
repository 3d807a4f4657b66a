// SPDX-License-Identifier: GPL-2.0
/*
 * spinet module: registers the driver of every chip backend.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/spi/spi.h>

#include "spinet_dm9000.h"
#include "spinet_dm9051.h"
#include "spinet_w5500.h"

static int __init spinet_init(void)
{
	int ret;

	ret = spi_register_driver(&spinet_dm9051_driver);
	if (ret)
		return ret;
	ret = spi_register_driver(&spinet_w5500_driver);
	if (ret)
		goto unregister_dm9051;
	ret = platform_driver_register(&spinet_dm9000_driver);
	if (ret)
		goto unregister_w5500;
	return 0;

unregister_w5500:
	spi_unregister_driver(&spinet_w5500_driver);
unregister_dm9051:
	spi_unregister_driver(&spinet_dm9051_driver);
	return ret;
}
module_init(spinet_init);

static void __exit spinet_exit(void)
{
	platform_driver_unregister(&spinet_dm9000_driver);
	spi_unregister_driver(&spinet_w5500_driver);
	spi_unregister_driver(&spinet_dm9051_driver);
}
module_exit(spinet_exit);

MODULE_DESCRIPTION("spinet: SPI Ethernet with NAPI, GRO and BQL");
MODULE_AUTHOR("The spinet authors");
MODULE_LICENSE("GPL");
