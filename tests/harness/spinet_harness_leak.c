// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: an allocation that is never freed and whose pointer is
 * lost, which kmemleak must report ("unreferenced object") at the end of
 * the run, failing it. Never load it outside that test.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/module.h>
#include <linux/slab.h>

static int __init harness_leak_init(void)
{
	void *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	pr_info("spinet_harness_leak: leaking 64 bytes on purpose\n");
	return 0;
}
module_init(harness_leak_init);

static void __exit harness_leak_exit(void)
{
}
module_exit(harness_leak_exit);

MODULE_DESCRIPTION("spinet harness self-test: a memory leak");
MODULE_LICENSE("GPL");
