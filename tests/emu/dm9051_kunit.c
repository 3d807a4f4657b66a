// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the emulator's DM9051 model. A fake host drives the model
 * through its ops, under the chip lock, the way the virtual SPI controller
 * does: registers one chip select each, memory ports in bursts.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/crc32.h>
#include <linux/etherdevice.h>
#include <linux/mii.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/unaligned.h>

#include "emu.h"
#include "emu_dm9051.h"

#define WIRE_MAX	2048
#define BIG_FRAME	8000
#define ENTRY(len)	(DM_RX_HDR_LEN + (len) + DM_FCS_LEN)

static const u8 our_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const u8 peer_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 };
static const u8 bcast_mac[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/**
 * struct dmt - a chip and the fake host around it
 * @chip: the chip, its lock held around every op
 * @test: the running test
 * @irq: the interrupt line as the model last set it
 * @irq_calls: calls of &emu_host_ops.set_irq
 * @irq_raised: of those, calls that asserted the line
 * @wire_frames: calls of &emu_host_ops.wire_tx
 * @wire_len: length of the last frame on the wire
 * @wire_bytes: bytes of all frames on the wire
 * @wire_ns: what &emu_host_ops.wire_tx returns
 * @wire: the last frame on the wire
 * @irq_low: the pin polarity as the model last set it (true: active low)
 * @polarity_calls: calls of &emu_host_ops.set_irq_polarity
 * @ctrl_frames: calls of &emu_host_ops.wire_tx_ctrl
 * @ctrl_len: length of the last MAC control frame
 * @ctrl: the last MAC control frame
 * @pause_calls: calls of &emu_host_ops.pause_tx
 * @pause_quanta: the quanta of the last of them
 * @timer_calls: calls of &emu_host_ops.timer_start
 * @timer_ns: the time asked for by the last of them
 */
struct dmt {
	struct emu_chip chip;
	struct kunit *test;
	bool irq;
	unsigned int irq_calls;
	unsigned int irq_raised;
	unsigned int wire_frames;
	unsigned int wire_len;
	unsigned int wire_bytes;
	u64 wire_ns;
	u8 wire[WIRE_MAX];
	bool irq_low;
	unsigned int polarity_calls;
	unsigned int ctrl_frames;
	unsigned int ctrl_len;
	u8 ctrl[WIRE_MAX];
	unsigned int pause_calls;
	u16 pause_quanta;
	unsigned int timer_calls;
	u64 timer_ns;
};

static void fake_set_irq(struct emu_chip *chip, bool asserted)
{
	struct dmt *t = chip->host_priv;

	/* the model reports changes only */
	KUNIT_EXPECT_NE(t->test, t->irq, asserted);
	t->irq = asserted;
	t->irq_calls++;
	if (asserted)
		t->irq_raised++;
}

static u64 fake_wire_tx(struct emu_chip *chip, const u8 *frame,
			unsigned int len)
{
	struct dmt *t = chip->host_priv;

	t->wire_frames++;
	t->wire_len = len;
	t->wire_bytes += len;
	memcpy(t->wire, frame, min_t(unsigned int, len, WIRE_MAX));
	return t->wire_ns;
}

static void fake_set_irq_polarity(struct emu_chip *chip, bool low)
{
	struct dmt *t = chip->host_priv;

	t->irq_low = low;
	t->polarity_calls++;
}

static void fake_wire_tx_ctrl(struct emu_chip *chip, const u8 *frame,
			      unsigned int len)
{
	struct dmt *t = chip->host_priv;

	/* the host counts these, as emu_wire.c does */
	chip->cnt.tx_pause++;
	t->ctrl_frames++;
	t->ctrl_len = len;
	memcpy(t->ctrl, frame, min_t(unsigned int, len, WIRE_MAX));
}

static void fake_pause_tx(struct emu_chip *chip, u16 quanta)
{
	struct dmt *t = chip->host_priv;

	t->pause_calls++;
	t->pause_quanta = quanta;
}

static const struct emu_host_ops fake_host = {
	.set_irq = fake_set_irq,
	.wire_tx = fake_wire_tx,
	.set_irq_polarity = fake_set_irq_polarity,
	.wire_tx_ctrl = fake_wire_tx_ctrl,
	.pause_tx = fake_pause_tx,
};

static void fake_timer_start(struct emu_chip *chip, u64 ns)
{
	struct dmt *t = chip->host_priv;

	t->timer_calls++;
	t->timer_ns = ns;
}

/* a host with a timer: the model waits for negotiation */
static const struct emu_host_ops fake_host_timer = {
	.set_irq = fake_set_irq,
	.wire_tx = fake_wire_tx,
	.timer_start = fake_timer_start,
};

/* a host without the optional ops */
static const struct emu_host_ops fake_host_min = {
	.set_irq = fake_set_irq,
	.wire_tx = fake_wire_tx,
};

static struct dmt *dmt_new_host(struct kunit *test, bool strict,
				const u8 *mac,
				const struct emu_host_ops *host)
{
	unsigned long flags;
	struct dmt *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->test = test;
	t->chip.priv = kunit_kzalloc(test, emu_dm9051_model.priv_size,
				     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->chip.priv);
	spin_lock_init(&t->chip.lock);
	t->chip.model = &emu_dm9051_model;
	t->chip.host = host;
	t->chip.host_priv = t;
	t->chip.strict = strict;
	memcpy(t->chip.mac, mac, ETH_ALEN);

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->power_on(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	return t;
}

static struct dmt *dmt_new_mac(struct kunit *test, bool strict,
			       const u8 *mac)
{
	return dmt_new_host(test, strict, mac, &fake_host);
}

static struct dmt *dmt_new(struct kunit *test, bool strict)
{
	return dmt_new_mac(test, strict, our_mac);
}

/* Ops, each under the chip lock as the host calls them */

static void op_cs(struct dmt *t, bool on)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	if (on)
		t->chip.model->cs_assert(&t->chip);
	else
		t->chip.model->cs_deassert(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static void op_xfer(struct dmt *t, const u8 *tx, u8 *rx, unsigned int len)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->xfer(&t->chip, tx, rx, len);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static void op_rx(struct dmt *t, const u8 *frame, unsigned int len,
		  bool fcs_ok)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->wire_rx(&t->chip, frame, len, fcs_ok);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static void op_tx_done(struct dmt *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->tx_done(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static void op_link(struct dmt *t, bool up)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->link_change(&t->chip, up);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

/* SPI helpers: the mainline's message shapes */

static u8 rd(struct dmt *t, u8 addr)
{
	u8 val;

	op_cs(t, true);
	op_xfer(t, &addr, NULL, 1);
	op_xfer(t, NULL, &val, 1);
	op_cs(t, false);
	return val;
}

static void wr(struct dmt *t, u8 addr, u8 val)
{
	u8 buf[2] = { DM_CMD_WRITE | addr, val };

	op_cs(t, true);
	op_xfer(t, buf, NULL, sizeof(buf));
	op_cs(t, false);
}

static u16 rd16(struct dmt *t, u8 addr)
{
	u16 lo = rd(t, addr);

	return lo | rd(t, addr + 1) << 8;
}

static void mem_rd(struct dmt *t, u8 cmd, u8 *buf, unsigned int len)
{
	op_cs(t, true);
	op_xfer(t, &cmd, NULL, 1);
	op_xfer(t, NULL, buf, len);
	op_cs(t, false);
}

static void mem_wr(struct dmt *t, const u8 *buf, unsigned int len)
{
	u8 cmd = DM_CMD_WRITE | DM_MWCMD;

	op_cs(t, true);
	op_xfer(t, &cmd, NULL, 1);
	op_xfer(t, buf, NULL, len);
	op_cs(t, false);
}

static u16 phy_rd(struct dmt *t, u8 phy, u8 reg)
{
	wr(t, DM_EPAR, FIELD_PREP(DM_EPAR_PHY, phy) | reg);
	wr(t, DM_EPCR, DM_EPCR_ERPRR | DM_EPCR_EPOS);
	KUNIT_EXPECT_EQ(t->test, rd(t, DM_EPCR) & DM_EPCR_ERRE, 0);
	wr(t, DM_EPCR, 0);
	return rd16(t, DM_EPDRL);
}

static u16 mdio_rd(struct dmt *t, u8 reg)
{
	return phy_rd(t, DM_PHY_ADDR, reg);
}

static void mdio_wr(struct dmt *t, u8 reg, u16 val)
{
	wr(t, DM_EPAR, FIELD_PREP(DM_EPAR_PHY, DM_PHY_ADDR) | reg);
	wr(t, DM_EPDRL, val);
	wr(t, DM_EPDRH, val >> 8);
	wr(t, DM_EPCR, DM_EPCR_ERPRW | DM_EPCR_EPOS);
	KUNIT_EXPECT_EQ(t->test, rd(t, DM_EPCR) & DM_EPCR_ERRE, 0);
	wr(t, DM_EPCR, 0);
}

static void set_mar_bin(struct dmt *t, unsigned int bin)
{
	u8 addr = DM_MAR + bin / 8;

	wr(t, addr, rd(t, addr) | BIT(bin % 8));
}

/* Power the PHY, plug the cable, start the receiver as the mainline does */
static void dmt_start(struct dmt *t)
{
	wr(t, DM_GPR, 0);
	op_link(t, true);
	wr(t, DM_NCR, DM_NCR_RST);
	wr(t, DM_MBNDRY, BIT(7));
	wr(t, DM_IMR, DM_IMR_PAR | DM_IMR_PRI);
	set_mar_bin(t, 63);
	wr(t, DM_RCR, DM_RCR_RXEN | DM_RCR_DIS_CRC | DM_RCR_DIS_LONG);
}

static void make_frame(u8 *buf, const u8 *da, unsigned int len, u8 seed)
{
	unsigned int i;

	memcpy(buf, da, ETH_ALEN);
	memcpy(buf + ETH_ALEN, peer_mac, ETH_ALEN);
	buf[12] = 0x08;
	buf[13] = 0x00;
	for (i = ETH_HLEN; i < len; i++)
		buf[i] = i + seed;
}

static u8 *frame_alloc(struct kunit *test, unsigned int len)
{
	u8 *buf = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	return buf;
}

/*
 * Read the next frame the mainline's way; check it against @frame and its
 * FCS. Return the length the header gave (FCS included).
 */
static unsigned int read_check(struct dmt *t, const u8 *frame,
			       unsigned int len)
{
	u8 peek[2], hdr[DM_RX_HDR_LEN];
	struct kunit *test = t->test;
	unsigned int hlen;
	u8 *buf;

	mem_rd(t, DM_MRCMDX, peek, sizeof(peek));
	KUNIT_EXPECT_EQ(test, peek[0], DM_RX_READY);
	KUNIT_EXPECT_EQ(test, peek[1], DM_RX_READY);
	mem_rd(t, DM_MRCMD, hdr, sizeof(hdr));
	wr(t, DM_ISR, DM_ISR_MBS);
	hlen = get_unaligned_le16(&hdr[2]);
	KUNIT_EXPECT_EQ(test, hdr[0], DM_RX_READY);
	KUNIT_EXPECT_EQ(test, hlen, len + DM_FCS_LEN);
	buf = frame_alloc(test, len + DM_FCS_LEN);
	mem_rd(t, DM_MRCMD, buf, len + DM_FCS_LEN);
	wr(t, DM_ISR, DM_ISR_MBS);
	KUNIT_EXPECT_MEMEQ(test, buf, frame, len);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(&buf[len]),
			~crc32_le(~0, frame, len));
	return hlen;
}

static void dm9051_chip_id_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 id[6];
	int i;

	/* the mainline reads six single bytes from VIDL */
	for (i = 0; i < ARRAY_SIZE(id); i++)
		id[i] = rd(t, DM_VIDL + i);
	KUNIT_EXPECT_EQ(test, id[0], 0x46);
	KUNIT_EXPECT_EQ(test, id[1], 0x0a);
	KUNIT_EXPECT_EQ(test, id[2], 0x51);
	KUNIT_EXPECT_EQ(test, id[3], 0x90);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(&id[2]), 0x9051);
	KUNIT_EXPECT_EQ(test, id[4], DM_CHIP_REV);

	/* read-only */
	wr(t, DM_PIDL, 0x00);
	KUNIT_EXPECT_EQ(test, rd(t, DM_PIDL), 0x51);
}

struct reg_case {
	const char *name;
	u8 addr;
	u8 val;
};

static const struct reg_case reset_cases[] = {
	{ "NCR", DM_NCR, 0x00 },
	{ "NSR TX1END|TX2END", DM_NSR, DM_NSR_TX1END | DM_NSR_TX2END },
	{ "TCR", DM_TCR, 0x00 },
	{ "TSR1", DM_TSR1, 0x00 },
	{ "TSR2", DM_TSR2, 0x00 },
	{ "RCR", DM_RCR, 0x00 },
	{ "RSR", DM_RSR, 0x00 },
	{ "ROCR", DM_ROCR, 0x00 },
	{ "FCR", DM_FCR, 0x00 },
	{ "EPCR", DM_EPCR, 0x00 },
	{ "EPAR PHY 1", DM_EPAR, 0x40 },
	{ "MAR0", DM_MAR, 0x00 },
	{ "MAR7", DM_MAR + 7, 0x00 },
	{ "GPR PHY off", DM_GPR, DM_GPR_PHY_OFF },
	{ "TRPAL", DM_TRPAL, 0x00 },
	{ "TRPAH", DM_TRPAH, 0x00 },
	{ "RWPAL", DM_RWPAL, 0x00 },
	{ "RWPAH", DM_RWPAH, 0x0c },
	{ "VIDL", DM_VIDL, 0x46 },
	{ "VIDH", DM_VIDH, 0x0a },
	{ "PIDL", DM_PIDL, 0x51 },
	{ "PIDH", DM_PIDH, 0x90 },
	{ "ATCR", DM_ATCR, 0x00 },
	{ "INTCR", DM_INTCR, 0x00 },
	{ "MPTRCR", DM_MPTRCR, 0x00 },
	{ "MBNDRY", DM_MBNDRY, 0x00 },
	{ "MRRL", DM_MRRL, 0x00 },
	{ "MRRH", DM_MRRH, 0x0c },
	{ "MWRL", DM_MWRL, 0x00 },
	{ "MWRH", DM_MWRH, 0x00 },
	{ "TXPLL", DM_TXPLL, 0x00 },
	{ "TXPLH", DM_TXPLH, 0x00 },
	{ "ISR", DM_ISR, 0x00 },
	{ "IMR", DM_IMR, 0x00 },
};

static void reg_case_desc(const struct reg_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(reset_value, reset_cases, reg_case_desc);

static void dm9051_reset_value_test(struct kunit *test)
{
	const struct reg_case *c = test->param_value;
	struct dmt *t = dmt_new(test, false);

	KUNIT_EXPECT_EQ(test, rd(t, c->addr), c->val);
	/* and the same after a soft reset */
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, rd(t, c->addr), c->val);
}

static u16 eeprom_rd(struct dmt *t, u8 word)
{
	wr(t, DM_EPAR, word);
	wr(t, DM_EPCR, DM_EPCR_ERPRR);
	wr(t, DM_EPCR, 0);
	return rd16(t, DM_EPDRL);
}

static void dm9051_mac_test(struct kunit *test)
{
	static const u8 zero[ETH_ALEN];
	struct dmt *t = dmt_new(test, false);
	struct dmt *a, *b;
	u8 par[ETH_ALEN];
	int i;

	for (i = 0; i < ETH_ALEN; i++)
		par[i] = rd(t, DM_PAR + i);
	KUNIT_EXPECT_MEMEQ(test, par, our_mac, ETH_ALEN);
	for (i = 0; i < ETH_ALEN / 2; i++)
		KUNIT_EXPECT_EQ(test, eeprom_rd(t, i),
				get_unaligned_le16(&our_mac[2 * i]));
	KUNIT_EXPECT_EQ(test, eeprom_rd(t, 4), DM_VID);
	KUNIT_EXPECT_EQ(test, eeprom_rd(t, 5), DM_PID);

	/* EEPROM write needs WEP; REEP reloads PAR from it */
	wr(t, DM_EPAR, 2);
	wr(t, DM_EPDRL, 0x34);
	wr(t, DM_EPDRH, 0x12);
	wr(t, DM_EPCR, DM_EPCR_ERPRW);
	KUNIT_EXPECT_EQ(test, eeprom_rd(t, 2), 0x0100);
	wr(t, DM_EPDRL, 0x34);
	wr(t, DM_EPDRH, 0x12);
	wr(t, DM_EPCR, DM_EPCR_WEP | DM_EPCR_ERPRW);
	wr(t, DM_EPCR, 0);
	KUNIT_EXPECT_EQ(test, eeprom_rd(t, 2), 0x1234);
	KUNIT_EXPECT_EQ(test, rd(t, DM_PAR + 4), 0x00);
	wr(t, DM_EPCR, DM_EPCR_REEP);
	wr(t, DM_EPCR, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_PAR + 4), 0x34);
	KUNIT_EXPECT_EQ(test, rd(t, DM_PAR + 5), 0x12);

	/* no MAC given: distinct, valid, locally administered */
	a = dmt_new_mac(test, false, zero);
	b = dmt_new_mac(test, false, zero);
	for (i = 0; i < ETH_ALEN; i++)
		par[i] = rd(a, DM_PAR + i);
	KUNIT_EXPECT_TRUE(test, is_valid_ether_addr(par));
	KUNIT_EXPECT_TRUE(test, is_local_ether_addr(par));
	KUNIT_EXPECT_NE(test, rd(a, DM_PAR + 5) | rd(a, DM_PAR + 4) << 8,
			rd(b, DM_PAR + 5) | rd(b, DM_PAR + 4) << 8);

	/* blank EEPROM */
	a = dmt_new_mac(test, false, bcast_mac);
	for (i = 0; i < ETH_ALEN; i++)
		par[i] = rd(a, DM_PAR + i);
	KUNIT_EXPECT_FALSE(test, is_valid_ether_addr(par));
}

static void dm9051_isr_w1c_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 frame[64];

	dmt_start(t);
	make_frame(frame, our_mac, sizeof(frame), 0);
	op_link(t, false);
	op_link(t, true);
	op_rx(t, frame, sizeof(frame), true);
	t->chip.faults.rx_full = true;
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR),
			DM_ISR_LNKCHG | DM_ISR_ROS | DM_ISR_PRS);

	/* reading does not clear, MBS clears nothing */
	wr(t, DM_ISR, DM_ISR_MBS);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR),
			DM_ISR_LNKCHG | DM_ISR_ROS | DM_ISR_PRS);
	wr(t, DM_ISR, DM_ISR_PRS);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_LNKCHG | DM_ISR_ROS);
	wr(t, DM_ISR, DM_ISR_MBS | DM_ISR_ROS);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_LNKCHG);
	/* the mainline's acknowledge */
	wr(t, DM_ISR, (rd(t, DM_ISR) & 0xd0) | 0x2f);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), 0);
}

static void send(struct dmt *t, unsigned int len, u8 tcr)
{
	u8 *frame = frame_alloc(t->test, len);

	make_frame(frame, peer_mac, len, len);
	mem_wr(t, frame, len);
	wr(t, DM_TXPLL, len);
	wr(t, DM_TXPLH, len >> 8);
	wr(t, DM_TCR, tcr | DM_TCR_TXREQ);
}

static void dm9051_nsr_tx_end_test(struct kunit *test)
{
	const u8 both = DM_NSR_TX1END | DM_NSR_TX2END;
	struct dmt *t = dmt_new(test, false);

	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, both);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, both);
	wr(t, DM_NSR, DM_NSR_TX1END);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, DM_NSR_TX2END);
	wr(t, DM_NSR, DM_NSR_TX2END);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, 0);
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, both);

	/* a transmission sets TX1END again */
	dmt_start(t);
	wr(t, DM_NSR, both);
	send(t, 60, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, DM_NSR_TX1END);
	send(t, 60, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, DM_NSR_TX1END);
}

static void dm9051_nsr_strict_test(struct kunit *test)
{
	const u8 both = DM_NSR_TX1END | DM_NSR_TX2END;
	struct dmt *t = dmt_new(test, true);

	/* read-clear; packet indexes alternate */
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, both);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, 0);
	dmt_start(t);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, both);
	send(t, 60, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, DM_NSR_TX1END);
	send(t, 60, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, DM_NSR_TX2END);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & both, 0);
	/* index II pads by PAD_DIS2 */
	send(t, 42, DM_TCR_PAD_DIS2);
	KUNIT_EXPECT_EQ(test, t->wire_len, 60);
	send(t, 42, DM_TCR_PAD_DIS2);
	KUNIT_EXPECT_EQ(test, t->wire_len, 42);
}

static void dm9051_soft_reset_test(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	struct dmt *t = dmt_new(test, false);
	u8 frame[100];
	int i;

	dmt_start(t);
	for (i = 0; i < ETH_ALEN; i++)
		wr(t, DM_PAR + i, mac[i]);
	make_frame(frame, mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	send(t, 70, 0);
	wr(t, DM_TXPLL, 0x22);
	wr(t, DM_INTCR, 0x01);
	KUNIT_EXPECT_NE(test, rd16(t, DM_RWPAL), DM_RX_START);
	KUNIT_EXPECT_NE(test, rd(t, DM_ISR), 0);

	wr(t, DM_NCR, DM_NCR_RST);
	/* dmt_start() reset it once already */
	KUNIT_EXPECT_EQ(test, t->chip.cnt.resets, 2);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NCR) & DM_NCR_RST, 0);
	for (i = 0; i < ETH_ALEN; i++)
		KUNIT_EXPECT_EQ(test, rd(t, DM_PAR + i), mac[i]);
	KUNIT_EXPECT_EQ(test, rd(t, DM_MAR + 7), 0x80);
	KUNIT_EXPECT_EQ(test, rd(t, DM_GPR), 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_IMR), 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_RCR), 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_INTCR), 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MWRL), 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_TRPAL), 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_TXPLL), 0);
	mem_rd(t, DM_MRCMDX, frame, 2);
	KUNIT_EXPECT_EQ(test, frame[0], 0x00);
	KUNIT_EXPECT_EQ(test, frame[1], 0x00);
	/* the PHY kept its link */
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	KUNIT_EXPECT_FALSE(test, t->irq);

	/* strict: MAR does not survive */
	t = dmt_new(test, true);
	wr(t, DM_MAR + 7, 0x80);
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, rd(t, DM_MAR + 7), 0x00);
	KUNIT_EXPECT_EQ(test, rd(t, DM_PAR), our_mac[0]);
}

static void dm9051_mptrcr_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 frame[80];

	dmt_start(t);
	make_frame(frame, our_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	mem_rd(t, DM_MRCMD, frame, 10);
	send(t, 100, 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START + 10);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START + ENTRY(80));
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MWRL), 100);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_TRPAL), 100);

	wr(t, DM_MPTRCR, DM_MPTRCR_RST_RX);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MWRL), 100);
	mem_rd(t, DM_MRCMDX, frame, 1);
	KUNIT_EXPECT_EQ(test, frame[0], 0x00);
	wr(t, DM_MPTRCR, DM_MPTRCR_RST_TX);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MWRL), 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_TRPAL), 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_MPTRCR), 0);
}

static void dm9051_mrcmdx_peek_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 frame[64], buf[8];
	int i;

	dmt_start(t);
	mem_rd(t, DM_MRCMDX, buf, sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0x00);

	make_frame(frame, our_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	mem_rd(t, DM_MRCMDX, buf, sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		KUNIT_EXPECT_EQ(test, buf[i], DM_RX_READY);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START);
	mem_rd(t, DM_MRCMDX1, buf, sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		KUNIT_EXPECT_EQ(test, buf[i], DM_RX_READY);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START);

	/* MRCMD moves; a peek then sees the next byte */
	mem_rd(t, DM_MRCMD, buf, 2);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START + 2);
	mem_rd(t, DM_MRCMDX, buf, 3);
	KUNIT_EXPECT_EQ(test, buf[0], ENTRY(64) - DM_RX_HDR_LEN);
	KUNIT_EXPECT_EQ(test, buf[2], buf[0]);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_RXRDY);
}

static void dm9051_mrcmd_split_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 frame[200], buf[204], hdr[4];
	u8 cmd = DM_MRCMD;

	dmt_start(t);
	make_frame(frame, our_mac, sizeof(frame), 7);
	op_rx(t, frame, sizeof(frame), true);

	/* header: command and data split over three xfers in one CS */
	op_cs(t, true);
	op_xfer(t, &cmd, NULL, 1);
	op_xfer(t, NULL, hdr, 1);
	op_xfer(t, NULL, hdr + 1, 3);
	op_cs(t, false);
	KUNIT_EXPECT_EQ(test, hdr[0], DM_RX_READY);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(&hdr[2]), sizeof(buf));

	/* payload in two chip selects, the command re-sent each time */
	mem_rd(t, DM_MRCMD, buf, 100);
	mem_rd(t, DM_MRCMD, buf + 100, sizeof(buf) - 100);
	KUNIT_EXPECT_MEMEQ(test, buf, frame, sizeof(frame));
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(&buf[sizeof(frame)]),
			~crc32_le(~0, frame, sizeof(frame)));
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), rd16(t, DM_RWPAL));
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_RXRDY);
	mem_rd(t, DM_MRCMDX, hdr, 2);
	KUNIT_EXPECT_EQ(test, hdr[0], 0x00);
}

static void dm9051_rx_wrap_test(struct kunit *test)
{
	unsigned int len = 1000, wraps = 0, straddled = 0;
	struct dmt *t = dmt_new(test, false);
	u16 before, after;
	u8 *frame;
	int i;

	frame = frame_alloc(test, len);
	dmt_start(t);
	for (i = 0; i < 30; i++) {
		make_frame(frame, our_mac, len, i);
		before = rd16(t, DM_RWPAL);
		op_rx(t, frame, len, true);
		after = rd16(t, DM_RWPAL);
		KUNIT_ASSERT_EQ(test, t->chip.cnt.rx_stored, i + 1);
		if (after < before)
			wraps++;
		if (before + ENTRY(len) > DM_SRAM_SIZE)
			straddled++;
		/* the pointer never leaves the ring */
		KUNIT_EXPECT_GE(test, after, DM_RX_START);
		KUNIT_EXPECT_LT(test, after, DM_SRAM_SIZE);
		read_check(t, frame, len);
		KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), after);
	}
	KUNIT_EXPECT_GE(test, wraps, 2);
	KUNIT_EXPECT_GE(test, straddled, 2);
}

static void dm9051_rx_wrap_no_par_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 buf[4];

	/* without IMR.PAR, MRCMD runs on from 0x3fff to 0x0000 */
	wr(t, DM_MRRL, 0xfe);
	wr(t, DM_MRRH, 0x3f);
	mem_rd(t, DM_MRCMD, buf, 3);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), 0x0001);
	wr(t, DM_IMR, DM_IMR_PAR);
	wr(t, DM_MRRL, 0xfe);
	wr(t, DM_MRRH, 0x3f);
	mem_rd(t, DM_MRCMD, buf, 3);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START + 1);
}

static void dm9051_rx_header_test(struct kunit *test)
{
	static const u8 fcs[4] = { 0xe6, 0xcf, 0x4b, 0xbe };
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 1 };
	struct dmt *t = dmt_new(test, false);
	u8 frame[60], buf[ENTRY(60)];

	dmt_start(t);
	/* FCS computed independently (zlib) for this frame */
	make_frame(frame, our_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	mem_rd(t, DM_MRCMD, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 0x01);
	KUNIT_EXPECT_EQ(test, buf[1], 0x00);
	KUNIT_EXPECT_EQ(test, buf[2], 64);
	KUNIT_EXPECT_EQ(test, buf[3], 0);
	KUNIT_EXPECT_MEMEQ(test, &buf[4], frame, sizeof(frame));
	KUNIT_EXPECT_MEMEQ(test, &buf[4 + sizeof(frame)], fcs, sizeof(fcs));
	KUNIT_EXPECT_EQ(test, rd(t, DM_RSR), 0x00);

	/* multicast: MF in the status byte and in RSR */
	set_mar_bin(t, emu_dm9051_hash_bin(mcast));
	make_frame(frame, mcast, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	mem_rd(t, DM_MRCMD, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 0x01);
	KUNIT_EXPECT_EQ(test, buf[1], DM_RSR_MF);
	KUNIT_EXPECT_EQ(test, rd(t, DM_RSR), DM_RSR_MF);

	/* broadcast is a group address too */
	make_frame(frame, bcast_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	mem_rd(t, DM_MRCMD, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[1], DM_RSR_MF);
}

struct hash_case {
	const char *name;
	u8 addr[ETH_ALEN];
	u8 bin;
};

/* bins computed independently with zlib */
static const struct hash_case hash_cases[] = {
	{ "broadcast", { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, 63 },
	{ "IPv4 all-hosts", { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }, 62 },
	{ "IPv6 all-nodes", { 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 }, 31 },
	{ "STP", { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 }, 38 },
};

static void hash_case_desc(const struct hash_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hash, hash_cases, hash_case_desc);

static void dm9051_hash_filter_test(struct kunit *test)
{
	const struct hash_case *c = test->param_value;
	struct dmt *t = dmt_new(test, false);
	u8 frame[64];
	int i;

	KUNIT_EXPECT_EQ(test, emu_dm9051_hash_bin(c->addr), c->bin);

	wr(t, DM_GPR, 0);
	op_link(t, true);
	wr(t, DM_IMR, DM_IMR_PAR);
	wr(t, DM_RCR, DM_RCR_RXEN | DM_RCR_DIS_CRC | DM_RCR_DIS_LONG);
	make_frame(frame, c->addr, sizeof(frame), 0);

	/* every other bin set: still filtered */
	for (i = 0; i < 8; i++)
		wr(t, DM_MAR + i, 0xff);
	wr(t, DM_MAR + c->bin / 8, 0xff & ~BIT(c->bin % 8));
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 0);

	/* only this bin set: stored */
	for (i = 0; i < 8; i++)
		wr(t, DM_MAR + i, 0);
	set_mar_bin(t, c->bin);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	read_check(t, frame, sizeof(frame));
}

static void dm9051_unicast_filter_test(struct kunit *test)
{
	static const u8 other[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 9 };
	struct dmt *t = dmt_new(test, false);
	u8 frame[64];

	dmt_start(t);
	make_frame(frame, our_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	read_check(t, frame, sizeof(frame));

	make_frame(frame, other, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_frames, 2);

	/* PAR decides, wherever the driver puts it */
	wr(t, DM_PAR + 5, 9);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 2);
}

static void dm9051_promisc_allmulti_test(struct kunit *test)
{
	static const u8 other[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 9 };
	static const u8 mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x7f, 0, 1 };
	u8 rcr = DM_RCR_RXEN | DM_RCR_DIS_CRC | DM_RCR_DIS_LONG;
	struct dmt *t = dmt_new(test, false);
	u8 uni[64], multi[64];

	dmt_start(t);
	wr(t, DM_MAR + 7, 0);
	make_frame(uni, other, sizeof(uni), 0);
	make_frame(multi, mcast, sizeof(multi), 0);
	op_rx(t, uni, sizeof(uni), true);
	op_rx(t, multi, sizeof(multi), true);
	op_rx(t, multi, sizeof(multi), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 3);

	wr(t, DM_RCR, rcr | DM_RCR_ALL);
	op_rx(t, uni, sizeof(uni), true);
	op_rx(t, multi, sizeof(multi), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 4);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	read_check(t, multi, sizeof(multi));

	wr(t, DM_RCR, rcr | DM_RCR_PRMSC);
	op_rx(t, uni, sizeof(uni), true);
	op_rx(t, multi, sizeof(multi), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 4);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 3);
	read_check(t, uni, sizeof(uni));
	read_check(t, multi, sizeof(multi));
}

static void dm9051_overflow_test(struct kunit *test)
{
	unsigned int len1 = BIG_FRAME, len2 = DM_RX_SIZE - ENTRY(BIG_FRAME) - 9;
	u8 *big = frame_alloc(test, BIG_FRAME);
	struct dmt *t = dmt_new(test, false);
	u8 small[60];
	int i;

	dmt_start(t);
	wr(t, DM_RCR, DM_RCR_RXEN | DM_RCR_DIS_CRC);
	make_frame(big, our_mac, BIG_FRAME, 1);
	make_frame(small, our_mac, sizeof(small), 2);

	/* two frames leave exactly the one byte the chip keeps free */
	op_rx(t, big, len1, true);
	op_rx(t, big, len2, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 2);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_SRAM_SIZE - 1);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_PRS);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_RXOV);

	op_rx(t, small, sizeof(small), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 2);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_full, 1);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_ISR) & DM_ISR_ROS);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_RXOV);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ROCR), 1);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ROCR), 0);

	/* reading a frame frees its room */
	read_check(t, big, len1);
	op_rx(t, small, sizeof(small), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 3);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_RXOV);
	read_check(t, big, len2);
	read_check(t, small, sizeof(small));
	mem_rd(t, DM_MRCMDX, small, 2);
	KUNIT_EXPECT_EQ(test, small[0], 0x00);

	/* the counter overflows after 127 */
	wr(t, DM_ISR, DM_ISR_STATUS);
	t->chip.faults.rx_full = true;
	for (i = 0; i < 130; i++)
		op_rx(t, big, 100, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_full, 131);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ROCR), DM_ROCR_OVF | 2);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_ROS | DM_ISR_ROOS);
}

struct drop_case {
	const char *name;
	u8 rcr;
	unsigned int len;
	bool fcs_ok;
	bool phy_off;
	/* stored with this status, or counted at this offset (never 0) */
	u8 status;
	size_t counter;
};

#define RX_BASE		(DM_RCR_RXEN | DM_RCR_DIS_CRC | DM_RCR_DIS_LONG)
#define RX_ANY		(DM_RCR_RXEN | DM_RCR_RUNT)
#define STORED		0
#define CNT(name)	offsetof(struct emu_counters, name)

static const struct drop_case drop_cases[] = {
	{ "receiver off", RX_BASE & ~DM_RCR_RXEN, 64, true, false, 0,
	  CNT(rx_drop_disabled) },
	{ "PHY powered down", RX_BASE, 64, true, true, 0,
	  CNT(rx_drop_disabled) },
	{ "59 bytes: runt", RX_BASE, 59, true, false, 0, CNT(rx_drop_runt) },
	{ "59 bytes with RUNT", RX_BASE | DM_RCR_RUNT, 59, true, false,
	  DM_RSR_RF, STORED },
	{ "5 bytes even with RUNT", RX_ANY, 5, true, false, 0,
	  CNT(rx_drop_runt) },
	{ "60 bytes", RX_BASE, 60, true, false, 0, STORED },
	{ "1518 bytes", RX_BASE, 1518, true, false, 0, STORED },
	{ "1519 bytes: long", RX_BASE, 1519, true, false, 0,
	  CNT(rx_drop_long) },
	{ "1600 bytes without DIS_LONG", RX_ANY, 1600, true, false, 0,
	  STORED },
	{ "bad FCS: dropped", RX_BASE, 100, false, false, 0,
	  CNT(rx_drop_crc) },
	{ "bad FCS without DIS_CRC", RX_ANY, 100, false, false, DM_RSR_CE,
	  STORED },
	{ "runt with bad FCS", RX_ANY, 50, false, false,
	  DM_RSR_RF | DM_RSR_CE, STORED },
};

static void drop_case_desc(const struct drop_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(drop, drop_cases, drop_case_desc);

static void dm9051_rx_drop_test(struct kunit *test)
{
	const struct drop_case *c = test->param_value;
	struct dmt *t = dmt_new(test, false);
	u8 hdr[DM_RX_HDR_LEN];
	u8 *frame, *buf;
	u64 *n;

	frame = frame_alloc(test, max(c->len, 64U));
	dmt_start(t);
	wr(t, DM_RCR, c->rcr);
	if (c->phy_off)
		wr(t, DM_GPR, DM_GPR_PHY_OFF);
	make_frame(frame, our_mac, c->len, 0);
	op_rx(t, frame, c->len, c->fcs_ok);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_frames, 1);

	if (c->counter != STORED) {
		n = (u64 *)((u8 *)&t->chip.cnt + c->counter);
		KUNIT_EXPECT_EQ(test, *n, 1);
		KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 0);
		KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START);
		KUNIT_EXPECT_FALSE(test, rd(t, DM_ISR) & DM_ISR_PRS);
		return;
	}
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	mem_rd(t, DM_MRCMD, hdr, sizeof(hdr));
	KUNIT_EXPECT_EQ(test, hdr[0], DM_RX_READY);
	KUNIT_EXPECT_EQ(test, hdr[1], c->status);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(&hdr[2]),
			c->len + DM_FCS_LEN);
	buf = frame_alloc(test, c->len + DM_FCS_LEN);
	mem_rd(t, DM_MRCMD, buf, c->len + DM_FCS_LEN);
	KUNIT_EXPECT_MEMEQ(test, buf, frame, c->len);
	if (c->fcs_ok)
		KUNIT_EXPECT_EQ(test, get_unaligned_le32(&buf[c->len]),
				~crc32_le(~0, frame, c->len));
	else
		KUNIT_EXPECT_NE(test, get_unaligned_le32(&buf[c->len]),
				~crc32_le(~0, frame, c->len));
}

struct tx_case {
	const char *name;
	unsigned int len;
	u8 tcr;
	unsigned int wire_len;
};

static const struct tx_case tx_cases[] = {
	{ "42 bytes padded", 42, 0, 60 },
	{ "59 bytes padded", 59, 0, 60 },
	{ "60 bytes", 60, 0, 60 },
	{ "100 bytes", 100, 0, 100 },
	{ "1514 bytes", 1514, 0, 1514 },
	{ "42 bytes, PAD_DIS1", 42, DM_TCR_PAD_DIS1, 42 },
	{ "42 bytes, PAD_DIS2 only", 42, DM_TCR_PAD_DIS2, 60 },
	{ "68 bytes, CRC_DIS1", 68, DM_TCR_CRC_DIS1, 64 },
};

static void tx_case_desc(const struct tx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tx, tx_cases, tx_case_desc);

static void dm9051_tx_test(struct kunit *test)
{
	const struct tx_case *c = test->param_value;
	struct dmt *t = dmt_new(test, false);
	unsigned int i;
	u8 *frame;

	frame = frame_alloc(test, c->wire_len + c->len);
	dmt_start(t);
	wr(t, DM_NSR, DM_NSR_TX1END | DM_NSR_TX2END);
	make_frame(frame, peer_mac, c->len, c->len);
	send(t, c->len, c->tcr);

	KUNIT_ASSERT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, t->wire_len, c->wire_len);
	KUNIT_EXPECT_MEMEQ(test, t->wire, frame,
			   min(c->len, c->wire_len));
	for (i = c->len; i < c->wire_len; i++)
		KUNIT_EXPECT_EQ(test, t->wire[i], 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), c->tcr);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & (DM_NSR_TX1END | DM_NSR_TX2END),
			DM_NSR_TX1END);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TSR1), 0);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_ISR) & DM_ISR_PTS);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, t->wire_bytes, c->wire_len);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_TRPAL), c->len);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MWRL), c->len);
}

static void dm9051_tx_ring_wrap_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	const unsigned int len = 1400;
	u8 *frame;
	int i;

	frame = frame_alloc(test, len);
	/* five frames of 1400 bytes: two of them wrap at 0x0c00 */
	dmt_start(t);
	for (i = 0; i < 5; i++) {
		make_frame(frame, peer_mac, len, i);
		mem_wr(t, frame, len);
		wr(t, DM_TXPLL, len & 0xff);
		wr(t, DM_TXPLH, len >> 8);
		wr(t, DM_TCR, DM_TCR_TXREQ);
		KUNIT_ASSERT_EQ(test, t->wire_frames, i + 1);
		KUNIT_EXPECT_EQ(test, t->wire_len, len);
		KUNIT_EXPECT_MEMEQ(test, t->wire, frame, len);
		KUNIT_EXPECT_EQ(test, rd16(t, DM_MWRL),
				(i + 1) * len % DM_TX_END);
		KUNIT_EXPECT_EQ(test, rd16(t, DM_TRPAL), rd16(t, DM_MWRL));
	}
}

static void dm9051_tx_queue_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	dmt_start(t);
	wr(t, DM_IMR, DM_IMR_PAR | DM_IMR_PTI);
	t->wire_ns = 120000;
	send(t, 100, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), DM_TCR_TXREQ);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_ISR) & DM_ISR_PTS);
	KUNIT_EXPECT_FALSE(test, t->irq);

	/* packet index II waits; a third request is refused */
	send(t, 200, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 1);
	send(t, 300, 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_rejected, 1);

	op_tx_done(t);
	KUNIT_EXPECT_TRUE(test, t->irq);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 2);
	KUNIT_EXPECT_EQ(test, t->wire_len, 200);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), DM_TCR_TXREQ);
	op_tx_done(t);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), 0);
	/* a spurious completion changes nothing */
	op_tx_done(t);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 2);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 2);
	KUNIT_EXPECT_EQ(test, t->wire_bytes, 300);
	wr(t, DM_ISR, DM_ISR_PTS);
	KUNIT_EXPECT_FALSE(test, t->irq);

	/* the refused frame is skipped: the next one comes out whole */
	send(t, 400, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 3);
	KUNIT_EXPECT_EQ(test, t->wire_len, 400);
	KUNIT_EXPECT_EQ(test, t->wire[ETH_HLEN], (ETH_HLEN + 400) & 0xff);
	KUNIT_EXPECT_MEMEQ(test, t->wire, peer_mac, ETH_ALEN);
}

static void dm9051_tx_stuck_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	dmt_start(t);
	t->chip.faults.tx_stuck = true;
	send(t, 100, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), DM_TCR_TXREQ);
	op_tx_done(t);
	t->chip.faults.tx_stuck = false;
	op_tx_done(t);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), DM_TCR_TXREQ);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_ISR) & DM_ISR_PTS);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);

	/* a reset recovers */
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), 0);
	send(t, 100, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), 0);
}

static void dm9051_tx_no_link_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	/* PHY powered down: completes at once, with no carrier */
	send(t, 100, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TCR), 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_TSR1), DM_TSR_NC);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_ISR) & DM_ISR_PTS);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
}

static void dm9051_tx_auto_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 frame[64];

	dmt_start(t);
	wr(t, DM_ATCR, DM_ATCR_AUTO_TX);
	wr(t, DM_TXPLL, sizeof(frame));
	wr(t, DM_TXPLH, 0);
	make_frame(frame, peer_mac, sizeof(frame), 3);
	mem_wr(t, frame, sizeof(frame) - 1);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	mem_wr(t, &frame[sizeof(frame) - 1], 1);
	KUNIT_ASSERT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_MEMEQ(test, t->wire, frame, sizeof(frame));
}

static void dm9051_irq_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	unsigned long flags;
	u8 frame[64];
	u8 intcr;

	dmt_start(t);
	KUNIT_EXPECT_FALSE(test, t->irq);
	make_frame(frame, our_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_TRUE(test, t->irq);
	KUNIT_EXPECT_EQ(test, t->irq_raised, 1);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->irq_calls, 1);

	/* the mainline masks, acknowledges, unmasks */
	wr(t, DM_IMR, DM_IMR_PAR);
	KUNIT_EXPECT_FALSE(test, t->irq);
	wr(t, DM_ISR, DM_ISR_STATUS);
	wr(t, DM_IMR, DM_IMR_PAR | DM_IMR_PRI);
	KUNIT_EXPECT_FALSE(test, t->irq);
	KUNIT_EXPECT_EQ(test, t->irq_calls, 2);

	/* each source with its own mask bit */
	op_link(t, false);
	KUNIT_EXPECT_FALSE(test, t->irq);
	wr(t, DM_IMR, DM_IMR_PAR | DM_IMR_UDRUNI);
	KUNIT_EXPECT_FALSE(test, t->irq);
	wr(t, DM_IMR, DM_IMR_PAR | DM_IMR_LNKCHGI);
	KUNIT_EXPECT_TRUE(test, t->irq);
	wr(t, DM_ISR, DM_ISR_LNKCHG);
	KUNIT_EXPECT_FALSE(test, t->irq);

	wr(t, DM_IMR, DM_IMR_ROI);
	t->chip.faults.rx_full = true;
	op_link(t, true);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_TRUE(test, t->irq);
	KUNIT_EXPECT_EQ(test, t->irq_raised, 3);

	/* a reset drops the line */
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_FALSE(test, t->irq);

	wr(t, DM_INTCR, 0x01);
	spin_lock_irqsave(&t->chip.lock, flags);
	intcr = emu_dm9051_intcr(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	KUNIT_EXPECT_EQ(test, intcr, 0x01);
}

static void dm9051_phy_id_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u32 id;

	/* readable while GPR powers the PHY down */
	KUNIT_EXPECT_EQ(test, rd(t, DM_GPR), DM_GPR_PHY_OFF);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_PHYSID1), 0x0181);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_PHYSID2), 0xb8a0);
	id = mdio_rd(t, MII_PHYSID1) << 16 | mdio_rd(t, MII_PHYSID2);
	/* the DM9161A entry of drivers/net/phy/davicom.c */
	KUNIT_EXPECT_EQ(test, id & 0x0ffffff0, 0x0181b8a0);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMSR), 0x7849);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMCR), 0x3100);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_ADVERTISE), 0x01e1);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_LPA), 0);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, DM_PHY_10BTCSR), 0x7800);
	/* no PHY at other addresses */
	KUNIT_EXPECT_EQ(test, phy_rd(t, 2, MII_PHYSID1), 0xffff);
	/* a PHY that does not answer (fault knob): 0xffff, writes lost */
	t->chip.faults.phy_absent = true;
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_PHYSID1), 0xffff);
	mdio_wr(t, MII_ADVERTISE, 0x0061);
	t->chip.faults.phy_absent = false;
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_ADVERTISE), 0x01e1);
	/* no EEE: MMD 3.20 through registers 13/14 */
	mdio_wr(t, MII_MMD_CTRL, 3);
	mdio_wr(t, MII_MMD_DATA, 20);
	mdio_wr(t, MII_MMD_CTRL, 3 | MII_MMD_CTRL_NOINCR);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_MMD_DATA), 0);
}

static void dm9051_link_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	op_link(t, true);
	/* cable in, PHY off: no link */
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), 0);
	wr(t, DM_GPR, 0);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_LNKCHG);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & (DM_NSR_LINKST | DM_NSR_SPEED),
			DM_NSR_LINKST);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NCR) & DM_NCR_FDX);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMSR),
			0x7849 | BMSR_LSTATUS | BMSR_ANEGCOMPLETE);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_LPA), 0x45e1);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_EXPANSION), EXPANSION_NWAY);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, DM_PHY_DSCSR), 0x8010);

	/* down: LNKCHG again, BMSR low */
	wr(t, DM_ISR, DM_ISR_LNKCHG);
	op_link(t, false);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_LNKCHG);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NCR) & DM_NCR_FDX);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMSR), 0x7849);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_LPA), 0);

	/* a drop that recovered before BMSR was read stays latched once */
	op_link(t, true);
	KUNIT_EXPECT_TRUE(test, mdio_rd(t, MII_BMSR) & BMSR_LSTATUS);
	op_link(t, false);
	op_link(t, true);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	KUNIT_EXPECT_FALSE(test, mdio_rd(t, MII_BMSR) & BMSR_LSTATUS);
	KUNIT_EXPECT_TRUE(test, mdio_rd(t, MII_BMSR) & BMSR_LSTATUS);

	/* powering the PHY down takes the link down */
	wr(t, DM_GPR, DM_GPR_PHY_OFF);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	KUNIT_EXPECT_FALSE(test, mdio_rd(t, MII_BMSR) & BMSR_LSTATUS);
}

static void dm9051_phy_bmcr_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	wr(t, DM_GPR, 0);
	op_link(t, true);
	wr(t, DM_ISR, DM_ISR_STATUS);

	/* davicom.c's config_init and config_aneg keep the link */
	mdio_wr(t, MII_BMCR, BMCR_ISOLATE);
	mdio_wr(t, DM_PHY_DSCR, 0x0610);
	mdio_wr(t, DM_PHY_10BTCSR, 0x7800);
	mdio_wr(t, MII_BMCR, BMCR_ANENABLE);
	mdio_wr(t, MII_BMCR, BMCR_ISOLATE);
	mdio_wr(t, MII_ADVERTISE, 0x05e1);
	mdio_wr(t, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), 0);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMCR), BMCR_ANENABLE);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_ADVERTISE), 0x05e1);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, DM_PHY_DSCR), 0x0610);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMSR),
			0x7849 | BMSR_LSTATUS | BMSR_ANEGCOMPLETE);

	/* advertising 10 half only */
	mdio_wr(t, MII_ADVERTISE, ADVERTISE_10HALF | ADVERTISE_CSMA);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & (DM_NSR_LINKST | DM_NSR_SPEED),
			DM_NSR_LINKST | DM_NSR_SPEED);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NCR) & DM_NCR_FDX);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, DM_PHY_DSCSR), 0x1010);

	/* forced 100 full */
	mdio_wr(t, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX);
	KUNIT_EXPECT_EQ(test, rd(t, DM_NSR) & (DM_NSR_LINKST | DM_NSR_SPEED),
			DM_NSR_LINKST);
	KUNIT_EXPECT_FALSE(test, mdio_rd(t, MII_BMSR) & BMSR_ANEGCOMPLETE);

	/* reset self-clears and restores the defaults */
	mdio_wr(t, MII_BMCR, BMCR_RESET);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_BMCR), 0x3100);
	KUNIT_EXPECT_EQ(test, mdio_rd(t, MII_ADVERTISE), 0x01e1);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), 0);

	/* power down */
	mdio_wr(t, MII_BMCR, BMCR_PDOWN | BMCR_ANENABLE);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_LNKCHG);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	mdio_wr(t, MII_BMCR, BMCR_ANENABLE);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
}

struct hdr_fault_case {
	const char *name;
	enum emu_rx_hdr_fault fault;
	u8 ready;
	u8 status;
	u16 len;	/* 0xffff: the real length */
};

static const struct hdr_fault_case hdr_fault_cases[] = {
	{ "ok", EMU_RX_HDR_OK, DM_RX_READY, 0, 0xffff },
	{ "ready", EMU_RX_HDR_READY, DM_BAD_READY, 0, 0xffff },
	{ "status", EMU_RX_HDR_STATUS, DM_RX_READY, DM_RSR_CE, 0xffff },
	{ "length 0", EMU_RX_HDR_LEN_ZERO, DM_RX_READY, 0, 0 },
	{ "length short", EMU_RX_HDR_LEN_SHORT, DM_RX_READY, 0,
	  DM_BAD_LEN_SHORT },
	{ "length long", EMU_RX_HDR_LEN_LONG, DM_RX_READY, 0,
	  DM_BAD_LEN_LONG },
	{ "length beyond the ring", EMU_RX_HDR_LEN_RING, DM_RX_READY, 0,
	  DM_BAD_LEN_RING },
};

static void hdr_fault_desc(const struct hdr_fault_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hdr_fault, hdr_fault_cases, hdr_fault_desc);

static void dm9051_rx_hdr_fault_test(struct kunit *test)
{
	const struct hdr_fault_case *c = test->param_value;
	struct dmt *t = dmt_new(test, false);
	u8 frame[100], buf[ENTRY(100)];
	u16 len = 100 + DM_FCS_LEN;

	KUNIT_ASSERT_GT(test, DM_BAD_LEN_LONG, 1536);
	KUNIT_ASSERT_GT(test, DM_BAD_LEN_RING, DM_RX_SIZE);
	KUNIT_ASSERT_LT(test, DM_BAD_LEN_SHORT, ETH_HLEN);

	dmt_start(t);
	make_frame(frame, our_mac, sizeof(frame), 0);
	t->chip.faults.rx_hdr = c->fault;
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_EXPECT_EQ(test, t->chip.faults.rx_hdr, EMU_RX_HDR_OK);
	mem_rd(t, DM_MRCMDX, buf, 2);
	KUNIT_EXPECT_EQ(test, buf[0], c->ready);
	mem_rd(t, DM_MRCMD, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], c->ready);
	KUNIT_EXPECT_EQ(test, buf[1], c->status);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(&buf[2]),
			c->len == 0xffff ? len : c->len);
	KUNIT_EXPECT_MEMEQ(test, &buf[4], frame, sizeof(frame));
	/* RSR and the next frame are clean */
	KUNIT_EXPECT_EQ(test, rd(t, DM_RSR), 0);
	op_rx(t, frame, sizeof(frame), true);
	read_check(t, frame, sizeof(frame));
}

/* rwpa_lead moves one read of RWPA on along the ring, wrapping; no more. */
static void dm9051_rwpa_lead_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	u8 frame[100];

	dmt_start(t);
	make_frame(frame, our_mac, sizeof(frame), 0);
	op_rx(t, frame, sizeof(frame), true);
	KUNIT_ASSERT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START + ENTRY(100));

	t->chip.faults.rwpa_lead = 64;
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START + ENTRY(100) + 64);
	KUNIT_EXPECT_EQ(test, t->chip.faults.rwpa_lead, 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START + ENTRY(100));

	t->chip.faults.rwpa_lead = DM_RX_SIZE - ENTRY(100) + 8;
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START + 8);
	/* The read pointer and what is stored did not move. */
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), DM_RX_START);
	read_check(t, frame, sizeof(frame));
}

static void dm9051_dead_test(struct kunit *test)
{
	static const u8 dead_bytes[] = { 0xff, 0x00 };
	struct dmt *t;
	u8 buf[4];
	int i;

	for (i = 0; i < ARRAY_SIZE(dead_bytes); i++) {
		t = dmt_new(test, false);
		t->chip.faults.dead = true;
		t->chip.faults.dead_byte = dead_bytes[i];
		KUNIT_EXPECT_EQ(test, rd(t, DM_VIDL), dead_bytes[i]);
		KUNIT_EXPECT_EQ(test, rd(t, DM_PIDH), dead_bytes[i]);
		mem_rd(t, DM_MRCMDX, buf, sizeof(buf));
		KUNIT_EXPECT_EQ(test, buf[0], dead_bytes[i]);
		KUNIT_EXPECT_EQ(test, buf[3], dead_bytes[i]);
		/* writes are lost too */
		wr(t, DM_IMR, DM_IMR_PAR);
		t->chip.faults.dead = false;
		KUNIT_EXPECT_EQ(test, rd(t, DM_IMR), 0);
		KUNIT_EXPECT_EQ(test, rd(t, DM_VIDL), 0x46);
	}
}

static void dm9051_burst_test(struct kunit *test)
{
	u8 cmd[3] = { DM_CMD_WRITE | DM_IMR, DM_IMR_PAR, DM_IMR_PRI };
	struct dmt *t = dmt_new(test, false);
	u8 buf[3];

	/* a burst on a normal register repeats that register */
	mem_rd(t, DM_VIDL, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 0x46);
	KUNIT_EXPECT_EQ(test, buf[2], 0x46);
	op_cs(t, true);
	op_xfer(t, cmd, NULL, sizeof(cmd));
	op_cs(t, false);
	KUNIT_EXPECT_EQ(test, rd(t, DM_IMR), DM_IMR_PRI);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 0);

	/* strict: extra bytes read 0xff, writes are ignored */
	t = dmt_new(test, true);
	mem_rd(t, DM_VIDL, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 0x46);
	KUNIT_EXPECT_EQ(test, buf[1], 0xff);
	KUNIT_EXPECT_EQ(test, buf[2], 0xff);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 1);
	op_cs(t, true);
	op_xfer(t, cmd, NULL, sizeof(cmd));
	op_cs(t, false);
	KUNIT_EXPECT_EQ(test, rd(t, DM_IMR), DM_IMR_PAR);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 2);

	/* bytes clocked while deselected */
	op_xfer(t, cmd, buf, 1);
	KUNIT_EXPECT_EQ(test, buf[0], 0xff);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 3);
}

static void dm9051_strict_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, true);

	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_MBS);
	wr(t, DM_ISR, rd(t, DM_ISR));
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), DM_ISR_MBS);

	/* IMR.PAR 0 -> 1 moves MRR back into the RX area */
	wr(t, DM_MRRL, 0x34);
	wr(t, DM_MRRH, 0x22);
	wr(t, DM_IMR, DM_IMR_PAR);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), 0x0c34);
	wr(t, DM_MRRH, 0x22);
	wr(t, DM_IMR, DM_IMR_PAR | DM_IMR_PRI);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_MRRL), 0x2234);
}

static void fire_timer(struct dmt *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	emu_dm9051_model.timer(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

/*
 * With a host that has a timer, the link comes up only when negotiation
 * time has passed, and a restart of negotiation drops it again.
 */
static void dm9051_an_delay_test(struct kunit *test)
{
	struct dmt *t = dmt_new_host(test, false, our_mac, &fake_host_timer);

	t->chip.an_delay_ms = 1500;
	wr(t, DM_GPR, 0);
	op_link(t, true);
	KUNIT_EXPECT_EQ(test, t->timer_calls, 1);
	KUNIT_EXPECT_GE(test, t->timer_ns, 1000 * NSEC_PER_MSEC);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	fire_timer(t);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_LINKST);

	mdio_wr(t, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	KUNIT_EXPECT_FALSE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
	KUNIT_EXPECT_EQ(test, t->timer_calls, 2);
	fire_timer(t);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_LINKST);
}

static u8 peek(struct dmt *t, u8 addr)
{
	return emu_chip_peek(&t->chip, addr);
}

/*
 * Each command reports the data path it used (&emu_chip.path), which the
 * host's per-path counters follow: RX memory and status, TX memory, length,
 * request and status, and neither for the rest; a message's commands add up.
 */
static void dm9051_path_test(struct kunit *test)
{
	static const struct {
		u8 reg;
		u8 path;
	} regs[] = {
		{ DM_MRCMDX, EMU_PATH_RX }, { DM_MRCMDX1, EMU_PATH_RX },
		{ DM_MRRL, EMU_PATH_RX }, { DM_MRRH, EMU_PATH_RX },
		{ DM_RSR, EMU_PATH_RX }, { DM_ROCR, EMU_PATH_RX },
		{ DM_MWRL, EMU_PATH_TX }, { DM_MWRH, EMU_PATH_TX },
		{ DM_TXPLL, EMU_PATH_TX }, { DM_TXPLH, EMU_PATH_TX },
		{ DM_TCR, EMU_PATH_TX }, { DM_TSR1, EMU_PATH_TX },
		{ DM_TSR2, EMU_PATH_TX }, { DM_ISR, 0 }, { DM_IMR, 0 },
		{ DM_NSR, 0 }, { DM_EPCR, 0 }, { DM_NCR, 0 },
	};
	struct dmt *t = dmt_new(test, false);
	u8 buf[4] = {};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		t->chip.path = 0;
		rd(t, regs[i].reg);
		KUNIT_EXPECT_EQ_MSG(test, t->chip.path, regs[i].path,
				    "register 0x%02x", regs[i].reg);
	}
	t->chip.path = 0;
	mem_rd(t, DM_MRCMD, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX);
	t->chip.path = 0;
	mem_wr(t, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_TX);
	/* writes count as reads do, and the paths accumulate */
	t->chip.path = 0;
	wr(t, DM_ISR, 0);
	KUNIT_EXPECT_EQ(test, t->chip.path, 0);
	wr(t, DM_TXPLL, 0);
	rd(t, DM_MRCMDX);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX | EMU_PATH_TX);
}

/* peek reads registers without a read's side effects (strict NSR). */
static void dm9051_peek_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, true);

	KUNIT_EXPECT_EQ(test, peek(t, DM_VIDL), 0x46);
	KUNIT_EXPECT_TRUE(test, peek(t, DM_NSR) & DM_NSR_TX1END);
	KUNIT_EXPECT_TRUE(test, peek(t, DM_NSR) & DM_NSR_TX1END);
	KUNIT_EXPECT_TRUE(test, rd(t, DM_NSR) & DM_NSR_TX1END);
	KUNIT_EXPECT_FALSE(test, peek(t, DM_NSR) & DM_NSR_TX1END);
}

/*
 * Default: the pin follows the board until a driver programs INTCR, and
 * every INTCR write reports the polarity (open-drain bit or not).
 */
static void dm9051_irq_polarity_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	KUNIT_EXPECT_EQ(test, t->polarity_calls, 0);

	wr(t, DM_INTCR, DM_INTCR_POL_LOW);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 1);
	KUNIT_EXPECT_TRUE(test, t->irq_low);

	wr(t, DM_INTCR, DM_INTCR_POL_LOW | BIT(1));
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 2);
	KUNIT_EXPECT_TRUE(test, t->irq_low);

	wr(t, DM_INTCR, 0);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 3);
	KUNIT_EXPECT_FALSE(test, t->irq_low);

	/* NCR.RST clears INTCR but says nothing about the pin */
	wr(t, DM_INTCR, DM_INTCR_POL_LOW);
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 4);
	KUNIT_EXPECT_EQ(test, rd(t, DM_INTCR), 0);
}

/* Strict: power-on and NCR.RST report INTCR's reset value, active high. */
static void dm9051_irq_polarity_strict_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, true);

	KUNIT_EXPECT_EQ(test, t->polarity_calls, 1);
	KUNIT_EXPECT_FALSE(test, t->irq_low);
	wr(t, DM_INTCR, DM_INTCR_POL_LOW);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 2);
	KUNIT_EXPECT_TRUE(test, t->irq_low);
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 3);
	KUNIT_EXPECT_FALSE(test, t->irq_low);
}

#define FC_LEN		1514
/* 13 KB ring: the 7th frame leaves < 3 KB free, 8 fit, 5 read > 8 KB */
#define FC_XOFF_AT	7
#define FC_STORED	8
#define FC_XON_AT	5

static void check_pause(struct dmt *t, u16 quanta)
{
	static const u8 da[ETH_ALEN] = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x01 };
	struct kunit *test = t->test;
	unsigned int i;

	KUNIT_EXPECT_EQ(test, t->ctrl_len, 60);
	KUNIT_EXPECT_MEMEQ(test, t->ctrl, da, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, t->ctrl + ETH_ALEN, our_mac, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(t->ctrl + 12), 0x8808);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(t->ctrl + 14), 0x0001);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(t->ctrl + 16), quanta);
	for (i = 18; i < 60; i++)
		KUNIT_EXPECT_EQ(test, t->ctrl[i], 0);
}

/* Store @n frames of FC_LEN; return one of them for read_check(). */
static u8 *fc_fill(struct dmt *t, unsigned int n)
{
	u8 *frame = frame_alloc(t->test, FC_LEN);
	unsigned int i;

	make_frame(frame, our_mac, FC_LEN, 3);
	for (i = 0; i < n; i++)
		op_rx(t, frame, FC_LEN, true);
	return frame;
}

static void dm9051_pause_xoff_xon_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	unsigned int i;
	u8 *frame;

	dmt_start(t);
	wr(t, DM_FCR, DM_FCR_TXPEN);
	KUNIT_EXPECT_EQ(test, rd(t, DM_FCTR), 0x38);

	frame = fc_fill(t, FC_XOFF_AT - 1);
	KUNIT_EXPECT_GE(test, DM_RX_SIZE - rd16(t, DM_RWPAL) + DM_RX_START,
			3 * 1024);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 0);

	fc_fill(t, 1);
	KUNIT_EXPECT_LT(test, DM_RX_SIZE - rd16(t, DM_RWPAL) + DM_RX_START,
			3 * 1024);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 1);
	check_pause(t, 0xffff);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_pause, 1);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_frames, 0);

	/* one more fits; no second XOFF; then the ring overflows */
	fc_fill(t, 2);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, FC_STORED);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_full, 1);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 1);

	for (i = 0; i < FC_XON_AT - 1; i++)
		read_check(t, frame, FC_LEN);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 1);
	read_check(t, frame, FC_LEN);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 2);
	check_pause(t, 0);

	for (i = FC_XON_AT; i < FC_STORED; i++)
		read_check(t, frame, FC_LEN);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 2);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_pause, 2);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_frames, 0);
}

static void dm9051_pause_no_txpen_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);
	unsigned int i;
	u8 *frame;

	dmt_start(t);
	wr(t, DM_FCR, DM_FCR_BKPM | DM_FCR_FLCE);
	frame = fc_fill(t, FC_STORED + 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, FC_STORED);
	for (i = 0; i < FC_STORED; i++)
		read_check(t, frame, FC_LEN);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_pause, 0);
}

static void dm9051_pause_reset_test(struct kunit *test)
{
	struct dmt *t = dmt_new(test, false);

	/* RST_RX empties the ring: the outstanding XOFF is answered */
	dmt_start(t);
	wr(t, DM_FCR, DM_FCR_TXPEN);
	fc_fill(t, FC_XOFF_AT);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 1);
	wr(t, DM_MPTRCR, DM_MPTRCR_RST_RX);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 2);
	check_pause(t, 0);

	/* NCR.RST forgets it without an XON */
	fc_fill(t, FC_XOFF_AT);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 3);
	check_pause(t, 0xffff);
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 3);
	KUNIT_EXPECT_EQ(test, rd(t, DM_FCR), 0);
	wr(t, DM_RCR, DM_RCR_RXEN);
	wr(t, DM_FCR, DM_FCR_TXPEN);
	fc_fill(t, FC_XOFF_AT);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 4);
	check_pause(t, 0xffff);
}

static void make_pause(u8 *buf, const u8 *da, u16 opcode, u16 quanta)
{
	memset(buf, 0, DM_FRAME_MIN);
	memcpy(buf, da, ETH_ALEN);
	memcpy(buf + ETH_ALEN, peer_mac, ETH_ALEN);
	put_unaligned_be16(0x8808, buf + 12);
	put_unaligned_be16(opcode, buf + 14);
	put_unaligned_be16(quanta, buf + 16);
}

static void dm9051_pause_rx_test(struct kunit *test)
{
	static const u8 da[ETH_ALEN] = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x01 };
	struct dmt *t = dmt_new(test, false);
	u8 pause[DM_FRAME_MIN];

	dmt_start(t);
	/* promiscuous: a frame the MAC did not consume would be stored */
	wr(t, DM_RCR, DM_RCR_RXEN | DM_RCR_DIS_CRC | DM_RCR_PRMSC);
	wr(t, DM_ISR, DM_ISR_STATUS);

	wr(t, DM_FCR, DM_FCR_FLCE);
	make_pause(pause, da, 0x0001, 0x1234);
	op_rx(t, pause, sizeof(pause), true);
	KUNIT_EXPECT_EQ(test, t->pause_calls, 1);
	KUNIT_EXPECT_EQ(test, t->pause_quanta, 0x1234);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_pause, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_frames, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START);
	KUNIT_EXPECT_EQ(test, rd(t, DM_ISR), 0);

	/* to PAR, FLCE clear: consumed, not honoured */
	wr(t, DM_FCR, 0);
	make_pause(pause, our_mac, 0x0001, 0x0010);
	op_rx(t, pause, sizeof(pause), true);
	KUNIT_EXPECT_EQ(test, t->pause_calls, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_pause, 2);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 0);
	KUNIT_EXPECT_EQ(test, rd16(t, DM_RWPAL), DM_RX_START);

	/* bad FCS with DIS_CRC: a CRC error, not a PAUSE */
	wr(t, DM_FCR, DM_FCR_FLCE);
	make_pause(pause, da, 0x0001, 0x0020);
	op_rx(t, pause, sizeof(pause), false);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_crc, 1);
	KUNIT_EXPECT_EQ(test, t->pause_calls, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_pause, 2);

	/* another MAC control opcode: consumed and ignored */
	make_pause(pause, da, 0x0101, 0x0030);
	op_rx(t, pause, sizeof(pause), true);
	KUNIT_EXPECT_EQ(test, t->pause_calls, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_pause, 2);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, 0);

	/* type 0x8808 to someone else: the filter decides (stored here) */
	make_pause(pause, peer_mac, 0x0001, 0x0040);
	op_rx(t, pause, sizeof(pause), true);
	KUNIT_EXPECT_EQ(test, t->pause_calls, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_frames, 5);
}

static void dm9051_pause_null_ops_test(struct kunit *test)
{
	struct dmt *t = dmt_new_host(test, false, our_mac, &fake_host_min);
	unsigned int i;
	u8 pause[DM_FRAME_MIN];
	u8 *frame;

	wr(t, DM_INTCR, DM_INTCR_POL_LOW);
	wr(t, DM_INTCR, 0);
	dmt_start(t);
	wr(t, DM_FCR, DM_FCR_TXPEN | DM_FCR_FLCE);
	frame = fc_fill(t, FC_STORED);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, FC_STORED);
	for (i = 0; i < FC_STORED; i++)
		read_check(t, frame, FC_LEN);
	make_pause(pause, our_mac, 0x0001, 0x1234);
	op_rx(t, pause, sizeof(pause), true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_pause, 1);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, FC_STORED);
	fc_fill(t, FC_XOFF_AT);
	wr(t, DM_MPTRCR, DM_MPTRCR_RST_RX);
	wr(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 0);
	KUNIT_EXPECT_EQ(test, t->ctrl_frames, 0);
	KUNIT_EXPECT_EQ(test, t->pause_calls, 0);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
}

static struct kunit_case dm9051_cases[] = {
	KUNIT_CASE(dm9051_chip_id_test),
	KUNIT_CASE_PARAM(dm9051_reset_value_test, reset_value_gen_params),
	KUNIT_CASE(dm9051_mac_test),
	KUNIT_CASE(dm9051_isr_w1c_test),
	KUNIT_CASE(dm9051_nsr_tx_end_test),
	KUNIT_CASE(dm9051_nsr_strict_test),
	KUNIT_CASE(dm9051_soft_reset_test),
	KUNIT_CASE(dm9051_mptrcr_test),
	KUNIT_CASE(dm9051_mrcmdx_peek_test),
	KUNIT_CASE(dm9051_mrcmd_split_test),
	KUNIT_CASE(dm9051_rx_wrap_test),
	KUNIT_CASE(dm9051_rx_wrap_no_par_test),
	KUNIT_CASE(dm9051_rx_header_test),
	KUNIT_CASE_PARAM(dm9051_hash_filter_test, hash_gen_params),
	KUNIT_CASE(dm9051_unicast_filter_test),
	KUNIT_CASE(dm9051_promisc_allmulti_test),
	KUNIT_CASE(dm9051_overflow_test),
	KUNIT_CASE_PARAM(dm9051_rx_drop_test, drop_gen_params),
	KUNIT_CASE_PARAM(dm9051_tx_test, tx_gen_params),
	KUNIT_CASE(dm9051_tx_ring_wrap_test),
	KUNIT_CASE(dm9051_tx_queue_test),
	KUNIT_CASE(dm9051_tx_stuck_test),
	KUNIT_CASE(dm9051_tx_no_link_test),
	KUNIT_CASE(dm9051_tx_auto_test),
	KUNIT_CASE(dm9051_irq_test),
	KUNIT_CASE(dm9051_phy_id_test),
	KUNIT_CASE(dm9051_link_test),
	KUNIT_CASE(dm9051_phy_bmcr_test),
	KUNIT_CASE_PARAM(dm9051_rx_hdr_fault_test, hdr_fault_gen_params),
	KUNIT_CASE(dm9051_rwpa_lead_test),
	KUNIT_CASE(dm9051_dead_test),
	KUNIT_CASE(dm9051_burst_test),
	KUNIT_CASE(dm9051_strict_test),
	KUNIT_CASE(dm9051_peek_test),
	KUNIT_CASE(dm9051_path_test),
	KUNIT_CASE(dm9051_an_delay_test),
	KUNIT_CASE(dm9051_irq_polarity_test),
	KUNIT_CASE(dm9051_irq_polarity_strict_test),
	KUNIT_CASE(dm9051_pause_xoff_xon_test),
	KUNIT_CASE(dm9051_pause_no_txpen_test),
	KUNIT_CASE(dm9051_pause_reset_test),
	KUNIT_CASE(dm9051_pause_rx_test),
	KUNIT_CASE(dm9051_pause_null_ops_test),
	{}
};

static struct kunit_suite dm9051_suite = {
	.name = "spinet_emu_dm9051",
	.test_cases = dm9051_cases,
};

kunit_test_suite(dm9051_suite);

MODULE_DESCRIPTION("KUnit tests for the emulator's DM9051 model");
MODULE_LICENSE("GPL");
