// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a use-after-free on load, which KASAN must report and
 * the harness must then fail the run. Never load it outside that test.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/module.h>
#include <linux/slab.h>

static int __init harness_kasan_init(void)
{
	u8 *p = kmalloc(32, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	pr_info("spinet_harness_kasan: reading freed memory on purpose: %u\n",
		READ_ONCE(p[8]));
	return 0;
}
module_init(harness_kasan_init);

static void __exit harness_kasan_exit(void)
{
}
module_exit(harness_kasan_exit);

MODULE_DESCRIPTION("spinet harness self-test: a KASAN report");
MODULE_LICENSE("GPL");
