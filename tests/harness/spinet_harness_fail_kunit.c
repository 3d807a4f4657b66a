// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: one case passes and one fails on purpose, so the
 * harness must report "1 passed, 1 failed" for this suite.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/module.h>

static void harness_passes_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2 + 2, 4);
}

static void harness_fails_on_purpose_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, 2 + 2, 5, "this case fails on purpose");
}

static struct kunit_case harness_fail_cases[] = {
	KUNIT_CASE(harness_passes_test),
	KUNIT_CASE(harness_fails_on_purpose_test),
	{}
};

static struct kunit_suite harness_fail_suite = {
	.name = "spinet_harness_fail",
	.test_cases = harness_fail_cases,
};

kunit_test_suite(harness_fail_suite);

MODULE_DESCRIPTION("spinet harness self-test: a KUnit case that fails");
MODULE_LICENSE("GPL");
