// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a might-sleep check inside a spinlock, which
 * DEBUG_ATOMIC_SLEEP must report ("BUG: sleeping function called from
 * invalid context") and the harness must then fail the run. Nothing
 * actually sleeps. Never load it outside that test.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/module.h>
#include <linux/spinlock.h>

/* Held only to make the might_sleep() below an error. */
static DEFINE_SPINLOCK(harness_lock);

static int __init harness_atomic_init(void)
{
	spin_lock(&harness_lock);
	might_sleep();
	spin_unlock(&harness_lock);
	return 0;
}
module_init(harness_atomic_init);

static void __exit harness_atomic_exit(void)
{
}
module_exit(harness_atomic_exit);

MODULE_DESCRIPTION("spinet harness self-test: sleeping in atomic context");
MODULE_LICENSE("GPL");
