// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the spinet DM9051 driver on the emulator: each case
 * creates emulated DM9051 chips through the emulator's test API, the
 * driver (spinet.ko, loaded first) binds to them as it would on a board,
 * and the case drives the net_device through the kernel's own interfaces
 * (dev_open(), dev_queue_xmit(), dev_set_promiscuity(), dev_mc_add()...)
 * and judges what the driver did by the emulator's registers and counters,
 * read without side effects.
 *
 * Interfaces that carry frames get an MTU below IPv6's minimum, so that
 * IPv6 stays off them and no frame but the test's own crosses the cable.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/interrupt.h>
#include <linux/iopoll.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/spi/spi.h>
#include <net/net_namespace.h>
#include <net/sch_generic.h>

#include "emu_dm9051.h"
#include "emu_kunit.h"
#include "spinet_kunit.h"
#include "spinet_priv.h"

#define EMU_DRIVER_NAME		"spinet-dm9051"
#define EMU_MAR_BYTES		8

#define EMU_RCR_BASE		(DM_RCR_DIS_LONG | DM_RCR_DIS_CRC | \
				 DM_RCR_RXEN)
#define EMU_IMR_RUN		(DM_IMR_PAR | DM_IMR_LNKCHGI | DM_IMR_ROOI | \
				 DM_IMR_ROI | DM_IMR_PTI | DM_IMR_PRI)

/* The chip's hash table passes @addr's bin. */
static bool emu_peek_mar_has(struct emu_dev *emu, const u8 *addr)
{
	unsigned int bin = spinet_kunit_hash_bin(addr);

	return emu_peek(emu, DM_MAR + bin / 8) & BIT(bin % 8);
}

/*
 * The chip's behaviour where its documentation is silent: the model's
 * defaults, or strict (each unknown in its most hostile plausible form,
 * Documentation/emulator.md). The chip is probed before a test can set
 * it, so strict mode covers what happens from open on.
 */
struct sn_mode_case {
	const char *name;
	bool strict;
};

static const struct sn_mode_case sn_mode_cases[] = {
	{ "default chip", false },
	{ "strict chip", true },
};

static void sn_mode_desc(const struct sn_mode_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sn_mode, sn_mode_cases, sn_mode_desc);

static void sn_set_mode(struct kunit *test, struct sn_chip *c)
{
	const struct sn_mode_case *mode = test->param_value;
	unsigned long flags;

	spin_lock_irqsave(&c->emu->chip.lock, flags);
	c->emu->chip.strict = mode->strict;
	spin_unlock_irqrestore(&c->emu->chip.lock, flags);
}

/* Probe: the net_device, its address, limits and operations. */
static void spinet_dm9051_emu_probe_test(struct kunit *test)
{
	const struct ethtool_ops *ops;
	struct ethtool_drvinfo info = {};
	struct net_device *ndev;
	u8 par[ETH_ALEN];
	struct sn_chip *c;

	c = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	ndev = c->ndev;
	ops = ndev->ethtool_ops;

	KUNIT_EXPECT_EQ(test, (int)ndev->reg_state, NETREG_REGISTERED);
	KUNIT_EXPECT_PTR_EQ(test, ndev->dev.parent, &c->emu->spi->dev);
	KUNIT_EXPECT_FALSE(test, netif_running(ndev));

	/* The address is the one in the chip's EEPROM, loaded into PAR. */
	emu_peek_n(c->emu, DM_PAR, par, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, par, c->emu->chip.mac, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, ndev->dev_addr, c->emu->chip.mac, ETH_ALEN);
	KUNIT_EXPECT_TRUE(test, is_valid_ether_addr(ndev->dev_addr));

	KUNIT_EXPECT_EQ(test, ndev->max_mtu, 1500);
	KUNIT_EXPECT_EQ(test, ndev->mtu, 1500);
	KUNIT_EXPECT_EQ(test, (unsigned int)c->sn->irq, c->emu->irq.virq);
	KUNIT_EXPECT_TRUE(test, irq_has_action(c->emu->irq.virq));

	/* The internal PHY (DM9161A ID) is attached. */
	KUNIT_ASSERT_NOT_NULL(test, ndev->phydev);
	KUNIT_EXPECT_EQ(test, ndev->phydev->phy_id,
			(u32)DM_PHY_ID1 << 16 | DM_PHY_ID2);
	KUNIT_EXPECT_EQ(test, ndev->phydev->mdio.addr, DM_PHY_ADDR);

	KUNIT_ASSERT_NOT_NULL(test, ops);
	KUNIT_ASSERT_NOT_NULL(test, ops->get_drvinfo);
	ops->get_drvinfo(ndev, &info);
	KUNIT_EXPECT_STREQ(test, info.driver, "spinet");
	KUNIT_EXPECT_STREQ(test, info.bus_info, dev_name(&c->emu->spi->dev));
	KUNIT_EXPECT_NOT_NULL(test, ops->get_link_ksettings);
	KUNIT_EXPECT_NOT_NULL(test, ops->get_link);
	KUNIT_ASSERT_NOT_NULL(test, ops->get_regs_len);
	KUNIT_EXPECT_EQ(test, ops->get_regs_len(ndev), DM_NREGS);
	/* The core's counters and the DM9051's four (overflows, bad frames,
	 * bulk reads, rewinds).
	 */
	KUNIT_ASSERT_NOT_NULL(test, ops->get_sset_count);
	KUNIT_EXPECT_EQ(test, ops->get_sset_count(ndev, ETH_SS_STATS),
			SPINET_STAT_NUM + 4);
	/* GSO skbs of a few frames: 64 KB would queue 20 ms of bus. */
	KUNIT_EXPECT_EQ(test, ndev->gso_max_segs, SPINET_GSO_MAX_SEGS);

	/* Probe leaves the chip quiet: interrupts masked, PHY down, RX off. */
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_IMR), DM_IMR_PAR);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_RCR) & DM_RCR_RXEN, 0);
	KUNIT_EXPECT_TRUE(test, emu_peek(c->emu, DM_GPR) & DM_GPR_PHY_OFF);
}

/* Open: the chip is reset, receives and has its interrupts unmasked. */
static void spinet_dm9051_emu_open_test(struct kunit *test)
{
	struct sn_chip *c = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	u8 par[ETH_ALEN], mar[EMU_MAR_BYTES];
	struct emu_counters before, after;

	emu_counters(c->emu, &before);
	sn_open(test, c);
	emu_counters(c->emu, &after);

	KUNIT_EXPECT_TRUE(test, netif_running(c->ndev));
	KUNIT_EXPECT_EQ(test, after.resets, before.resets + 1);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_RCR), EMU_RCR_BASE);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_IMR), EMU_IMR_RUN);
	KUNIT_EXPECT_FALSE(test, emu_peek(c->emu, DM_GPR) & DM_GPR_PHY_OFF);
	emu_peek_n(c->emu, DM_PAR, par, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, par, c->ndev->dev_addr, ETH_ALEN);
	/* Broadcast passes the hash table: bin 63. */
	emu_peek_n(c->emu, DM_MAR, mar, EMU_MAR_BYTES);
	KUNIT_EXPECT_TRUE(test, mar[7] & BIT(7));
}

/* Close, then open again, twice: each close leaves the chip quiet. */
static void spinet_dm9051_emu_close_test(struct kunit *test)
{
	struct sn_chip *c = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	unsigned int round;

	for (round = 0; round < 2; round++) {
		sn_open(test, c);
		KUNIT_EXPECT_EQ_MSG(test, emu_peek(c->emu, DM_IMR), EMU_IMR_RUN,
				    "open %u", round);
		KUNIT_EXPECT_TRUE_MSG(test,
				      emu_peek(c->emu, DM_RCR) & DM_RCR_RXEN,
				      "open %u", round);

		sn_close(c);
		KUNIT_EXPECT_FALSE_MSG(test, netif_running(c->ndev),
				       "close %u", round);
		KUNIT_EXPECT_EQ_MSG(test, emu_peek(c->emu, DM_IMR), DM_IMR_PAR,
				    "close %u: interrupts still unmasked",
				    round);
		KUNIT_EXPECT_FALSE_MSG(test,
				       emu_peek(c->emu, DM_RCR) & DM_RCR_RXEN,
				       "close %u: receiver still on", round);
		KUNIT_EXPECT_TRUE_MSG(test,
				      emu_peek(c->emu, DM_GPR) & DM_GPR_PHY_OFF,
				      "close %u: PHY still powered", round);
	}
}

/*
 * The filter the chip should hold for @ndev's flags and groups, computed
 * by the test: promiscuous or all-multicast open every bin; otherwise
 * broadcast's bin 63 and one bin per group.
 */
static u8 sn_want_filter(struct net_device *ndev, u8 *mar)
{
	struct netdev_hw_addr *ha;
	unsigned int bin;
	bool allmulti;

	memset(mar, 0, EMU_MAR_BYTES);
	netif_addr_lock_bh(ndev);
	allmulti = (ndev->flags & IFF_ALLMULTI) ||
		   netdev_mc_count(ndev) > SPINET_MC_MAX;
	netdev_for_each_mc_addr(ha, ndev) {
		bin = spinet_kunit_hash_bin(ha->addr);
		mar[bin / 8] |= BIT(bin % 8);
	}
	netif_addr_unlock_bh(ndev);
	mar[7] |= BIT(7);
	if (ndev->flags & IFF_PROMISC) {
		memset(mar, 0xff, EMU_MAR_BYTES);
		return EMU_RCR_BASE | DM_RCR_PRMSC | DM_RCR_ALL;
	}
	if (allmulti) {
		memset(mar, 0xff, EMU_MAR_BYTES);
		return EMU_RCR_BASE | DM_RCR_ALL;
	}
	return EMU_RCR_BASE;
}

/*
 * A group 01:00:5e:<@set>:00:xx whose hash bin is clear in @mar, so that
 * a chip holding @mar filters it out; its bin is then set in @mar.
 */
static void sn_pick_group(struct kunit *test, u8 set, u8 *mar, u8 *addr)
{
	u8 cand[ETH_ALEN] = { 0x01, 0x00, 0x5e, set, 0x00, 0x00 };
	unsigned int i, bin = 0;

	for (i = 0; i < 0x100; i++) {
		cand[5] = i;
		bin = spinet_kunit_hash_bin(cand);
		if (!(mar[bin / 8] & BIT(bin % 8)))
			break;
	}
	KUNIT_ASSERT_LT_MSG(test, i, 0x100, "no group with a free bin");
	mar[bin / 8] |= BIT(bin % 8);
	memcpy(addr, cand, ETH_ALEN);
}

/* Whom a test frame is for. */
enum sn_dst {
	SN_DST_PEER,		/* the receiver's own address */
	SN_DST_BCAST,		/* broadcast */
	SN_DST_JOINED,		/* a group the receiver joined */
	SN_DST_OTHER,		/* a group whose hash bin the receiver clears */
};

/* What should become of it. */
enum sn_fate {
	SN_RECEIVED,		/* sent, stored, up the receiver's stack */
	SN_FILTERED,		/* sent, dropped by the receiver's filter */
	SN_TX_DROPPED,		/* too long: the sender's driver drops it */
};

struct sn_frame_case {
	const char *name;
	bool b_to_a;
	enum sn_dst dst;
	unsigned int len;
	enum sn_fate fate;
};

static const struct sn_frame_case sn_frame_cases[] = {
	{ "a to b, 60 bytes", false, SN_DST_PEER, 60, SN_RECEIVED },
	{ "a to b, 61 bytes", false, SN_DST_PEER, 61, SN_RECEIVED },
	{ "a to b, 100 bytes", false, SN_DST_PEER, 100, SN_RECEIVED },
	{ "a to b, 1514 bytes", false, SN_DST_PEER, ETH_FRAME_LEN,
	  SN_RECEIVED },
	{ "a to b, 1518 bytes (VLAN-sized)", false, SN_DST_PEER,
	  EMU_FRAME_MAX, SN_RECEIVED },
	{ "a to b, 1519 bytes: too long", false, SN_DST_PEER,
	  EMU_FRAME_MAX + 1, SN_TX_DROPPED },
	{ "a to b, broadcast", false, SN_DST_BCAST, 100, SN_RECEIVED },
	{ "a to b, a group b joined", false, SN_DST_JOINED, 100,
	  SN_RECEIVED },
	{ "a to b, a group b did not join", false, SN_DST_OTHER, 100,
	  SN_FILTERED },
	{ "b to a, 60 bytes", true, SN_DST_PEER, 60, SN_RECEIVED },
	{ "b to a, 99 bytes", true, SN_DST_PEER, 99, SN_RECEIVED },
	{ "b to a, 1518 bytes", true, SN_DST_PEER, EMU_FRAME_MAX,
	  SN_RECEIVED },
	{ "b to a, broadcast", true, SN_DST_BCAST, 64, SN_RECEIVED },
};

/* What one frame should change, sampled before and after. */
struct sn_frame_snap {
	struct emu_counters tx_emu;
	struct emu_counters rx_emu;
	struct rtnl_link_stats64 tx_stats;
	struct rtnl_link_stats64 rx_stats;
	unsigned int captured;
};

static void sn_frame_snap(struct sn_chip *from, struct sn_chip *to,
			  struct sn_capture *cap, struct sn_frame_snap *s)
{
	emu_counters(from->emu, &s->tx_emu);
	emu_counters(to->emu, &s->rx_emu);
	dev_get_stats(from->ndev, &s->tx_stats);
	dev_get_stats(to->ndev, &s->rx_stats);
	s->captured = sn_capture_count(cap);
}

/*
 * The frame's fate is sealed: received (captured, and the sender counted
 * it sent), filtered (it reached the receiving chip) or dropped (the
 * sender counted the drop).
 */
static bool sn_frame_done(struct sn_chip *from, struct sn_chip *to,
			  struct sn_capture *cap, enum sn_fate fate,
			  const struct sn_frame_snap *before)
{
	struct rtnl_link_stats64 st;
	struct emu_counters rx;

	dev_get_stats(from->ndev, &st);
	switch (fate) {
	case SN_RECEIVED:
		return sn_capture_count(cap) > before->captured &&
		       st.tx_packets > before->tx_stats.tx_packets;
	case SN_FILTERED:
		emu_counters(to->emu, &rx);
		return rx.rx_frames > before->rx_emu.rx_frames &&
		       st.tx_packets > before->tx_stats.tx_packets;
	default:
		return st.tx_dropped > before->tx_stats.tx_dropped;
	}
}

/* Judge one frame by the counters before (@s0) and after (@s1). */
static void sn_frame_check(struct kunit *test, const struct sn_frame_case *fc,
			   const struct sn_frame_snap *s0,
			   const struct sn_frame_snap *s1)
{
	unsigned int sent = fc->fate != SN_TX_DROPPED;
	unsigned int got = fc->fate == SN_RECEIVED;
	unsigned int len = fc->len;

	/* The sending chip: exactly one frame of exactly len bytes, or none. */
	KUNIT_EXPECT_EQ_MSG(test, s1->tx_emu.tx_frames,
			    s0->tx_emu.tx_frames + sent, "%s: chip tx_frames",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->tx_emu.tx_bytes,
			    s0->tx_emu.tx_bytes + sent * len,
			    "%s: chip tx_bytes", fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->tx_emu.tx_rejected,
			    s0->tx_emu.tx_rejected,
			    "%s: chip refused a transmit request", fc->name);
	/* The sending driver. */
	KUNIT_EXPECT_EQ_MSG(test, s1->tx_stats.tx_packets,
			    s0->tx_stats.tx_packets + sent, "%s: tx_packets",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->tx_stats.tx_bytes,
			    s0->tx_stats.tx_bytes + sent * len,
			    "%s: tx_bytes", fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->tx_stats.tx_dropped,
			    s0->tx_stats.tx_dropped + !sent, "%s: tx_dropped",
			    fc->name);
	/* The receiving chip: it arrived, and was stored or filtered. */
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_emu.rx_frames,
			    s0->rx_emu.rx_frames + sent,
			    "%s: chip rx_frames", fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_emu.rx_stored,
			    s0->rx_emu.rx_stored + got, "%s: chip rx_stored",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_emu.rx_drop_filtered,
			    s0->rx_emu.rx_drop_filtered +
			    (fc->fate == SN_FILTERED),
			    "%s: chip rx_drop_filtered", fc->name);
	/* The receiving driver and its stack. */
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_stats.rx_packets,
			    s0->rx_stats.rx_packets + got, "%s: rx_packets",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_stats.rx_bytes,
			    s0->rx_stats.rx_bytes + got * len, "%s: rx_bytes",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_stats.rx_errors,
			    s0->rx_stats.rx_errors, "%s: rx_errors",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->rx_stats.rx_dropped,
			    s0->rx_stats.rx_dropped, "%s: rx_dropped",
			    fc->name);
	KUNIT_EXPECT_EQ_MSG(test, s1->captured, s0->captured + got,
			    "%s: frames up the stack", fc->name);
}

/* Two chips on one cable, both interfaces open, quiet and linked. */
static void sn_pair_up(struct kunit *test, struct sn_chip *a,
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
	KUNIT_ASSERT_EQ_MSG(test, ret, 0,
			    "no link: carrier %d/%d, queues noop %d/%d",
			    netif_carrier_ok(a->ndev),
			    netif_carrier_ok(b->ndev),
			    qdisc_tx_is_noop(a->ndev),
			    qdisc_tx_is_noop(b->ndev));
}

/*
 * Frames each way between two chips on one cable, of every length from
 * the shortest to the longest the driver sends, to the peer, to
 * broadcast and to groups: the sender's chip puts exactly each frame on
 * the wire, both drivers count it, the receiver's chip filters by its
 * hash table and its stack gets what passed unchanged.
 */
static void spinet_dm9051_emu_frames_test(struct kunit *test)
{
	u8 joined[ETH_ALEN], other[ETH_ALEN], mar[EMU_MAR_BYTES];
	struct sn_chip *a = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	struct sn_chip *b = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	struct sn_capture *cap_a, *cap_b, *cap;
	unsigned int i, j, len, got_len;
	struct sn_frame_snap *s0, *s1;
	struct sn_chip *from, *to;
	bool done;
	u8 *frame, *got;
	int ret;

	s0 = kunit_kzalloc(test, sizeof(*s0), GFP_KERNEL);
	s1 = kunit_kzalloc(test, sizeof(*s1), GFP_KERNEL);
	frame = kunit_kzalloc(test, EMU_FRAME_BUF, GFP_KERNEL);
	got = kunit_kzalloc(test, EMU_FRAME_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s0);
	KUNIT_ASSERT_NOT_NULL(test, s1);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_ASSERT_NOT_NULL(test, got);
	sn_set_mode(test, a);
	sn_set_mode(test, b);
	sn_pair_up(test, a, b);

	/* b joins a group; another group's bin stays clear in b's chip. */
	sn_want_filter(b->ndev, mar);
	sn_pick_group(test, 0x7e, mar, joined);
	rtnl_lock();
	ret = dev_mc_add(b->ndev, joined);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, ret, 0);
	sn_pick_group(test, 0x7e, mar, other);
	ret = read_poll_timeout(emu_peek_mar_has, done, done, EMU_POLL_US,
				EMU_WAIT_US, false, b->emu, joined);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "b's chip never accepted %pM",
			    joined);
	KUNIT_ASSERT_FALSE(test, emu_peek_mar_has(b->emu, other));

	cap_a = sn_capture_new(test, a);
	cap_b = sn_capture_new(test, b);

	for (i = 0; i < ARRAY_SIZE(sn_frame_cases); i++) {
		const struct sn_frame_case *fc = &sn_frame_cases[i];

		from = fc->b_to_a ? b : a;
		to = fc->b_to_a ? a : b;
		cap = fc->b_to_a ? cap_a : cap_b;
		len = fc->len;
		switch (fc->dst) {
		case SN_DST_BCAST:
			eth_broadcast_addr(frame);
			break;
		case SN_DST_JOINED:
			memcpy(frame, joined, ETH_ALEN);
			break;
		case SN_DST_OTHER:
			memcpy(frame, other, ETH_ALEN);
			break;
		default:
			memcpy(frame, to->ndev->dev_addr, ETH_ALEN);
			break;
		}
		memcpy(frame + ETH_ALEN, from->ndev->dev_addr, ETH_ALEN);
		frame[2 * ETH_ALEN] = EMU_ETH_P_TEST >> 8;
		frame[2 * ETH_ALEN + 1] = EMU_ETH_P_TEST & 0xff;
		for (j = ETH_HLEN; j < len; j++)
			frame[j] = j * 7 + i;

		sn_frame_snap(from, to, cap, s0);
		ret = sn_send(from, frame, len);
		KUNIT_EXPECT_EQ_MSG(test, ret, NET_XMIT_SUCCESS, "%s: xmit",
				    fc->name);
		if (ret != NET_XMIT_SUCCESS)
			continue;
		ret = read_poll_timeout(sn_frame_done, done, done,
					EMU_POLL_US, EMU_WAIT_US, false, from,
					to, cap, fc->fate, s0);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s: no outcome in %d ms",
				    fc->name, EMU_WAIT_MS);
		sn_frame_snap(from, to, cap, s1);
		spin_lock_bh(&cap->lock);
		got_len = cap->len;
		memcpy(got, cap->frame, EMU_FRAME_BUF);
		spin_unlock_bh(&cap->lock);

		sn_frame_check(test, fc, s0, s1);
		if (fc->fate != SN_RECEIVED)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, got_len, len, "%s: length", fc->name);
		KUNIT_EXPECT_TRUE_MSG(test, got_len == len &&
				      !memcmp(got, frame, len),
				      "%s: the frame changed on the way",
				      fc->name);
	}
}

/*
 * Frames that wait in the chip together come up in one bulk read. A write
 * pointer read too far on (a frame still arriving, or a torn read) costs a
 * rewind of the read pointer, and nothing else: no frame lost, no error.
 */
struct sn_bulk_case {
	const char *name;
	u32 lead;
	u64 rewinds;
};

static const struct sn_bulk_case sn_bulk_cases[] = {
	{ "write pointer exact", 0, 0 },
	{ "write pointer read 64 bytes on", 64, 1 },
};

KUNIT_ARRAY_PARAM_DESC(sn_bulk, sn_bulk_cases, name);

#define SN_BULK_FRAMES		4

static bool sn_stored(struct emu_dev *emu, u64 want)
{
	struct emu_counters c;

	emu_counters(emu, &c);
	return c.rx_stored >= want;
}

static void spinet_dm9051_emu_bulk_test(struct kunit *test)
{
	static const unsigned int lens[SN_BULK_FRAMES] = {
		ETH_ZLEN, 200, 1000, EMU_QUIET_MTU + ETH_HLEN
	};
	struct sn_chip *a = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	struct sn_chip *b = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	const struct sn_bulk_case *bc = test->param_value;
	struct rtnl_link_stats64 *st;
	u64 bulk0, rewinds0;
	struct emu_counters c0;
	struct sn_capture *cap;
	unsigned int i, j, n;
	unsigned long flags;
	bool ready, same;
	int ret, stored;
	u8 *frame;

	frame = kunit_kzalloc(test, EMU_FRAME_BUF, GFP_KERNEL);
	st = kunit_kzalloc(test, sizeof(*st), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_ASSERT_NOT_NULL(test, st);
	sn_pair_up(test, a, b);
	cap = sn_capture_new(test, b);
	bulk0 = sn_stat(test, b->ndev, "chip_rx_bulk_reads");
	rewinds0 = sn_stat(test, b->ndev, "chip_rx_rewinds");
	emu_counters(b->emu, &c0);

	/* b's bus owner waits while the chip stores every frame. */
	mutex_lock(&b->sn->bus_lock);
	for (i = 0; i < SN_BULK_FRAMES; i++) {
		ether_addr_copy(frame, b->ndev->dev_addr);
		ether_addr_copy(frame + ETH_ALEN, a->ndev->dev_addr);
		put_unaligned_be16(EMU_ETH_P_TEST, frame + 2 * ETH_ALEN);
		for (j = ETH_HLEN; j < lens[i]; j++)
			frame[j] = j * 3 + i;
		KUNIT_EXPECT_EQ(test, sn_send(a, frame, lens[i]),
				NET_XMIT_SUCCESS);
	}
	stored = read_poll_timeout(sn_stored, ready, ready, EMU_POLL_US,
				   EMU_WAIT_US, false, b->emu,
				   c0.rx_stored + SN_BULK_FRAMES);
	spin_lock_irqsave(&b->emu->chip.lock, flags);
	b->emu->chip.faults.rwpa_lead = bc->lead;
	spin_unlock_irqrestore(&b->emu->chip.lock, flags);
	mutex_unlock(&b->sn->bus_lock);
	KUNIT_ASSERT_EQ_MSG(test, stored, 0, "the chip did not store them");

	ret = read_poll_timeout(sn_capture_count, n, n >= SN_BULK_FRAMES,
				EMU_POLL_US, EMU_WAIT_US, false, cap);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%u of %u frames came up", n,
			    SN_BULK_FRAMES);
	KUNIT_EXPECT_EQ(test, n, SN_BULK_FRAMES);
	spin_lock_bh(&cap->lock);
	same = cap->len == lens[SN_BULK_FRAMES - 1] &&
	       !memcmp(cap->frame, frame, cap->len);
	spin_unlock_bh(&cap->lock);
	KUNIT_EXPECT_TRUE_MSG(test, same, "the last frame changed on the way");
	KUNIT_EXPECT_EQ(test, sn_stat(test, b->ndev, "chip_rx_bulk_reads"),
			bulk0 + 1);
	KUNIT_EXPECT_EQ(test, sn_stat(test, b->ndev, "chip_rx_rewinds"),
			rewinds0 + bc->rewinds);
	KUNIT_EXPECT_EQ(test, b->emu->chip.faults.rwpa_lead, 0);
	dev_get_stats(b->ndev, st);
	KUNIT_EXPECT_EQ(test, st->rx_errors, 0);
	KUNIT_EXPECT_EQ(test, st->rx_length_errors + st->rx_frame_errors, 0);
}

enum sn_rx_op {
	SN_PROMISC_ON,
	SN_PROMISC_OFF,
	SN_ALLMULTI_ON,
	SN_ALLMULTI_OFF,
	SN_GROUP_ADD,
	SN_GROUP_DEL,
	SN_MANY_ADD,
	SN_MANY_DEL,
};

/* More groups than the core hands a chip: all-multicast instead. */
#define SN_MANY_GROUPS		(SPINET_MC_MAX + 1)

struct sn_rx_step {
	const char *name;
	enum sn_rx_op op;
	unsigned int group;
};

static const struct sn_rx_step sn_rx_steps[] = {
	{ "promisc on", SN_PROMISC_ON },
	{ "promisc off", SN_PROMISC_OFF },
	{ "allmulti on", SN_ALLMULTI_ON },
	{ "allmulti off", SN_ALLMULTI_OFF },
	{ "first group added", SN_GROUP_ADD, 0 },
	{ "second group added", SN_GROUP_ADD, 1 },
	{ "promisc on with groups", SN_PROMISC_ON },
	{ "promisc off keeps the groups", SN_PROMISC_OFF },
	{ "first group removed", SN_GROUP_DEL, 0 },
	{ "second group removed", SN_GROUP_DEL, 1 },
	{ "SPINET_MC_MAX + 1 groups added", SN_MANY_ADD },
	{ "SPINET_MC_MAX + 1 groups removed", SN_MANY_DEL },
};

/* Group @i of the many: 01:00:5e:7d:00:<i>. */
static int sn_many(struct net_device *ndev, bool add)
{
	u8 addr[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x7d, 0x00, 0x00 };
	unsigned int i;
	int ret = 0;

	for (i = 0; i < SN_MANY_GROUPS && !ret; i++) {
		addr[5] = i;
		ret = add ? dev_mc_add(ndev, addr) : dev_mc_del(ndev, addr);
	}
	return ret;
}

struct sn_filter_state {
	struct emu_dev *emu;
	u8 rcr;
	u8 mar[EMU_MAR_BYTES];
};

static bool sn_filter_matches(const struct sn_filter_state *want)
{
	u8 mar[EMU_MAR_BYTES];

	emu_peek_n(want->emu, DM_MAR, mar, EMU_MAR_BYTES);
	return emu_peek(want->emu, DM_RCR) == want->rcr &&
	       !memcmp(mar, want->mar, EMU_MAR_BYTES);
}

/* Receive-mode changes reach the chip's RCR and hash table. */
static void spinet_dm9051_emu_rx_mode_test(struct kunit *test)
{
	u8 groups[2][ETH_ALEN], got_mar[EMU_MAR_BYTES];
	struct sn_chip *c = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	struct sn_filter_state *want;
	const struct sn_rx_step *st;
	unsigned int i, k, bin;
	bool match;
	int ret;

	want = kunit_kzalloc(test, sizeof(*want), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	want->emu = c->emu;
	sn_set_mode(test, c);
	sn_quiet_mtu(test, c);
	sn_open(test, c);
	/*
	 * Two groups whose bins are neither broadcast's nor those of the
	 * groups the stack joined (IPv4 all-hosts) nor each other's, so
	 * that each one's bin is its own.
	 */
	sn_want_filter(c->ndev, got_mar);
	sn_pick_group(test, 0x7f, got_mar, groups[0]);
	sn_pick_group(test, 0x7f, got_mar, groups[1]);

	for (i = 0; i < ARRAY_SIZE(sn_rx_steps); i++) {
		st = &sn_rx_steps[i];
		rtnl_lock();
		switch (st->op) {
		case SN_PROMISC_ON:
			ret = dev_set_promiscuity(c->ndev, 1);
			break;
		case SN_PROMISC_OFF:
			ret = dev_set_promiscuity(c->ndev, -1);
			break;
		case SN_ALLMULTI_ON:
			ret = dev_set_allmulti(c->ndev, 1);
			break;
		case SN_ALLMULTI_OFF:
			ret = dev_set_allmulti(c->ndev, -1);
			break;
		case SN_GROUP_ADD:
			ret = dev_mc_add(c->ndev, groups[st->group]);
			break;
		case SN_GROUP_DEL:
			ret = dev_mc_del(c->ndev, groups[st->group]);
			break;
		case SN_MANY_ADD:
		case SN_MANY_DEL:
			ret = sn_many(c->ndev, st->op == SN_MANY_ADD);
			break;
		default:
			ret = -EINVAL;
			break;
		}
		rtnl_unlock();
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s", st->name);

		want->rcr = sn_want_filter(c->ndev, want->mar);
		/* The bus owner programs the filter after the change. */
		ret = read_poll_timeout(sn_filter_matches, match, match,
					EMU_POLL_US, EMU_WAIT_US,
					false, want);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s: filter not programmed",
				    st->name);
		emu_peek_n(c->emu, DM_MAR, got_mar, EMU_MAR_BYTES);
		KUNIT_EXPECT_EQ_MSG(test, emu_peek(c->emu, DM_RCR), want->rcr,
				    "%s: RCR", st->name);
		for (k = 0; k < EMU_MAR_BYTES; k++)
			KUNIT_EXPECT_EQ_MSG(test, got_mar[k], want->mar[k],
					    "%s: MAR%u", st->name, k);

		if (st->op != SN_GROUP_ADD && st->op != SN_GROUP_DEL)
			continue;
		bin = spinet_kunit_hash_bin(groups[st->group]);
		KUNIT_EXPECT_EQ_MSG(test, !!(got_mar[bin / 8] & BIT(bin % 8)),
				    st->op == SN_GROUP_ADD,
				    "%s: bin %u of %pM", st->name, bin,
				    groups[st->group]);
	}
	/* Promiscuous on and off again: the PRMSC bit followed. */
	KUNIT_EXPECT_FALSE(test, emu_peek(c->emu, DM_RCR) & DM_RCR_PRMSC);
}

struct sn_remove_case {
	const char *name;
	bool up;
};

static const struct sn_remove_case sn_remove_cases[] = {
	{ "interface down", false },
	{ "interface up", true },
};

static void sn_remove_desc(const struct sn_remove_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sn_remove, sn_remove_cases, sn_remove_desc);

static bool sn_ifindex_exists(int ifindex)
{
	bool found;

	rcu_read_lock();
	found = !!dev_get_by_index_rcu(&init_net, ifindex);
	rcu_read_unlock();
	return found;
}

/*
 * Remove: destroying the chip unbinds the driver, which unregisters its
 * net_device; the chip's slot can then be used again and the driver binds
 * to the new chip. Leaks would show in kmemleak's scan at the end of the
 * run, and references left on the net_device would hang its unregister.
 */
static void spinet_dm9051_emu_remove_test(struct kunit *test)
{
	const struct sn_remove_case *rc = test->param_value;
	char name[EMU_NAME_LEN], ifname[IFNAMSIZ];
	struct sn_chip *c, *again;
	int ifindex;

	c = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	if (rc->up)
		sn_open(test, c);
	ifindex = c->ndev->ifindex;
	strscpy(name, c->emu->name, sizeof(name));
	strscpy(ifname, c->ndev->name, sizeof(ifname));
	KUNIT_EXPECT_TRUE(test, sn_ifindex_exists(ifindex));

	sn_chip_destroy(test, c);
	KUNIT_EXPECT_FALSE_MSG(test, sn_ifindex_exists(ifindex),
			       "%s (ifindex %d) still registered", ifname,
			       ifindex);

	again = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	KUNIT_EXPECT_STREQ(test, again->emu->name, name);
	KUNIT_EXPECT_EQ(test, (int)again->ndev->reg_state, NETREG_REGISTERED);
	KUNIT_EXPECT_MEMEQ(test, again->ndev->dev_addr, again->emu->chip.mac,
			   ETH_ALEN);
}

/*
 * Unbinding the driver from a running chip (the chip stays): the
 * net_device goes, the interrupt is freed, the chip is left quiet; binding
 * again gives a working device.
 */
static void spinet_dm9051_emu_unbind_test(struct kunit *test)
{
	unsigned int virq;
	struct spinet *sn;
	struct device *dev;
	struct sn_chip *c;
	int ifindex;

	c = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	dev = &c->emu->spi->dev;
	virq = c->emu->irq.virq;
	ifindex = c->ndev->ifindex;
	sn_open(test, c);
	device_release_driver(dev);
	KUNIT_EXPECT_NULL(test, dev->driver);
	KUNIT_EXPECT_NULL(test, dev_get_drvdata(dev));
	KUNIT_EXPECT_FALSE(test, sn_ifindex_exists(ifindex));
	KUNIT_EXPECT_FALSE(test, irq_has_action(virq));
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_IMR), DM_IMR_PAR);
	KUNIT_EXPECT_FALSE(test, emu_peek(c->emu, DM_RCR) & DM_RCR_RXEN);
	KUNIT_EXPECT_TRUE(test, emu_peek(c->emu, DM_GPR) & DM_GPR_PHY_OFF);

	KUNIT_ASSERT_EQ(test, device_attach(dev), 1);
	KUNIT_ASSERT_NOT_NULL(test, dev->driver);
	KUNIT_ASSERT_STREQ(test, dev->driver->name, EMU_DRIVER_NAME);
	sn = dev_get_drvdata(dev);
	KUNIT_ASSERT_NOT_NULL(test, sn);
	c->sn = sn;
	c->ndev = sn->ndev;
	KUNIT_EXPECT_MEMEQ(test, c->ndev->dev_addr, c->emu->chip.mac,
			   ETH_ALEN);
	KUNIT_EXPECT_TRUE(test, irq_has_action(virq));
	sn_open(test, c);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_IMR), EMU_IMR_RUN);
	KUNIT_EXPECT_EQ(test, emu_peek(c->emu, DM_RCR), EMU_RCR_BASE);
}

/*
 * System sleep, through the driver's own PM callbacks (the guest has no
 * wake-up source to suspend for real): suspend detaches the interface and
 * quiets the chip; the chip loses power while asleep; resume programs it
 * again (the address, which is no longer the EEPROM's, the receiver and
 * the interrupts) and frames flow within 2 s.
 */
static void spinet_dm9051_emu_suspend_test(struct kunit *test)
{
	static const u8 addr[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x5e, 0x00, 0x99 };
	struct sn_chip *a = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	struct sn_chip *b = sn_chip_new(test, "dm9051", EMU_DRIVER_NAME);
	struct device *dev = &a->emu->spi->dev;
	const struct dev_pm_ops *pm;
	u8 par[ETH_ALEN], *frame;
	struct sn_capture *cap;
	struct sockaddr sa;
	unsigned int n;
	bool ok;
	int ret;

	pm = dev->driver->pm;
	KUNIT_ASSERT_NOT_NULL(test, pm);
	KUNIT_ASSERT_NOT_NULL(test, pm->suspend);
	KUNIT_ASSERT_NOT_NULL(test, pm->resume);
	frame = kunit_kzalloc(test, ETH_ZLEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_ASSERT_EQ(test, 0, emu_test_connect(a->emu, b->emu));
	sn_open(test, a);
	sn_open(test, b);
	sa.sa_family = a->ndev->type;
	memcpy(sa.sa_data, addr, ETH_ALEN);
	rtnl_lock();
	ret = dev_set_mac_address(a->ndev, &sa, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, ret, 0);
	ret = read_poll_timeout(sn_pair_ready, ok, ok, EMU_POLL_US,
				EMU_LINK_WAIT_US, false, a, b);
	KUNIT_ASSERT_EQ(test, ret, 0);

	KUNIT_EXPECT_EQ(test, pm->suspend(dev), 0);
	KUNIT_EXPECT_FALSE(test, netif_device_present(a->ndev));
	KUNIT_EXPECT_TRUE(test, netif_running(a->ndev));
	KUNIT_EXPECT_EQ(test, emu_peek(a->emu, DM_IMR), DM_IMR_PAR);
	KUNIT_EXPECT_FALSE(test, emu_peek(a->emu, DM_RCR) & DM_RCR_RXEN);
	KUNIT_EXPECT_TRUE(test, emu_peek(a->emu, DM_GPR) & DM_GPR_PHY_OFF);

	emu_test_power_cycle(a->emu);
	emu_peek_n(a->emu, DM_PAR, par, ETH_ALEN);
	KUNIT_ASSERT_MEMNEQ(test, par, addr, ETH_ALEN);

	KUNIT_EXPECT_EQ(test, pm->resume(dev), 0);
	KUNIT_EXPECT_TRUE(test, netif_device_present(a->ndev));
	emu_peek_n(a->emu, DM_PAR, par, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, par, addr, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, emu_peek(a->emu, DM_IMR), EMU_IMR_RUN);
	KUNIT_EXPECT_EQ(test, emu_peek(a->emu, DM_RCR), EMU_RCR_BASE);
	ret = read_poll_timeout(sn_pair_ready, ok, ok, EMU_POLL_US,
				EMU_WAIT_US, false, a, b);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "no link %u ms after resume",
			    EMU_WAIT_MS);

	cap = sn_capture_new(test, b);
	ether_addr_copy(frame, b->ndev->dev_addr);
	ether_addr_copy(frame + ETH_ALEN, addr);
	put_unaligned_be16(EMU_ETH_P_TEST, frame + 2 * ETH_ALEN);
	KUNIT_ASSERT_EQ(test, sn_send(a, frame, ETH_ZLEN), NET_XMIT_SUCCESS);
	ret = read_poll_timeout(sn_capture_count, n, n > 0, EMU_POLL_US,
				EMU_WAIT_US, false, cap);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "no frame %u ms after resume",
			    EMU_WAIT_MS);
}

static struct kunit_case spinet_dm9051_emu_test_cases[] = {
	KUNIT_CASE(spinet_dm9051_emu_probe_test),
	KUNIT_CASE(spinet_dm9051_emu_open_test),
	KUNIT_CASE(spinet_dm9051_emu_close_test),
	KUNIT_CASE_PARAM(spinet_dm9051_emu_frames_test, sn_mode_gen_params),
	KUNIT_CASE_PARAM(spinet_dm9051_emu_rx_mode_test, sn_mode_gen_params),
	KUNIT_CASE_PARAM(spinet_dm9051_emu_bulk_test, sn_bulk_gen_params),
	KUNIT_CASE_PARAM(spinet_dm9051_emu_remove_test, sn_remove_gen_params),
	KUNIT_CASE(spinet_dm9051_emu_unbind_test),
	KUNIT_CASE(spinet_dm9051_emu_suspend_test),
	{}
};

static struct kunit_suite spinet_dm9051_emu_test_suite = {
	.name = "spinet_dm9051_emu",
	.test_cases = spinet_dm9051_emu_test_cases,
};

kunit_test_suite(spinet_dm9051_emu_test_suite);
