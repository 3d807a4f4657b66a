// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the emulator's timing model and interrupt delivery, on
 * the null chip (no driver binds to it): fixed SPI patterns go through the
 * real SPI core, and the model must charge exactly what the profile's
 * arithmetic says, and the whole sequence must take that time within 5 %.
 * Other work on the host only ever adds time, so the best of up to ten
 * runs counts (the first within the bound ends them), 200 ms apart so that
 * a busy moment of the host does not spoil them all. Patterns stay above
 * the guest's own CPU cost of an spi_sync() (about 5 us under UML with
 * KASAN), which no model can undercut.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/etherdevice.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>

#include "emu_priv.h"

#define TIMING_MAX_XFERS	3
#define TIMING_RUNS		10U

struct timing_case {
	const char *name;
	const char *profile;
	unsigned int messages;
	unsigned int n_xfers;
	unsigned int len[TIMING_MAX_XFERS];
	bool cs_change;		/* toggle chip select between transfers */
};

static const struct timing_case timing_cases[] = {
	{ "pi4 register write", "pi4", 1000, 1, { 2 } },
	{ "pi4 register read", "pi4", 1000, 2, { 1, 1 } },
	{ "pi4 full frame read", "pi4", 100, 2, { 1, 1518 } },
	{ "pi4 two frames, chip select between", "pi4", 100, 3,
	  { 1, 1518, 1518 }, true },
	{ "pi4 64-byte burst", "pi4", 500, 2, { 1, 64 } },
	{ "fast full frame read", "fast", 100, 2, { 1, 1518 } },
	{ "fast 64-byte burst", "fast", 500, 2, { 1, 64 } },
};

static void timing_desc(const struct timing_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(timing, timing_cases, timing_desc);

static void timing_destroy(void *dev)
{
	emu_test_destroy(dev);
}

static struct emu_dev *timing_dev(struct kunit *test)
{
	struct emu_dev *dev = emu_test_create("spinet-emu-null");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, timing_destroy,
							   dev));
	return dev;
}

/* What the profile says one message costs, from its parameters. */
static u64 timing_expected_ns(const struct emu_timing *t,
			      const struct timing_case *c)
{
	u64 ns = t->msg_ns;
	unsigned int i;

	for (i = 0; i < c->n_xfers; i++) {
		ns += t->xfer_ns;
		ns += div_u64((u64)c->len[i] * t->clocks_per_byte *
			      NSEC_PER_SEC, t->hz);
		if (c->cs_change && i + 1 < c->n_xfers)
			ns += t->cs_ns;
	}
	return ns;
}

static void emu_timing_pattern_test(struct kunit *test)
{
	const struct timing_case *c = test->param_value;
	struct spi_transfer xfers[TIMING_MAX_XFERS] = {};
	struct emu_spi_stat before, after;
	u64 expected, charged, wall = 0, ns;
	unsigned int i, run;
	ktime_t t0;
	struct spi_message msg;
	struct emu_dev *dev;
	u8 *buf;

	dev = timing_dev(test);
	emu_timing_profile(&dev->timing, c->profile);
	/* DMA-safe buffers: the controller refuses stack memory. */
	buf = kunit_kzalloc(test, 2 * 1518, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	spi_message_init(&msg);
	for (i = 0; i < c->n_xfers; i++) {
		xfers[i].tx_buf = buf;
		xfers[i].rx_buf = buf + 1518;
		xfers[i].len = c->len[i];
		xfers[i].cs_change = c->cs_change && i + 1 < c->n_xfers;
		spi_message_add_tail(&xfers[i], &msg);
	}

	expected = c->messages * timing_expected_ns(&dev->timing, c);
	/* Up to ten runs: stop at the first within the bound. */
	for (run = 0; run < TIMING_RUNS; run++) {
		/* One message first, then an idle bus. */
		KUNIT_ASSERT_EQ(test, 0, spi_sync(dev->spi, &msg));
		usleep_range(1000, 2000);
		before = dev->stat;
		t0 = ktime_get();
		for (i = 0; i < c->messages; i++)
			KUNIT_ASSERT_EQ(test, 0, spi_sync(dev->spi, &msg));
		ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
		wall = run ? min(wall, ns) : ns;
		after = dev->stat;
		if (wall <= expected + expected / 20)
			break;
		/* Not back to back: sample another moment of the host. */
		msleep(200);
	}

	charged = after.charged_ns - before.charged_ns;
	kunit_info(test, "%u messages: expected %llu us, charged %llu us, took %llu us (best of %u)\n",
		   c->messages, expected / 1000, charged / 1000, wall / 1000,
		   min(run + 1, TIMING_RUNS));
	KUNIT_EXPECT_EQ(test, after.messages - before.messages, c->messages);
	KUNIT_EXPECT_EQ(test, charged, expected);
	KUNIT_EXPECT_LE(test, wall, expected + expected / 20);
	KUNIT_EXPECT_GE(test, wall, expected - expected / 20);
}

/* One full-frame write (1518 bytes) in one transfer, as @msg. */
static void timing_frame_msg(struct kunit *test, struct spi_message *msg,
			     struct spi_transfer *xfer)
{
	xfer->len = 1518;
	xfer->tx_buf = kunit_kzalloc(test, xfer->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, xfer->tx_buf);
	spi_message_init_with_transfers(msg, xfer, 1);
}

/* Nothing is charged or waited for in the instant profile. */
static void emu_timing_instant_test(struct kunit *test)
{
	struct spi_transfer xfer = {};
	struct emu_spi_stat before;
	struct spi_message msg;
	struct emu_dev *dev;
	unsigned int i;

	dev = timing_dev(test);
	emu_timing_profile(&dev->timing, "instant");
	timing_frame_msg(test, &msg, &xfer);
	before = dev->stat;
	for (i = 0; i < 100; i++)
		KUNIT_ASSERT_EQ(test, 0, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->stat.charged_ns, before.charged_ns);
}

/*
 * The emulator's own CPU time counts the model's work and not the bus time
 * it waits for; every message's charge is counted in spi_bus_ns, and the
 * null chip uses neither data path.
 */
static void emu_cpu_account_test(struct kunit *test)
{
	struct spi_transfer xfer = {};
	u64 cpu0, cpu, charged0, charged;
	struct spi_message msg;
	struct emu_dev *dev;
	unsigned int i;

	dev = timing_dev(test);
	emu_timing_profile(&dev->timing, "pi4");
	timing_frame_msg(test, &msg, &xfer);
	/* not kept unless asked for: it costs clock reads */
	cpu0 = atomic64_read(&dev->cpu_ns);
	KUNIT_ASSERT_EQ(test, 0, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, atomic64_read(&dev->cpu_ns), cpu0);
	dev->cpu_account = true;
	charged0 = dev->stat.charged_ns;
	for (i = 0; i < 20; i++)
		KUNIT_ASSERT_EQ(test, 0, spi_sync(dev->spi, &msg));
	cpu = atomic64_read(&dev->cpu_ns) - cpu0;
	charged = dev->stat.charged_ns - charged0;
	kunit_info(test, "20 frames: bus %llu us, emulator CPU %llu us\n",
		   charged / 1000, cpu / 1000);
	KUNIT_EXPECT_GT(test, cpu, 0);
	KUNIT_EXPECT_LT(test, cpu, charged / 10);
	KUNIT_EXPECT_LE(test, atomic64_read(&dev->spin_ns), charged);
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_bus_ns, dev->stat.charged_ns);
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_rx_messages, 0);
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_tx_messages, 0);
}

/* A stack buffer is refused as DMA-unsafe and counted. */
static void emu_timing_dma_safe_test(struct kunit *test)
{
	u8 stack_buf[4] = {};
	struct spi_transfer xfer = { .tx_buf = stack_buf, .len = 4 };
	struct spi_message msg;
	struct emu_dev *dev;

	dev = timing_dev(test);
	spi_message_init_with_transfers(&msg, &xfer, 1);
	KUNIT_EXPECT_EQ(test, -EFAULT, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_errors, 1);
}

/* spi_fail_next fails exactly that many transfers, then none. */
static void emu_fault_spi_fail_test(struct kunit *test)
{
	struct spi_transfer xfer = { .len = 2 };
	struct spi_message msg;
	struct emu_dev *dev;
	unsigned int i;

	dev = timing_dev(test);
	emu_timing_profile(&dev->timing, "instant");
	xfer.tx_buf = kunit_kzalloc(test, xfer.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, xfer.tx_buf);
	spi_message_init_with_transfers(&msg, &xfer, 1);
	atomic_set(&dev->spi_fail_next, 3);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, -EIO, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, 0, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_errors, 3);
}

/*
 * spi_fail_skip lets transfers through first; spi_short_next then fails
 * one after the chip has clocked half its bytes, spi_fail_next before it
 * clocks any, both with spi_fail_errno.
 */
static void emu_fault_spi_short_test(struct kunit *test)
{
	struct spi_transfer xfer = { .len = 8 };
	struct spi_message msg;
	struct emu_dev *dev;
	u64 bytes;

	dev = timing_dev(test);
	emu_timing_profile(&dev->timing, "instant");
	xfer.tx_buf = kunit_kzalloc(test, xfer.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, xfer.tx_buf);
	spi_message_init_with_transfers(&msg, &xfer, 1);
	dev->spi_fail_errno = ETIMEDOUT;
	atomic_set(&dev->spi_fail_skip, 1);
	atomic_set(&dev->spi_short_next, 1);
	bytes = dev->chip.cnt.spi_bytes_tx;
	KUNIT_EXPECT_EQ(test, 0, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_bytes_tx, bytes + 8);
	KUNIT_EXPECT_EQ(test, -ETIMEDOUT, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_bytes_tx, bytes + 12);
	atomic_set(&dev->spi_fail_next, 1);
	KUNIT_EXPECT_EQ(test, -ETIMEDOUT, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_bytes_tx, bytes + 12);
	KUNIT_EXPECT_EQ(test, 0, spi_sync(dev->spi, &msg));
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_bytes_tx, bytes + 20);
	KUNIT_EXPECT_EQ(test, dev->chip.cnt.spi_errors, 2);
}

struct async_ctx {
	struct completion done;
	bool hardirq;
};

static void async_complete(void *data)
{
	struct async_ctx *ctx = data;

	ctx->hardirq = in_hardirq();
	complete(&ctx->done);
}

/*
 * With complete_hardirq, an spi_async() message completes in hard-IRQ
 * context, as on a controller whose DMA-complete interrupt finishes it;
 * without, in the caller's or the SPI core's thread.
 */
static void emu_complete_hardirq_test(struct kunit *test)
{
	struct spi_transfer xfer = { .len = 2 };
	struct async_ctx *ctx;
	struct spi_message msg;
	struct emu_dev *dev;
	bool mode;

	dev = timing_dev(test);
	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	xfer.tx_buf = kunit_kzalloc(test, xfer.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	KUNIT_ASSERT_NOT_NULL(test, xfer.tx_buf);
	for (mode = false; ; mode = true) {
		dev->limits.complete_hardirq = mode;
		init_completion(&ctx->done);
		spi_message_init_with_transfers(&msg, &xfer, 1);
		msg.complete = async_complete;
		msg.context = ctx;
		KUNIT_ASSERT_EQ(test, 0, spi_async(dev->spi, &msg));
		KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&ctx->done,
								    HZ));
		KUNIT_EXPECT_EQ(test, ctx->hardirq, mode);
		KUNIT_EXPECT_EQ(test, msg.status, 0);
		if (mode)
			break;
	}
}

struct irq_case {
	const char *name;
	unsigned int type;
};

static const struct irq_case irq_cases[] = {
	{ "level low", IRQ_TYPE_LEVEL_LOW },
	{ "level high", IRQ_TYPE_LEVEL_HIGH },
	{ "edge falling", IRQ_TYPE_EDGE_FALLING },
	{ "edge rising", IRQ_TYPE_EDGE_RISING },
};

static void trigger_desc(const struct irq_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(trigger, irq_cases, trigger_desc);

struct irq_ctx {
	struct emu_dev *dev;
	struct completion done;
	ktime_t at;
	unsigned int calls;
	bool hardirq;
};

static void irq_line(struct emu_dev *dev, bool asserted)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->chip.lock, flags);
	emu_irq_set(dev, asserted);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
}

/* Releases the line, as a driver acknowledging the chip would. */
static irqreturn_t irq_handler(int irq, void *data)
{
	struct irq_ctx *ctx = data;

	ctx->at = ktime_get();
	ctx->calls++;
	ctx->hardirq = in_hardirq();
	irq_line(ctx->dev, false);
	complete(&ctx->done);
	return IRQ_HANDLED;
}

static void irq_free(void *ctx)
{
	struct irq_ctx *c = ctx;

	free_irq(c->dev->irq.virq, c);
}

/* A null chip and a context for one interrupt test. */
static struct irq_ctx *irq_ctx_new(struct kunit *test)
{
	struct irq_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->dev = timing_dev(test);
	init_completion(&ctx->done);
	return ctx;
}

/* Request the chip's interrupt, freed when the test ends. */
static void irq_request(struct kunit *test, struct irq_ctx *ctx,
			irq_handler_t handler, unsigned long flags)
{
	KUNIT_ASSERT_EQ(test, 0, request_irq(ctx->dev->irq.virq, handler,
					     flags, "emu-kunit", ctx));
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, irq_free, ctx));
}

/*
 * Each trigger type delivers in hard-IRQ context, once per assertion, and
 * promptly: the mean latency is printed (Documentation/emulator.md) and
 * must stay under 1 ms, far below irq_sim's timer tick under UML.
 */
static void emu_irq_delivery_test(struct kunit *test)
{
	const struct irq_case *c = test->param_value;
	u64 sum = 0, max = 0;
	struct irq_ctx *ctx;
	unsigned int i, n = 50;

	ctx = irq_ctx_new(test);
	irq_request(test, ctx, irq_handler, c->type);

	for (i = 0; i < n; i++) {
		ktime_t t0 = ktime_get();
		u64 lat;

		reinit_completion(&ctx->done);
		irq_line(ctx->dev, true);
		KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&ctx->done,
								    HZ));
		lat = ktime_to_ns(ktime_sub(ctx->at, t0));
		sum += lat;
		max = max(max, lat);
	}
	kunit_info(test, "latency mean %llu us, max %llu us\n",
		   div_u64(sum, n) / 1000, max / 1000);
	KUNIT_EXPECT_EQ(test, ctx->calls, n);
	KUNIT_EXPECT_TRUE(test, ctx->hardirq);
	KUNIT_EXPECT_LT(test, div_u64(sum, n), 1000 * NSEC_PER_USEC);
}

/* A level line still asserted after the handler fires again on unmask. */
static irqreturn_t irq_keep_handler(int irq, void *data)
{
	struct irq_ctx *ctx = data;

	if (++ctx->calls == 3)
		irq_line(ctx->dev, false);
	return IRQ_HANDLED;
}

static void emu_irq_level_refire_test(struct kunit *test)
{
	struct irq_ctx *ctx;
	unsigned int i;

	ctx = irq_ctx_new(test);
	irq_request(test, ctx, irq_keep_handler, IRQF_TRIGGER_LOW);
	irq_line(ctx->dev, true);
	for (i = 0; i < 100 && READ_ONCE(ctx->calls) < 3; i++)
		usleep_range(1000, 2000);
	usleep_range(5000, 6000);
	KUNIT_EXPECT_EQ(test, READ_ONCE(ctx->calls), 3);
}

/*
 * irq_drop_next loses one edge (the handler never runs for it) and
 * irq_dup_next delivers one assertion twice.
 */
static void emu_fault_irq_drop_dup_test(struct kunit *test)
{
	struct irq_ctx *ctx;

	ctx = irq_ctx_new(test);
	irq_request(test, ctx, irq_handler, IRQF_TRIGGER_FALLING);

	ctx->dev->irq.drop_next = 1;
	irq_line(ctx->dev, true);
	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&ctx->done,
							     HZ / 10));
	KUNIT_EXPECT_EQ(test, ctx->calls, 0);
	KUNIT_EXPECT_EQ(test, ctx->dev->irq.dropped, 1);
	irq_line(ctx->dev, false);

	ctx->dev->irq.dup_next = 1;
	irq_line(ctx->dev, true);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&ctx->done, HZ));
	usleep_range(5000, 6000);
	KUNIT_EXPECT_EQ(test, ctx->calls, 2);
}

/*
 * irq_spurious_next runs the handler with nothing asserted, once per
 * unmasking, as many times as asked; the chip raised nothing.
 */
static void emu_fault_irq_spurious_test(struct kunit *test)
{
	struct irq_ctx *ctx;
	unsigned int i;

	ctx = irq_ctx_new(test);
	irq_request(test, ctx, irq_handler, IRQF_TRIGGER_LOW);
	emu_irq_spurious(ctx->dev, 3);
	for (i = 0; i < 100 && READ_ONCE(ctx->calls) < 3; i++)
		usleep_range(1000, 2000);
	usleep_range(5000, 6000);
	KUNIT_EXPECT_EQ(test, READ_ONCE(ctx->calls), 3);
	KUNIT_EXPECT_EQ(test, ctx->dev->irq.spurious_next, 0);
	KUNIT_EXPECT_EQ(test, ctx->dev->chip.cnt.irq_raised, 0);
}

static void irq_polarity(struct emu_dev *dev, bool low)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->chip.lock, flags);
	emu_irq_set_polarity(dev, low);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
}

/* Puts the pin's polarity right, which ends an idle level-low storm. */
static irqreturn_t irq_fix_polarity(int irq, void *data)
{
	struct irq_ctx *ctx = data;

	ctx->calls++;
	irq_polarity(ctx->dev, true);
	complete(&ctx->done);
	return IRQ_HANDLED;
}

/*
 * A chip whose pin is programmed active high on a level-low line fires
 * while idle, as on a board: the emulator works on the pin's level.
 */
static void emu_irq_polarity_level_test(struct kunit *test)
{
	struct irq_ctx *ctx;

	ctx = irq_ctx_new(test);
	irq_polarity(ctx->dev, true);
	irq_request(test, ctx, irq_fix_polarity, IRQF_TRIGGER_LOW);
	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&ctx->done,
							     HZ / 20));
	irq_polarity(ctx->dev, false);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&ctx->done, HZ));
	KUNIT_EXPECT_EQ(test, ctx->calls, 1);
	KUNIT_EXPECT_EQ(test, ctx->dev->chip.cnt.irq_raised, 0);
}

/* Active high on a falling-edge line: the edge comes on release. */
static void emu_irq_polarity_edge_test(struct kunit *test)
{
	struct irq_ctx *ctx;

	ctx = irq_ctx_new(test);
	irq_polarity(ctx->dev, false);
	irq_request(test, ctx, irq_handler, IRQF_TRIGGER_FALLING);
	irq_line(ctx->dev, true);
	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&ctx->done,
							     HZ / 20));
	irq_line(ctx->dev, false);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&ctx->done, HZ));
	KUNIT_EXPECT_EQ(test, ctx->calls, 1);
}

static u64 pause_send(struct emu_dev *dev, const u8 *frame, unsigned int len)
{
	unsigned long flags;
	u64 ns;

	spin_lock_irqsave(&dev->chip.lock, flags);
	ns = emu_wire_tx(dev, frame, len, true);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
	return ns;
}

static void pause_chip(struct emu_dev *dev, u16 quanta)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->chip.lock, flags);
	emu_wire_pause_chip(dev, quanta);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
}

static u64 rx_frames(struct emu_dev *dev)
{
	unsigned long flags;
	u64 n;

	spin_lock_irqsave(&dev->chip.lock, flags);
	n = dev->chip.cnt.rx_frames;
	spin_unlock_irqrestore(&dev->chip.lock, flags);
	return n;
}

/*
 * A paused chip's frame waits for the pause (1000 quanta: 5.12 ms at
 * 100 Mbit/s) and a pause time of 0 releases it at once.
 */
static void emu_wire_pause_test(struct kunit *test)
{
	struct emu_dev *a = timing_dev(test), *b = timing_dev(test);
	ktime_t t0;
	u8 *frame;
	u64 ns;

	frame = kunit_kzalloc(test, ETH_ZLEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_ASSERT_EQ(test, 0, emu_test_connect(a, b));

	ns = pause_send(a, frame, ETH_ZLEN);
	KUNIT_EXPECT_LT(test, ns, 10 * NSEC_PER_USEC);
	usleep_range(1000, 2000);
	KUNIT_EXPECT_EQ(test, rx_frames(b), 1);

	t0 = ktime_get();
	pause_chip(a, 1000);
	ns = pause_send(a, frame, ETH_ZLEN);
	/* 5.12 ms from the pause, less the time since (unpaused: 6.7 us) */
	ns += ktime_to_ns(ktime_sub(ktime_get(), t0));
	KUNIT_EXPECT_GE(test, ns, 5120 * NSEC_PER_USEC);
	usleep_range(2000, 3000);
	KUNIT_EXPECT_EQ(test, rx_frames(b), 1);
	pause_chip(a, 0);
	usleep_range(1000, 2000);
	KUNIT_EXPECT_EQ(test, rx_frames(b), 2);
}

static struct kunit_case emu_timing_cases[] = {
	KUNIT_CASE_PARAM_ATTR(emu_timing_pattern_test, timing_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE(emu_timing_instant_test),
	KUNIT_CASE(emu_cpu_account_test),
	KUNIT_CASE(emu_timing_dma_safe_test),
	KUNIT_CASE_PARAM(emu_irq_delivery_test, trigger_gen_params),
	KUNIT_CASE(emu_irq_level_refire_test),
	KUNIT_CASE(emu_fault_spi_fail_test),
	KUNIT_CASE(emu_fault_spi_short_test),
	KUNIT_CASE(emu_complete_hardirq_test),
	KUNIT_CASE(emu_fault_irq_drop_dup_test),
	KUNIT_CASE(emu_fault_irq_spurious_test),
	KUNIT_CASE(emu_irq_polarity_level_test),
	KUNIT_CASE(emu_irq_polarity_edge_test),
	KUNIT_CASE(emu_wire_pause_test),
	{}
};

static struct kunit_suite emu_timing_suite = {
	.name = "spinet_emu_timing",
	.test_cases = emu_timing_cases,
};

kunit_test_suite(emu_timing_suite);

MODULE_DESCRIPTION("KUnit tests of spinet's emulator timing and interrupts");
MODULE_LICENSE("GPL");
