// SPDX-License-Identifier: GPL-2.0
/*
 * The test kernel's promises: the sanitizers every run depends on are built
 * in, and no earlier report has switched lock debugging off. KCSAN excludes
 * KASAN: the multi-CPU kernel (tests/smp) has KCSAN and SMP instead.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/debug_locks.h>
#include <linux/module.h>
#include <linux/slab.h>

static void harness_debug_options_test(struct kunit *test)
{
	if (IS_ENABLED(CONFIG_KCSAN))
		KUNIT_EXPECT_TRUE(test, IS_ENABLED(CONFIG_SMP));
	else
		KUNIT_EXPECT_TRUE(test, IS_ENABLED(CONFIG_KASAN));
	KUNIT_EXPECT_TRUE(test, IS_ENABLED(CONFIG_PROVE_LOCKING));
	KUNIT_EXPECT_TRUE(test, IS_ENABLED(CONFIG_DEBUG_ATOMIC_SLEEP));
	KUNIT_EXPECT_TRUE(test, IS_ENABLED(CONFIG_DEBUG_KMEMLEAK));
	KUNIT_EXPECT_TRUE(test, IS_ENABLED(CONFIG_FAILSLAB));
}

/* A lockdep or KASAN report switches lock debugging off for the boot. */
static void harness_lock_debugging_alive_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, debug_locks, 1,
			    "lock debugging was switched off by an earlier report");
}

/* Managed allocations are freed when the case ends: kmemleak stays quiet. */
static void harness_managed_alloc_test(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, buf[0] | buf[255], 0);
}

static struct kunit_case harness_test_cases[] = {
	KUNIT_CASE(harness_debug_options_test),
	KUNIT_CASE(harness_lock_debugging_alive_test),
	KUNIT_CASE(harness_managed_alloc_test),
	{}
};

static struct kunit_suite harness_test_suite = {
	.name = "spinet_harness",
	.test_cases = harness_test_cases,
};

kunit_test_suite(harness_test_suite);

MODULE_DESCRIPTION("spinet test harness: checks on the test kernel");
MODULE_LICENSE("GPL");
