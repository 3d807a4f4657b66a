// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: two threads increment one plain counter at once for a
 * second, a data race that KCSAN must report ("BUG: KCSAN: data-race") and
 * the harness must then fail the run. It proves that KCSAN watches the
 * project's modules in the multi-CPU kernel, whose own objects are not
 * instrumented. Never load it outside that test.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

/* Written by both threads without a lock or a marked access: the race. */
static unsigned long harness_race_counter;
static DECLARE_COMPLETION(harness_race_done0);
static DECLARE_COMPLETION(harness_race_done1);

static int harness_race_thread(void *data)
{
	struct completion *done = data;
	unsigned long end = jiffies + HZ;

	while (time_before(jiffies, end)) {
		harness_race_counter++;
		cond_resched();
	}
	complete(done);
	return 0;
}

static int __init harness_race_init(void)
{
	struct task_struct *t0, *t1;

	t0 = kthread_run(harness_race_thread, &harness_race_done0,
			 "harness_race0");
	if (IS_ERR(t0))
		return PTR_ERR(t0);
	t1 = kthread_run(harness_race_thread, &harness_race_done1,
			 "harness_race1");
	if (IS_ERR(t1)) {
		wait_for_completion(&harness_race_done0);
		return PTR_ERR(t1);
	}
	wait_for_completion(&harness_race_done0);
	wait_for_completion(&harness_race_done1);
	pr_info("spinet_harness_race: counter %lu\n",
		READ_ONCE(harness_race_counter));
	return 0;
}
module_init(harness_race_init);

static void __exit harness_race_exit(void)
{
}
module_exit(harness_race_exit);

MODULE_DESCRIPTION("spinet harness self-test: a data race for KCSAN");
MODULE_LICENSE("GPL");
