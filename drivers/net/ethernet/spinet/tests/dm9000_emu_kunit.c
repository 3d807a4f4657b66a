// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: spinet's DM9000 backend and the core's direct engine, against the
 * emulator's DM9000 on its memory bus.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>
#include <linux/irq.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/platform_device.h>
#include <linux/rtnetlink.h>
#include <net/sch_generic.h>

#include "emu_dm9051.h"
#include "emu_kunit.h"
#include "spinet_priv.h"

#define D9_DRIVER_NAME		"spinet-dm9000"
/* The TX watchdog (2 s) and the reset after it. */
#define D9_TIMEOUT_WAIT_US	(6000 * USEC_PER_MSEC)
#define D9_IMR_RUN		(DM_IMR_PAR | DM_IMR_LNKCHGI | DM_IMR_ROOI | \
				 DM_IMR_ROI | DM_IMR_PTI | DM_IMR_PRI)

static void d9_pair_up(struct kunit *test, struct sn_chip *a,
		       struct sn_chip *b)
{
	bool ready;
	int ret;

	sn_quiet_mtu(test, a);
	sn_quiet_mtu(test, b);
	KUNIT_ASSERT_EQ(test, 0, emu_test_connect(a->emu, b->emu));
	sn_open(test, a);
	sn_open(test, b);
	ret = read_poll_timeout(sn_pair_ready, ready, ready, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, a, b);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "no link");
}

/* A test frame from @from to @to, @len bytes, its payload from @seed. */
static void d9_frame(u8 *frame, unsigned int len, struct sn_chip *from,
		     struct sn_chip *to, u8 seed)
{
	unsigned int i;

	ether_addr_copy(frame, to->ndev->dev_addr);
	ether_addr_copy(frame + ETH_ALEN, from->ndev->dev_addr);
	put_unaligned_be16(EMU_ETH_P_TEST, frame + 2 * ETH_ALEN);
	for (i = ETH_HLEN; i < len; i++)
		frame[i] = seed + i * 7;
}

static bool d9_captured(struct sn_capture *cap, unsigned int n)
{
	return sn_capture_count(cap) >= n;
}

/*
 * Send @frame again until @cap has seen more than @n frames: after a reset
 * is counted the chip is still being restored, and frames that reach it
 * before its receiver is on are lost on the wire, as on a real cable.
 */
static bool d9_resend_until(struct sn_chip *from, const u8 *frame,
			    unsigned int len, struct sn_capture *cap,
			    unsigned int n)
{
	if (sn_capture_count(cap) > n)
		return true;
	sn_send(from, frame, len);
	return false;
}

/* Nothing left in flight for BQL once the chip has sent everything. */
static bool d9_bql_idle(struct net_device *ndev)
{
	struct netdev_queue *txq = netdev_get_tx_queue(ndev, 0);

	return READ_ONCE(txq->dql.num_queued) ==
	       READ_ONCE(txq->dql.num_completed);
}

/*
 * Probe: the platform driver binds, the core picks the direct engine (a
 * hard IRQ handler and no thread), and the chip is left quiet.
 */
static void spinet_dm9000_emu_probe_test(struct kunit *test)
{
	struct sn_chip *c = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	struct ethtool_drvinfo info = {};
	const struct ethtool_ops *ops;
	struct net_device *ndev;
	u8 par[ETH_ALEN];

	ndev = c->ndev;
	ops = ndev->ethtool_ops;
	KUNIT_EXPECT_PTR_EQ(test, c->dev, &c->emu->pdev->dev);
	KUNIT_EXPECT_EQ(test, (int)ndev->reg_state, NETREG_REGISTERED);
	KUNIT_EXPECT_TRUE(test, c->sn->chip->mmio);
	KUNIT_EXPECT_NOT_NULL(test, c->sn->engine->hardirq);
	KUNIT_EXPECT_NULL(test, c->sn->engine->thread);
	KUNIT_EXPECT_EQ(test, (unsigned int)c->sn->irq, c->emu->irq.virq);
	KUNIT_EXPECT_TRUE(test, irq_has_action(c->emu->irq.virq));

	emu_peek_n(c->emu, DM_PAR, par, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, ndev->dev_addr, par, ETH_ALEN);
	KUNIT_EXPECT_TRUE(test, is_valid_ether_addr(ndev->dev_addr));
	KUNIT_ASSERT_NOT_NULL(test, ndev->phydev);
	KUNIT_EXPECT_EQ(test, ndev->phydev->mdio.addr, 1);

	ops->get_drvinfo(ndev, &info);
	KUNIT_EXPECT_STREQ(test, info.bus_info, dev_name(c->dev));
	KUNIT_EXPECT_EQ(test, ops->get_regs_len(ndev), 256);
	/* The core's counters and the DM9000's two. */
	KUNIT_EXPECT_EQ(test, ops->get_sset_count(ndev, ETH_SS_STATS),
			SPINET_STAT_NUM + 2);

	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_IMR), DM_IMR_PAR);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_RCR) & DM_RCR_RXEN, 0);
	KUNIT_EXPECT_TRUE(test, emu_peek(c->emu, DM_GPR) & DM_GPR_PHY_OFF);
}

static const unsigned int d9_lens[] = {
	ETH_ZLEN, ETH_ZLEN + 1, 99, 512, 1001, EMU_FRAME_MAX - 1,
	EMU_FRAME_MAX,
};

/*
 * Frames of odd and even lengths each way: every one arrives intact (the
 * 16-bit bus moves whole words, the last one padded), both drivers count
 * them, BQL completes them all, and once idle the poll has unmasked the
 * chip.
 */
static void spinet_dm9000_emu_frames_test(struct kunit *test)
{
	struct sn_chip *a = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	struct sn_chip *b = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	struct sn_chip *from, *to;
	struct sn_capture *cap;
	unsigned int i, dir;
	u64 tx0, rx0, irq0;
	u8 *frame;
	bool ok;
	int ret;

	frame = kunit_kzalloc(test, EMU_FRAME_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	d9_pair_up(test, a, b);
	for (dir = 0; dir < 2; dir++) {
		from = dir ? b : a;
		to = dir ? a : b;
		cap = sn_capture_new(test, to);
		tx0 = sn_stat(test, from->ndev, "tx_packets");
		rx0 = sn_stat(test, to->ndev, "rx_packets");
		irq0 = sn_stat(test, to->ndev, "irqs");
		for (i = 0; i < ARRAY_SIZE(d9_lens); i++) {
			d9_frame(frame, d9_lens[i], from, to, i + dir);
			KUNIT_ASSERT_EQ(test, NET_XMIT_SUCCESS,
					sn_send(from, frame, d9_lens[i]));
			ret = read_poll_timeout(d9_captured, ok, ok,
						EMU_POLL_US, EMU_WAIT_US,
						false, cap, i + 1);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0,
					    "frame %u of %u bytes", i,
					    d9_lens[i]);
			spin_lock_bh(&cap->lock);
			KUNIT_EXPECT_EQ(test, cap->len, d9_lens[i]);
			KUNIT_EXPECT_MEMEQ(test, cap->frame, frame,
					   d9_lens[i]);
			spin_unlock_bh(&cap->lock);
		}
		KUNIT_EXPECT_EQ(test, sn_stat(test, from->ndev, "tx_packets"),
				tx0 + ARRAY_SIZE(d9_lens));
		KUNIT_EXPECT_GE(test, sn_stat(test, to->ndev, "rx_packets"),
				rx0 + ARRAY_SIZE(d9_lens));
		KUNIT_EXPECT_GT(test, sn_stat(test, to->ndev, "irqs"), irq0);
		ret = read_poll_timeout(d9_bql_idle, ok, ok, EMU_POLL_US,
					EMU_WAIT_US, false, from->ndev);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "BQL still has frames");
		KUNIT_EXPECT_EQ(test, from->sn->tx_head, from->sn->tx_tail);
	}
	/* Idle: NAPI completed and unmasked both chips. */
	KUNIT_EXPECT_EQ(test, emu_peek(a->emu, DM_IMR), D9_IMR_RUN);
	KUNIT_EXPECT_EQ(test, emu_peek(b->emu, DM_IMR), D9_IMR_RUN);
}

/* Stopped by the driver (the chip is full) or by BQL (its limit). */
static bool d9_queue_stopped(struct net_device *ndev)
{
	return netif_xmit_stopped(netdev_get_tx_queue(ndev, 0));
}

static bool d9_timed_out(struct kunit *test, struct sn_chip *c, u64 before)
{
	return sn_stat(test, c->ndev, "tx_timeouts") > before &&
	       !d9_queue_stopped(c->ndev);
}

/*
 * A chip that never finishes sending: the queue stops with at most two
 * frames in the chip (its TX memory; BQL may stop it at one, before it
 * has learnt a limit), the watchdog fires, and the work item resets the
 * chip with NAPI and the queue stopped; the frames it held are counted as
 * dropped, and frames flow again.
 */
static void spinet_dm9000_emu_tx_timeout_test(struct kunit *test)
{
	struct sn_chip *a = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	struct sn_chip *b = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	u64 timeouts, dropped, resets;
	unsigned int i, held, got;
	struct sn_capture *cap;
	unsigned long flags;
	u8 *frame;
	bool ok;
	int ret;

	frame = kunit_kzalloc(test, EMU_FRAME_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	d9_pair_up(test, a, b);
	cap = sn_capture_new(test, b);
	timeouts = sn_stat(test, a->ndev, "tx_timeouts");
	dropped = sn_stat(test, a->ndev, "tx_dropped");
	resets = sn_stat(test, a->ndev, "chip_resets");

	spin_lock_irqsave(&a->emu->chip.lock, flags);
	a->emu->chip.faults.tx_stuck = true;
	spin_unlock_irqrestore(&a->emu->chip.lock, flags);
	d9_frame(frame, ETH_ZLEN, a, b, 1);
	for (i = 0; i < 3; i++)
		sn_send(a, frame, ETH_ZLEN);
	ret = read_poll_timeout(d9_queue_stopped, ok, ok, EMU_POLL_US,
				EMU_WAIT_US, false, a->ndev);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "the queue did not stop");
	held = a->sn->tx_head - a->sn->tx_tail;
	KUNIT_EXPECT_GE(test, held, 1);
	KUNIT_EXPECT_LE(test, held, 2);

	spin_lock_irqsave(&a->emu->chip.lock, flags);
	a->emu->chip.faults.tx_stuck = false;
	spin_unlock_irqrestore(&a->emu->chip.lock, flags);
	ret = read_poll_timeout(d9_timed_out, ok, ok, EMU_POLL_US,
				D9_TIMEOUT_WAIT_US, false, test, a, timeouts);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "no watchdog reset");
	KUNIT_EXPECT_EQ(test, sn_stat(test, a->ndev, "tx_timeouts"),
			timeouts + 1);
	KUNIT_EXPECT_EQ(test, sn_stat(test, a->ndev, "chip_resets"),
			resets + 1);
	KUNIT_EXPECT_EQ(test, sn_stat(test, a->ndev, "tx_dropped"),
			dropped + held);

	got = sn_capture_count(cap);
	ret = read_poll_timeout(d9_resend_until, ok, ok, EMU_POLL_US,
				EMU_WAIT_US, false, a, frame, ETH_ZLEN, cap,
				got);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "nothing got through after reset");
}

static bool d9_reset_seen(struct kunit *test, struct sn_chip *c, u64 before)
{
	return sn_stat(test, c->ndev, "chip_resets") > before;
}

/*
 * A ready byte that is neither 0 nor 1, read in the NAPI poll: one
 * rx_frame_errors, one reset by the work item, and the next frame goes
 * up.
 */
static void spinet_dm9000_emu_rx_lost_test(struct kunit *test)
{
	struct sn_chip *a = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	struct sn_chip *b = sn_chip_new(test, "dm9000", D9_DRIVER_NAME);
	struct sn_capture *cap;
	unsigned long flags;
	u64 errors, resets;
	unsigned int got;
	u8 *frame;
	bool ok;
	int ret;

	frame = kunit_kzalloc(test, EMU_FRAME_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	d9_pair_up(test, a, b);
	cap = sn_capture_new(test, b);
	errors = sn_stat(test, b->ndev, "rx_frame_errors");
	resets = sn_stat(test, b->ndev, "chip_resets");

	spin_lock_irqsave(&b->emu->chip.lock, flags);
	b->emu->chip.faults.rx_hdr = EMU_RX_HDR_READY;
	spin_unlock_irqrestore(&b->emu->chip.lock, flags);
	d9_frame(frame, 100, a, b, 3);
	sn_send(a, frame, 100);
	ret = read_poll_timeout(d9_reset_seen, ok, ok, EMU_POLL_US,
				EMU_WAIT_US, false, test, b, resets);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "no reset");
	KUNIT_EXPECT_EQ(test, sn_stat(test, b->ndev, "rx_frame_errors"),
			errors + 1);
	got = sn_capture_count(cap);
	KUNIT_EXPECT_EQ(test, got, 0);

	ret = read_poll_timeout(d9_resend_until, ok, ok, EMU_POLL_US,
				EMU_WAIT_US, false, a, frame, 100, cap, got);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "nothing got through after reset");
}

static struct kunit_case spinet_dm9000_emu_test_cases[] = {
	KUNIT_CASE(spinet_dm9000_emu_probe_test),
	KUNIT_CASE(spinet_dm9000_emu_frames_test),
	KUNIT_CASE_SLOW(spinet_dm9000_emu_tx_timeout_test),
	KUNIT_CASE_SLOW(spinet_dm9000_emu_rx_lost_test),
	{}
};

static struct kunit_suite spinet_dm9000_emu_test_suite = {
	.name = "spinet_dm9000_emu",
	.test_cases = spinet_dm9000_emu_test_cases,
};

kunit_test_suite(spinet_dm9000_emu_test_suite);
