// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the spinet W5500 backend on the emulator's W5500 model:
 * probe and VERSIONR, the MACRAW socket on open and close, several frames
 * per ring read across the ring's end, impossible RX lengths, TX and
 * SEND_OK, the MFEN filter and the socket reopen it costs, and the link as
 * PHYCFGR tells it. Judged by the model's registers and counters, read
 * without side effects (emu_kunit.c).
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/interrupt.h>
#include <linux/iopoll.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/rtnetlink.h>
#include <linux/spi/spi.h>
#include <linux/unaligned.h>

#include "emu_kunit.h"
#include "emu_w5500.h"

#define W5_DRIVER		"spinet-w5500"
#define W5_S0(reg)		(W5_PEEK_SOCK0 + (reg))
#define W5_MR_RUN		(W5_SN_MR_MFEN | W5_PROTO_MACRAW)
/* Frames per batch: 12 of 1000 bytes fill 12 KB of the 16 KB ring. */
#define W5_BATCH		12
#define W5_BATCH_LEN		1000
#define W5_ROUNDS		3
#define W5_ALL_BYTES		(W5_ROUNDS * W5_BATCH * \
				 (W5_BATCH_LEN + W5_RX_HDR_LEN))

static struct sn_chip *w5_chip_new(struct kunit *test)
{
	return sn_chip_new(test, "w5500", W5_DRIVER);
}

static u16 w5_peek16(struct emu_dev *emu, unsigned int reg)
{
	u8 v[2];

	emu_peek_n(emu, reg, v, sizeof(v));
	return get_unaligned_be16(v);
}

static void w5_set_fault(struct emu_dev *emu, enum emu_rx_hdr_fault f)
{
	unsigned long flags;

	spin_lock_irqsave(&emu->chip.lock, flags);
	emu->chip.faults.rx_hdr = f;
	spin_unlock_irqrestore(&emu->chip.lock, flags);
}

/* The interface's counters (: rx_length_errors, else tx_packets). */
static u64 w5_netdev_stat(struct net_device *ndev, bool rx)
{
	struct rtnl_link_stats64 st;

	dev_get_stats(ndev, &st);
	return rx ? st.rx_length_errors : st.tx_packets;
}

static u64 w5_rx_length_errors(struct net_device *ndev)
{
	return w5_netdev_stat(ndev, true);
}

static u64 w5_rx_stored(struct emu_dev *emu)
{
	struct emu_counters c;

	emu_counters(emu, &c);
	return c.rx_stored;
}

/* Two chips on one cable, spinet up on both, frames can pass. */
static void w5_pair(struct kunit *test, struct sn_chip **a, struct sn_chip **b)
{
	bool ok;
	int ret;

	*a = w5_chip_new(test);
	*b = w5_chip_new(test);
	KUNIT_ASSERT_EQ(test, 0, emu_test_connect((*a)->emu, (*b)->emu));
	sn_quiet_mtu(test, *a);
	sn_quiet_mtu(test, *b);
	sn_open(test, *a);
	sn_open(test, *b);
	ret = read_poll_timeout(sn_pair_ready, ok, ok, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, *a, *b);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "no link");
}

/**
 * struct w5_rig - two chips that pass frames, a receiver on B, a frame
 *	buffer and two counter snapshots, on the heap (KUnit's assertions fill
 *	the stack)
 * @a: the sender
 * @b: the receiver
 * @cap: what B received
 * @frame: the test's frame
 * @before: counters before a step
 * @after: counters after it
 */
struct w5_rig {
	struct sn_chip *a, *b;
	struct sn_capture *cap;
	u8 *frame;
	struct emu_counters before, after;
};

static struct w5_rig *w5_rig_new(struct kunit *test, unsigned int frame_len)
{
	struct w5_rig *r;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->frame = kunit_kzalloc(test, frame_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r->frame);
	w5_pair(test, &r->a, &r->b);
	r->cap = sn_capture_new(test, r->b);
	return r;
}

/* A test frame from @from to @to's address, @seq in every payload byte. */
static void w5_frame(u8 *frame, unsigned int len, struct sn_chip *from,
		     const u8 *to, u8 seq)
{
	ether_addr_copy(frame, to);
	ether_addr_copy(frame + ETH_ALEN, from->ndev->dev_addr);
	put_unaligned_be16(EMU_ETH_P_TEST, frame + 2 * ETH_ALEN);
	memset(frame + ETH_HLEN, seq, len - ETH_HLEN);
}

/* Probe: the chip is recognised and left quiet, the PHY is phylib's. */
static void spinet_w5500_emu_probe_test(struct kunit *test)
{
	struct sn_chip *c = w5_chip_new(test);
	const struct ethtool_ops *ops = c->ndev->ethtool_ops;
	u8 cfg;

	KUNIT_EXPECT_EQ(test, (int)c->ndev->reg_state, NETREG_REGISTERED);
	KUNIT_EXPECT_FALSE(test, netif_running(c->ndev));
	/* The chip holds no address: a random one. */
	KUNIT_EXPECT_TRUE(test, is_valid_ether_addr(c->ndev->dev_addr));
	KUNIT_EXPECT_EQ(test, c->ndev->max_mtu, ETH_DATA_LEN);
	/* No PHY ID registers: phylib's generic driver, polling. */
	KUNIT_ASSERT_NOT_NULL(test, c->ndev->phydev);
	KUNIT_EXPECT_EQ(test, c->ndev->phydev->phy_id, 0);
	KUNIT_EXPECT_EQ(test, c->ndev->phydev->irq, PHY_POLL);
	KUNIT_EXPECT_EQ(test, ops->get_sset_count(c->ndev, ETH_SS_STATS),
			SPINET_STAT_NUM + 2);
	KUNIT_EXPECT_EQ(test, ops->get_regs_len(c->ndev),
			W5_COMMON_LEN + W5_SOCK_LEN);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_SIMR), 0);
	cfg = emu_peek(c->emu, W5_PHYCFGR);
	KUNIT_EXPECT_TRUE(test, cfg & W5_PHYCFGR_OPMD);
	KUNIT_EXPECT_EQ(test, FIELD_GET(W5_PHYCFGR_OPMDC, cfg), W5_OPMDC_DOWN);
}

/* VERSIONR: a chip that reads anything else is refused. */
struct w5_version_case {
	const char *name;
	bool strict;
	bool dead;
	u8 dead_byte;
	bool binds;
};

static const struct w5_version_case w5_version_cases[] = {
	/* VERSIONR reads 0 once after power-on: asking again finds it */
	{ "0 once, then 0x04", true, false, 0, true },
	{ "MISO stuck low", false, true, 0x00, false },
	{ "MISO stuck high", false, true, 0xff, false },
};

static void w5_version_desc(const struct w5_version_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(w5_version, w5_version_cases, w5_version_desc);

static void spinet_w5500_emu_version_test(struct kunit *test)
{
	const struct w5_version_case *vc = test->param_value;
	struct sn_chip *c = w5_chip_new(test);
	struct device *dev = &c->emu->spi->dev;
	unsigned long flags;

	device_release_driver(dev);
	KUNIT_ASSERT_NULL(test, dev->driver);
	spin_lock_irqsave(&c->emu->chip.lock, flags);
	c->emu->chip.strict = vc->strict;
	c->emu->chip.faults.dead = vc->dead;
	c->emu->chip.faults.dead_byte = vc->dead_byte;
	spin_unlock_irqrestore(&c->emu->chip.lock, flags);
	emu_test_power_cycle(c->emu);

	KUNIT_EXPECT_EQ(test, device_attach(dev), vc->binds ? 1 : 0);
	KUNIT_EXPECT_EQ(test, !!dev->driver, vc->binds);

	/* A chip that answers again binds again. */
	spin_lock_irqsave(&c->emu->chip.lock, flags);
	c->emu->chip.faults.dead = false;
	spin_unlock_irqrestore(&c->emu->chip.lock, flags);
	if (!dev->driver)
		KUNIT_EXPECT_EQ(test, device_attach(dev), 1);
	KUNIT_EXPECT_NOT_NULL(test, dev->driver);
}

/* Open: socket 0 in MACRAW with MFEN and all the memory; close: quiet. */
static void spinet_w5500_emu_open_test(struct kunit *test)
{
	struct sn_chip *c = w5_chip_new(test);
	struct emu_counters before, after;
	u8 shar[ETH_ALEN];
	unsigned int round;

	for (round = 0; round < 2; round++) {
		emu_counters(c->emu, &before);
		sn_open(test, c);
		emu_counters(c->emu, &after);
		KUNIT_EXPECT_EQ(test, after.resets, before.resets + 1);
		emu_peek_n(c->emu, W5_SHAR, shar, ETH_ALEN);
		KUNIT_EXPECT_MEMEQ(test, shar, c->ndev->dev_addr, ETH_ALEN);
		KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_S0(W5_SN_MR)),
				W5_MR_RUN);
		KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_S0(W5_SN_SR)),
				W5_SR_MACRAW);
		KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_S0(W5_SN_RXBUF_SIZE)),
				W5_MEM_SIZE / SZ_1K);
		KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_S0(W5_SN_TXBUF_SIZE)),
				W5_MEM_SIZE / SZ_1K);
		KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_SIMR), 1);
		KUNIT_EXPECT_EQ(test, emu_peek(c->emu, W5_S0(W5_SN_IMR)),
				W5_SN_IR_SEND_OK | W5_SN_IR_RECV);
		KUNIT_EXPECT_NE(test, FIELD_GET(W5_PHYCFGR_OPMDC,
						emu_peek(c->emu, W5_PHYCFGR)),
				W5_OPMDC_DOWN);

		sn_close(c);
		KUNIT_EXPECT_EQ_MSG(test, emu_peek(c->emu, W5_SIMR), 0,
				    "close %u", round);
		KUNIT_EXPECT_EQ_MSG(test, emu_peek(c->emu, W5_S0(W5_SN_SR)),
				    W5_SR_CLOSED, "close %u", round);
		KUNIT_EXPECT_EQ_MSG(test, FIELD_GET(W5_PHYCFGR_OPMDC,
						    emu_peek(c->emu,
							     W5_PHYCFGR)),
				    W5_OPMDC_DOWN, "close %u", round);
	}
}

static bool w5_stored(struct emu_dev *emu, u64 want)
{
	return w5_rx_stored(emu) >= want;
}

/*
 * RX: frames that wait in the ring are read in few messages, several per
 * read, and three rounds of 12 KB go past the 16 KB ring's end.
 */
static void spinet_w5500_emu_rx_batch_test(struct kunit *test)
{
	unsigned int round, i, n, virq;
	struct w5_rig *r;
	u64 stored, msgs;
	bool done;
	int ret;

	r = w5_rig_new(test, W5_BATCH_LEN);
	virq = r->b->emu->irq.virq;

	for (round = 0; round < W5_ROUNDS; round++) {
		/* B's interrupt held off: the frames wait in its ring. */
		disable_irq(virq);
		stored = w5_rx_stored(r->b->emu);
		for (i = 0; i < W5_BATCH; i++) {
			w5_frame(r->frame, W5_BATCH_LEN, r->a,
				 r->b->ndev->dev_addr, round * W5_BATCH + i);
			KUNIT_EXPECT_EQ(test,
					sn_send(r->a, r->frame, W5_BATCH_LEN),
					NET_XMIT_SUCCESS);
		}
		ret = read_poll_timeout(w5_stored, done, done, EMU_POLL_US,
					EMU_WAIT_US, false, r->b->emu,
					stored + W5_BATCH);
		emu_counters(r->b->emu, &r->before);
		enable_irq(virq);
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "round %u: B stored %llu",
				    round, w5_rx_stored(r->b->emu) - stored);

		ret = read_poll_timeout(sn_capture_count, n,
					n >= (round + 1) * W5_BATCH,
					EMU_POLL_US, EMU_WAIT_US, false,
					r->cap);
		emu_counters(r->b->emu, &r->after);
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "round %u: %u frames", round,
				    n);
		KUNIT_EXPECT_EQ(test, n, (round + 1) * W5_BATCH);
		/* A frame at a time costs 2 each; phylib's polls add a few. */
		msgs = r->after.spi_messages - r->before.spi_messages;
		KUNIT_EXPECT_LT_MSG(test, msgs, (u64)W5_BATCH,
				    "round %u: %llu SPI messages for %u frames",
				    round, msgs, W5_BATCH);
		spin_lock_bh(&r->cap->lock);
		KUNIT_EXPECT_EQ(test, r->cap->len, W5_BATCH_LEN);
		KUNIT_EXPECT_MEMEQ_MSG(test, r->cap->frame, r->frame,
				       W5_BATCH_LEN,
				       "round %u: the last frame", round);
		spin_unlock_bh(&r->cap->lock);
	}
	/* 36 KB through a 16 KB ring: the read pointer went round. */
	KUNIT_EXPECT_EQ(test, w5_peek16(r->b->emu, W5_S0(W5_SN_RX_RD)),
			W5_ALL_BYTES & 0xffff);
	KUNIT_EXPECT_EQ(test, w5_rx_length_errors(r->b->ndev), 0);
}

static const enum emu_rx_hdr_fault w5_bad_cases[] = {
	EMU_RX_HDR_LEN_ZERO, EMU_RX_HDR_LEN_SHORT, EMU_RX_HDR_LEN_LONG,
	EMU_RX_HDR_LEN_RING,
};

static void w5_bad_desc(const enum emu_rx_hdr_fault *f, char *desc)
{
	static const char * const names[] = {
		[EMU_RX_HDR_LEN_ZERO] = "length 0",
		[EMU_RX_HDR_LEN_SHORT] = "length 10",
		[EMU_RX_HDR_LEN_LONG] = "length 2500",
		[EMU_RX_HDR_LEN_RING] = "length 0x8000",
	};

	strscpy(desc, names[*f], KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(w5_bad, w5_bad_cases, w5_bad_desc);

static bool w5_reset_seen(struct emu_dev *emu, u64 resets)
{
	struct emu_counters c;

	emu_counters(emu, &c);
	return c.resets > resets;
}

/* An impossible RX length: counted twice, the chip reset, RX works on. */
static void spinet_w5500_emu_bad_length_test(struct kunit *test)
{
	const enum emu_rx_hdr_fault *f = test->param_value;
	u64 lerr, bad, resets;
	struct emu_counters c;
	struct w5_rig *r;
	unsigned int n;
	bool ok;
	int ret;

	r = w5_rig_new(test, ETH_ZLEN);
	lerr = w5_rx_length_errors(r->b->ndev);
	bad = sn_stat(test, r->b->ndev, "chip_rx_bad_lengths");
	emu_counters(r->b->emu, &c);
	resets = c.resets;

	w5_set_fault(r->b->emu, *f);
	w5_frame(r->frame, ETH_ZLEN, r->a, r->b->ndev->dev_addr, 1);
	KUNIT_ASSERT_EQ(test, sn_send(r->a, r->frame, ETH_ZLEN),
			NET_XMIT_SUCCESS);
	ret = read_poll_timeout(w5_reset_seen, ok, ok, EMU_POLL_US,
				EMU_WAIT_US, false, r->b->emu, resets);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "no reset");
	KUNIT_EXPECT_EQ(test, w5_rx_length_errors(r->b->ndev), lerr + 1);
	KUNIT_EXPECT_EQ(test, sn_stat(test, r->b->ndev, "chip_rx_bad_lengths"),
			bad + 1);
	KUNIT_EXPECT_EQ(test, sn_capture_count(r->cap), 0);

	/* After the reset, frames pass again. */
	ret = read_poll_timeout(sn_pair_ready, ok, ok, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, r->a, r->b);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "no link after the reset");
	w5_frame(r->frame, ETH_ZLEN, r->a, r->b->ndev->dev_addr, 2);
	KUNIT_ASSERT_EQ(test, sn_send(r->a, r->frame, ETH_ZLEN),
			NET_XMIT_SUCCESS);
	ret = read_poll_timeout(sn_capture_count, n, n > 0, EMU_POLL_US,
				EMU_WAIT_US, false, r->cap);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "no frame after the reset");
	KUNIT_EXPECT_EQ(test, w5_rx_length_errors(r->b->ndev), lerr + 1);
}

static bool w5_tx_idle(struct sn_chip *c)
{
	return w5_peek16(c->emu, W5_S0(W5_SN_TX_RD)) ==
	       w5_peek16(c->emu, W5_S0(W5_SN_TX_WR)) &&
	       !(emu_peek(c->emu, W5_S0(W5_SN_IR)) & W5_SN_IR_SEND_OK);
}

/* TX: each frame goes out whole, SEND_OK is taken and acknowledged. */
static void spinet_w5500_emu_tx_test(struct kunit *test)
{
	static const unsigned int lens[] = { ETH_ZLEN, 999, EMU_QUIET_MTU +
					     ETH_HLEN };
	struct w5_rig *r;
	unsigned int i, n;
	u64 tx_packets;
	bool ok;
	int ret;

	r = w5_rig_new(test, EMU_FRAME_BUF);
	tx_packets = w5_netdev_stat(r->a->ndev, false);

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		emu_counters(r->a->emu, &r->before);
		w5_frame(r->frame, lens[i], r->a, r->b->ndev->dev_addr, i);
		KUNIT_ASSERT_EQ(test, sn_send(r->a, r->frame, lens[i]),
				NET_XMIT_SUCCESS);
		ret = read_poll_timeout(sn_capture_count, n, n > i,
					EMU_POLL_US, EMU_WAIT_US, false,
					r->cap);
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "frame of %u bytes", lens[i]);
		spin_lock_bh(&r->cap->lock);
		KUNIT_EXPECT_EQ(test, r->cap->len, lens[i]);
		KUNIT_EXPECT_MEMEQ(test, r->cap->frame, r->frame, lens[i]);
		spin_unlock_bh(&r->cap->lock);
		ret = read_poll_timeout(w5_tx_idle, ok, ok, EMU_POLL_US,
					EMU_WAIT_US, false, r->a);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0,
				    "%u bytes: TX_RD %04x TX_WR %04x Sn_IR %02x",
				    lens[i],
				    w5_peek16(r->a->emu, W5_S0(W5_SN_TX_RD)),
				    w5_peek16(r->a->emu, W5_S0(W5_SN_TX_WR)),
				    emu_peek(r->a->emu, W5_S0(W5_SN_IR)));
		emu_counters(r->a->emu, &r->after);
		KUNIT_EXPECT_EQ(test, r->after.tx_frames,
				r->before.tx_frames + 1);
		KUNIT_EXPECT_EQ(test, r->after.tx_rejected,
				r->before.tx_rejected);
	}
	KUNIT_EXPECT_EQ(test, w5_netdev_stat(r->a->ndev, false),
			tx_packets + ARRAY_SIZE(lens));
}

static bool w5_mr_is(struct emu_dev *emu, u8 mr)
{
	return emu_peek(emu, W5_S0(W5_SN_MR)) == mr &&
	       emu_peek(emu, W5_S0(W5_SN_SR)) == W5_SR_MACRAW;
}

static int w5_promisc(struct net_device *ndev, int inc)
{
	int ret;

	rtnl_lock();
	ret = dev_set_promiscuity(ndev, inc);
	rtnl_unlock();
	return ret;
}

/*
 * The filter: MFEN drops unicast for others and passes every group frame;
 * promiscuous mode reopens the socket without MFEN, and back.
 */
static void spinet_w5500_emu_filter_test(struct kunit *test)
{
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0x5e, 0x10, 0, 0x99 };
	static const u8 group[ETH_ALEN] = { 0x01, 0, 0x5e, 0x7f, 0, 0x42 };
	struct emu_counters before, after;
	struct sn_chip *a, *b;
	u64 reopens;
	u8 *frame;
	bool ok;
	int ret;

	w5_pair(test, &a, &b);
	frame = kunit_kzalloc(test, ETH_ZLEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_EXPECT_EQ(test, emu_peek(b->emu, W5_S0(W5_SN_MR)), W5_MR_RUN);
	reopens = sn_stat(test, b->ndev, "chip_socket_reopens");

	/* MFEN: unicast for another station is dropped, a group passes. */
	emu_counters(b->emu, &before);
	w5_frame(frame, ETH_ZLEN, a, other, 1);
	KUNIT_ASSERT_EQ(test, sn_send(a, frame, ETH_ZLEN), NET_XMIT_SUCCESS);
	w5_frame(frame, ETH_ZLEN, a, group, 2);
	KUNIT_ASSERT_EQ(test, sn_send(a, frame, ETH_ZLEN), NET_XMIT_SUCCESS);
	ret = read_poll_timeout(w5_stored, ok, ok, EMU_POLL_US, EMU_WAIT_US,
				false, b->emu, before.rx_stored + 1);
	KUNIT_EXPECT_EQ(test, ret, 0);
	emu_counters(b->emu, &after);
	KUNIT_EXPECT_EQ(test, after.rx_drop_filtered,
			before.rx_drop_filtered + 1);
	KUNIT_EXPECT_EQ(test, after.rx_stored, before.rx_stored + 1);

	/* Promiscuous: MFEN off, one reopen; the stranger's frame passes. */
	KUNIT_ASSERT_EQ(test, w5_promisc(b->ndev, 1), 0);
	ret = read_poll_timeout(w5_mr_is, ok, ok, EMU_POLL_US, EMU_WAIT_US,
				false, b->emu, W5_PROTO_MACRAW);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "Sn_MR %02x",
			    emu_peek(b->emu, W5_S0(W5_SN_MR)));
	KUNIT_EXPECT_EQ(test, sn_stat(test, b->ndev, "chip_socket_reopens"),
			reopens + 1);
	emu_counters(b->emu, &before);
	w5_frame(frame, ETH_ZLEN, a, other, 3);
	KUNIT_ASSERT_EQ(test, sn_send(a, frame, ETH_ZLEN), NET_XMIT_SUCCESS);
	ret = read_poll_timeout(w5_stored, ok, ok, EMU_POLL_US, EMU_WAIT_US,
				false, b->emu, before.rx_stored + 1);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "promiscuous: not stored");

	/* And back, one more reopen. */
	KUNIT_ASSERT_EQ(test, w5_promisc(b->ndev, -1), 0);
	ret = read_poll_timeout(w5_mr_is, ok, ok, EMU_POLL_US, EMU_WAIT_US,
				false, b->emu, W5_MR_RUN);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, sn_stat(test, b->ndev, "chip_socket_reopens"),
			reopens + 2);
}

static bool w5_carrier_is(struct net_device *ndev, bool on)
{
	return netif_carrier_ok(ndev) == on;
}

static int w5_force(struct net_device *ndev, int speed, u8 duplex, u8 an)
{
	struct ethtool_link_ksettings ks = {};
	int ret;

	rtnl_lock();
	ret = phy_ethtool_get_link_ksettings(ndev, &ks);
	if (!ret) {
		ks.base.autoneg = an;
		if (an == AUTONEG_DISABLE) {
			ks.base.speed = speed;
			ks.base.duplex = duplex;
		}
		ret = phy_ethtool_set_link_ksettings(ndev, &ks);
	}
	rtnl_unlock();
	return ret;
}

/* PHYCFGR holds operating mode @mode (written after phylib's call returns). */
static bool w5_opmdc_is(struct emu_dev *emu, unsigned int mode)
{
	return FIELD_GET(W5_PHYCFGR_OPMDC, emu_peek(emu, W5_PHYCFGR)) == mode;
}

static bool w5_link_is(struct net_device *ndev, int speed, u8 duplex)
{
	struct phy_device *phy = ndev->phydev;

	return netif_carrier_ok(ndev) && phy->speed == speed &&
	       phy->duplex == duplex;
}

/* Carrier follows PHYCFGR.LNK; speed and duplex come from it too. */
static void spinet_w5500_emu_link_test(struct kunit *test)
{
	struct sn_chip *a = w5_chip_new(test);
	struct sn_chip *b = w5_chip_new(test);
	bool ok;
	int ret;

	sn_open(test, a);
	sn_open(test, b);
	/* No cable: no carrier, even after phylib's polls. */
	msleep(1500);
	KUNIT_EXPECT_FALSE(test, netif_carrier_ok(a->ndev));
	KUNIT_EXPECT_FALSE(test, emu_peek(a->emu, W5_PHYCFGR) &
			   W5_PHYCFGR_LNK);

	KUNIT_ASSERT_EQ(test, 0, emu_test_connect(a->emu, b->emu));
	ret = read_poll_timeout(w5_link_is, ok, ok, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, a->ndev, SPEED_100,
				DUPLEX_FULL);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "no 100 Mb/s full duplex link");

	/* Forced 10 Mb/s half duplex: PHYCFGR's mode, and the link says so. */
	KUNIT_ASSERT_EQ(test, w5_force(a->ndev, SPEED_10, DUPLEX_HALF,
				       AUTONEG_DISABLE), 0);
	ret = read_poll_timeout(w5_opmdc_is, ok, ok, EMU_POLL_US, EMU_WAIT_US,
				false, a->emu, W5_OPMDC_10HD);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "PHYCFGR %02x",
			    emu_peek(a->emu, W5_PHYCFGR));
	ret = read_poll_timeout(w5_link_is, ok, ok, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, a->ndev, SPEED_10,
				DUPLEX_HALF);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "no 10 Mb/s half duplex link");
	KUNIT_ASSERT_EQ(test, w5_force(a->ndev, 0, 0, AUTONEG_ENABLE), 0);
	ret = read_poll_timeout(w5_opmdc_is, ok, ok, EMU_POLL_US, EMU_WAIT_US,
				false, a->emu, W5_OPMDC_ALL_AN);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "PHYCFGR %02x",
			    emu_peek(a->emu, W5_PHYCFGR));

	/* The other end goes away: carrier goes too. */
	sn_chip_destroy(test, b);
	ret = read_poll_timeout(w5_carrier_is, ok, ok, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, a->ndev, false);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "carrier stayed with no cable");
}

static struct kunit_case spinet_w5500_emu_test_cases[] = {
	KUNIT_CASE(spinet_w5500_emu_probe_test),
	KUNIT_CASE_PARAM(spinet_w5500_emu_version_test, w5_version_gen_params),
	KUNIT_CASE(spinet_w5500_emu_open_test),
	KUNIT_CASE(spinet_w5500_emu_rx_batch_test),
	KUNIT_CASE_PARAM(spinet_w5500_emu_bad_length_test, w5_bad_gen_params),
	KUNIT_CASE(spinet_w5500_emu_tx_test),
	KUNIT_CASE(spinet_w5500_emu_filter_test),
	KUNIT_CASE(spinet_w5500_emu_link_test),
	{}
};

static struct kunit_suite spinet_w5500_emu_test_suite = {
	.name = "spinet_w5500_emu",
	.test_cases = spinet_w5500_emu_test_cases,
};

kunit_test_suite(spinet_w5500_emu_test_suite);
