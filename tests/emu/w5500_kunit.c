// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the emulator's W5500 model. A fake host drives the model
 * through its ops, under the chip lock, the way the virtual SPI controller
 * does: one frame (offset, control byte, data) per chip select, in the
 * message shapes the mainline driver uses (w5500.md, "How the mainline
 * issues transfers").
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/unaligned.h>

#include "emu.h"
#include "emu_w5500.h"

#define W5T_WIRE_MAX	2048
#define W5T_RING	W5_MEM_SIZE
#define W5T_REGS	1	/* socket 0 blocks */
#define W5T_TXBUF	2
#define W5T_RXBUF	3

static const u8 w5t_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x55, 0x00, 0x01 };
static const u8 w5t_other[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x55, 0x00, 0x02 };
static const u8 w5t_bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const u8 w5t_mcast[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x01, 0x02, 0x03 };

/**
 * struct w5t - a chip and the fake host around it
 * @chip: the chip, its lock held around every op
 * @test: the running test
 * @irq: the interrupt output as the model last set it
 * @irq_raised: times it was asserted
 * @irq_low: the pin polarity the model reported (true: active low)
 * @wire_frames: frames put on the wire
 * @wire_len: length of the last one
 * @wire_ns: what &emu_host_ops.wire_tx returns
 * @wire: the last frame on the wire
 * @f: a frame to send or receive
 * @got: what a test read back
 * @raw: the same, as the ring holds it
 * @timer_calls: calls of &emu_host_ops.timer_start
 */
struct w5t {
	struct emu_chip chip;
	struct kunit *test;
	bool irq;
	unsigned int irq_raised;
	bool irq_low;
	unsigned int wire_frames;
	unsigned int wire_len;
	u64 wire_ns;
	u8 wire[W5T_WIRE_MAX];
	u8 f[W5T_WIRE_MAX];
	u8 got[W5T_WIRE_MAX];
	u8 raw[W5T_WIRE_MAX];
	unsigned int timer_calls;
};

static void w5t_set_irq(struct emu_chip *chip, bool asserted)
{
	struct w5t *t = chip->host_priv;

	KUNIT_EXPECT_NE(t->test, t->irq, asserted);
	t->irq = asserted;
	if (asserted)
		t->irq_raised++;
}

static u64 w5t_wire_tx(struct emu_chip *chip, const u8 *frame,
		       unsigned int len)
{
	struct w5t *t = chip->host_priv;

	t->wire_frames++;
	t->wire_len = len;
	memcpy(t->wire, frame, min_t(unsigned int, len, W5T_WIRE_MAX));
	return t->wire_ns;
}

static void w5t_set_irq_polarity(struct emu_chip *chip, bool low)
{
	struct w5t *t = chip->host_priv;

	t->irq_low = low;
}

static void w5t_timer_start(struct emu_chip *chip, u64 ns)
{
	struct w5t *t = chip->host_priv;

	t->timer_calls++;
}

static const struct emu_host_ops w5t_host = {
	.set_irq = w5t_set_irq,
	.wire_tx = w5t_wire_tx,
	.set_irq_polarity = w5t_set_irq_polarity,
};

static const struct emu_host_ops w5t_host_timer = {
	.set_irq = w5t_set_irq,
	.wire_tx = w5t_wire_tx,
	.timer_start = w5t_timer_start,
};

static struct w5t *w5t_new_host(struct kunit *test, bool strict,
				const struct emu_host_ops *host)
{
	unsigned long flags;
	struct w5t *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->test = test;
	t->chip.priv = kunit_kzalloc(test, emu_w5500_model.priv_size,
				     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->chip.priv);
	spin_lock_init(&t->chip.lock);
	t->chip.model = &emu_w5500_model;
	t->chip.host = host;
	t->chip.host_priv = t;
	t->chip.strict = strict;
	t->chip.an_delay_ms = 1500;
	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->power_on(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	return t;
}

static struct w5t *w5t_new(struct kunit *test, bool strict)
{
	return w5t_new_host(test, strict, &w5t_host);
}

static void w5t_link(struct w5t *t, bool up)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->link_change(&t->chip, up);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static void w5t_wire_rx(struct w5t *t, const u8 *frame, unsigned int len,
			bool fcs_ok)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->wire_rx(&t->chip, frame, len, fcs_ok);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static void w5t_tx_done(struct w5t *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->tx_done(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

/*
 * One SPI frame: header, then @len data bytes from @tx or into @rx, the
 * data in a transfer of its own as the mainline's bulk accesses do.
 */
static void w5t_frame(struct w5t *t, u8 bsb, u16 off, bool write,
		      const u8 *tx, u8 *rx, unsigned int len)
{
	u8 hdr[W5_HDR_LEN] = {
		off >> 8, off, FIELD_PREP(W5_CTRL_BSB, bsb) |
			       (write ? W5_CTRL_RWB : 0)
	};
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->cs_assert(&t->chip);
	t->chip.model->xfer(&t->chip, hdr, NULL, sizeof(hdr));
	if (len)
		t->chip.model->xfer(&t->chip, tx, rx, len);
	t->chip.model->cs_deassert(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

static u8 w5t_rd(struct w5t *t, u8 bsb, u16 off)
{
	u8 v;

	w5t_frame(t, bsb, off, false, NULL, &v, 1);
	return v;
}

static u16 w5t_rd16(struct w5t *t, u8 bsb, u16 off)
{
	u8 v[2];

	w5t_frame(t, bsb, off, false, NULL, v, 2);
	return get_unaligned_be16(v);
}

static void w5t_wr(struct w5t *t, u8 bsb, u16 off, u8 val)
{
	w5t_frame(t, bsb, off, true, &val, NULL, 1);
}

static void w5t_wr16(struct w5t *t, u8 bsb, u16 off, u16 val)
{
	u8 v[2];

	put_unaligned_be16(val, v);
	w5t_frame(t, bsb, off, true, v, NULL, 2);
}

static u8 w5t_peek(struct w5t *t, unsigned int addr)
{
	return emu_chip_peek(&t->chip, addr);
}

/* What the mainline's reset and open do: all memory to socket 0, MACRAW. */
static void w5t_open(struct w5t *t, u8 mr)
{
	unsigned int s;

	w5t_wr(t, W5_BSB_COMMON, W5_MR, W5_MR_RST);
	w5t_frame(t, W5_BSB_COMMON, W5_SHAR, true, w5t_mac, NULL, ETH_ALEN);
	for (s = 0; s < W5_SOCKETS; s++) {
		w5t_wr(t, 4 * s + 1, W5_SN_RXBUF_SIZE, s ? 0 : 16);
		w5t_wr(t, 4 * s + 1, W5_SN_TXBUF_SIZE, s ? 0 : 16);
	}
	w5t_wr(t, W5T_REGS, W5_SN_MR, mr);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_OPEN);
	w5t_wr(t, W5_BSB_COMMON, W5_SIMR, 1);
}

static struct w5t *w5t_up(struct kunit *test, bool strict)
{
	struct w5t *t = w5t_new(test, strict);

	w5t_link(t, true);
	w5t_open(t, W5_SN_MR_MFEN | W5_PROTO_MACRAW);
	return t;
}

static void w5t_make_frame(u8 *buf, const u8 *da, unsigned int len, u8 seed)
{
	unsigned int i;

	memcpy(buf, da, ETH_ALEN);
	memcpy(buf + ETH_ALEN, w5t_other, ETH_ALEN);
	put_unaligned_be16(ETH_P_IP, buf + 2 * ETH_ALEN);
	for (i = ETH_HLEN; i < len; i++)
		buf[i] = seed + i;
}

/*
 * Read one frame the way the mainline does: RSR, RX_RD, header, data
 * (split at the ring's end), RX_RD += length, RECV. Return: its length
 * without the header, or 0 if the ring was empty.
 */
static unsigned int w5t_recv(struct w5t *t, u8 *buf, unsigned int max)
{
	unsigned int len, first;
	u16 rd, hdr;

	if (!w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR))
		return 0;
	rd = w5t_rd16(t, W5T_REGS, W5_SN_RX_RD);
	hdr = w5t_rd16(t, W5T_RXBUF, rd % W5T_RING);
	len = hdr - W5_RX_HDR_LEN;
	KUNIT_ASSERT_LE(t->test, len, max);
	first = min_t(unsigned int, len, W5T_RING - (u16)(rd + 2) % W5T_RING);
	w5t_frame(t, W5T_RXBUF, (u16)(rd + 2) % W5T_RING, false, NULL, buf,
		  first);
	if (first < len)
		w5t_frame(t, W5T_RXBUF, 0, false, NULL, buf + first,
			  len - first);
	w5t_wr16(t, W5T_REGS, W5_SN_RX_RD, rd + hdr);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_RECV);
	return len;
}

static void w5500_reset_values_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, false);

	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_VERSIONR), 0x04);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5_BSB_COMMON, W5_RTR), 0x07d0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_RCR), 0x08);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_MR), 0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR), 0xb8);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_RXBUF_SIZE), 2);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, 4 * 7 + 1, W5_SN_TXBUF_SIZE), 2);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IMR), 0xff);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_CLOSED);
	KUNIT_EXPECT_TRUE(test, t->irq_low);
	KUNIT_EXPECT_FALSE(test, t->irq);
}

static void w5500_soft_reset_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 mac[ETH_ALEN];

	w5t_frame(t, W5_BSB_COMMON, W5_SHAR, false, NULL, mac, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, mac, w5t_mac, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_MACRAW);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.resets, 1);

	w5t_wr(t, W5_BSB_COMMON, W5_MR, W5_MR_RST);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_MR), 0);
	w5t_frame(t, W5_BSB_COMMON, W5_SHAR, false, NULL, mac, ETH_ALEN);
	KUNIT_EXPECT_TRUE(test, is_zero_ether_addr(mac));
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_CLOSED);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_RXBUF_SIZE), 2);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5_BSB_COMMON, W5_RTR), 0x07d0);
	/* the PHY keeps its link */
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR),
			0xb8 | W5_PHYCFGR_LNK | W5_PHYCFGR_SPD |
			W5_PHYCFGR_DPX);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.resets, 2);
}

static void w5500_open_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, false);

	w5t_link(t, true);
	w5t_open(t, 0);	/* protocol "closed" */
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_CLOSED);
	w5t_open(t, W5_PROTO_MACRAW);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_MACRAW);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_CR), 0);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_TX_FSR), 0x4000);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 0);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_CLOSE);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_CLOSED);
}

static void w5500_rx_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f, *got = t->got;

	w5t_make_frame(f, w5t_mac, 100, 1);
	w5t_wire_rx(t, f, 100, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 102);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_WR), 102);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), W5_SN_IR_RECV);
	KUNIT_EXPECT_TRUE(test, t->irq);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_SIR), 1);
	/* the header is big-endian and counts itself */
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_RXBUF, 0), 102);

	KUNIT_EXPECT_EQ(test, w5t_recv(t, got, 200), 100);
	KUNIT_EXPECT_MEMEQ(test, got, f, 100);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 0);
	/* RECV does not clear the interrupt: the driver does */
	KUNIT_EXPECT_TRUE(test, t->irq);
	w5t_wr(t, W5T_REGS, W5_SN_IR, W5_SN_IR_RECV);
	KUNIT_EXPECT_FALSE(test, t->irq);
}

static void w5500_rx_rsr_before_recv_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;

	w5t_make_frame(f, w5t_mac, 60, 2);
	w5t_wire_rx(t, f, 60, true);
	w5t_wire_rx(t, f, 60, true);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 124);
	/* moving RX_RD frees nothing until RECV */
	w5t_wr16(t, W5T_REGS, W5_SN_RX_RD, 62);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 124);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RD), 62);
	w5t_wr(t, W5T_REGS, W5_SN_IR, W5_SN_IR_RECV);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_RECV);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 62);
	/* data remains: RECV raises the interrupt again */
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), W5_SN_IR_RECV);
}

static void w5500_rx_wrap_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f, *got = t->got, *raw = t->raw;
	unsigned int i;
	u16 rd;

	/* 16 frames of 1002 bytes: the 17th straddles the ring's end */
	w5t_make_frame(f, w5t_mac, 1000, 3);
	for (i = 0; i < 16; i++) {
		w5t_wire_rx(t, f, 1000, true);
		KUNIT_ASSERT_EQ(test, w5t_recv(t, got, 1514), 1000);
	}
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RD), 16 * 1002);
	f[ETH_HLEN] = 0x5a;
	w5t_wire_rx(t, f, 1000, true);
	KUNIT_EXPECT_EQ(test, w5t_recv(t, got, 1514), 1000);
	KUNIT_EXPECT_MEMEQ(test, got, f, 1000);

	/* 15 more, then one burst that runs past the end wraps too */
	for (i = 0; i < 15; i++) {
		w5t_wire_rx(t, f, 1000, true);
		KUNIT_ASSERT_EQ(test, w5t_recv(t, got, 1514), 1000);
	}
	f[ETH_HLEN] = 0xa5;
	w5t_wire_rx(t, f, 1000, true);
	rd = w5t_rd16(t, W5T_REGS, W5_SN_RX_RD);
	KUNIT_EXPECT_GT(test, rd % W5T_RING + 1002, W5T_RING);
	w5t_frame(t, W5T_RXBUF, rd, false, NULL, raw, 1002);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(raw), 1002);
	KUNIT_EXPECT_MEMEQ(test, raw + 2, f, 1000);
}

static void w5500_overflow_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;
	unsigned int i;

	w5t_make_frame(f, w5t_mac, 1514, 4);
	for (i = 0; i < 12; i++)
		w5t_wire_rx(t, f, 1514, true);
	/* 10 of 1516 bytes fit in 16384 */
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 10);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_full, 2);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 15160);
	/* a small one still fits */
	w5t_wire_rx(t, f, 60, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 11);
}

struct w5t_filter_case {
	const char *name;
	u8 mr;
	const u8 *da;
	u16 type;
	bool pass;
};

static const struct w5t_filter_case w5t_filter_cases[] = {
	{ "MFEN own", W5_SN_MR_MFEN, w5t_mac, ETH_P_IP, true },
	{ "MFEN other", W5_SN_MR_MFEN, w5t_other, ETH_P_IP, false },
	{ "MFEN broadcast", W5_SN_MR_MFEN, w5t_bcast, ETH_P_ARP, true },
	{ "MFEN multicast", W5_SN_MR_MFEN, w5t_mcast, ETH_P_IP, true },
	{ "no MFEN other", 0, w5t_other, ETH_P_IP, true },
	{ "BCASTB", W5_SN_MR_MFEN | W5_SN_MR_BCASTB, w5t_bcast, ETH_P_ARP,
	  false },
	{ "MMB", W5_SN_MR_MFEN | W5_SN_MR_MMB, w5t_mcast, ETH_P_IP, false },
	{ "MMB broadcast", W5_SN_MR_MFEN | W5_SN_MR_MMB, w5t_bcast, ETH_P_ARP,
	  true },
	{ "MIP6B", W5_SN_MR_MFEN | W5_SN_MR_MIP6B, w5t_mac, ETH_P_IPV6,
	  false },
	{ "MIP6B IPv4", W5_SN_MR_MFEN | W5_SN_MR_MIP6B, w5t_mac, ETH_P_IP,
	  true },
};

static void w5t_filter_desc(const struct w5t_filter_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(w5t_filter, w5t_filter_cases, w5t_filter_desc);

static void w5500_filter_test(struct kunit *test)
{
	const struct w5t_filter_case *c = test->param_value;
	struct w5t *t = w5t_new(test, false);
	u8 *f = t->f;

	w5t_link(t, true);
	w5t_open(t, c->mr | W5_PROTO_MACRAW);
	w5t_make_frame(f, c->da, 64, 5);
	put_unaligned_be16(c->type, f + 2 * ETH_ALEN);
	w5t_wire_rx(t, f, 64, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, c->pass ? 1 : 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_filtered, c->pass ? 0 : 1);
}

static void w5500_rx_drop_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, false);
	u8 *f = t->f;

	w5t_make_frame(f, w5t_mac, 1600, 6);
	w5t_link(t, true);
	w5t_wire_rx(t, f, 100, true);	/* socket closed */
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_disabled, 1);
	w5t_open(t, W5_SN_MR_MFEN | W5_PROTO_MACRAW);
	w5t_wire_rx(t, f, 100, false);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_crc, 1);
	w5t_wire_rx(t, f, 59, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_runt, 1);
	w5t_wire_rx(t, f, 1515, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_long, 1);
	w5t_wire_rx(t, f, 1514, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_stored, 1);
	w5t_link(t, false);
	w5t_wire_rx(t, f, 100, true);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_drop_disabled, 2);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.rx_frames, 6);
}

/* The mainline's transmit: TX_WR, data (split at the end), TX_WR, SEND. */
static void w5t_send(struct w5t *t, const u8 *f, unsigned int len)
{
	u16 wr = w5t_rd16(t, W5T_REGS, W5_SN_TX_WR);
	unsigned int first = min_t(unsigned int, len, W5T_RING - wr % W5T_RING);

	w5t_frame(t, W5T_TXBUF, wr % W5T_RING, true, f, NULL, first);
	if (first < len)
		w5t_frame(t, W5T_TXBUF, 0, true, f + first, NULL, len - first);
	w5t_wr16(t, W5T_REGS, W5_SN_TX_WR, wr + len);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_SEND);
}

static void w5500_tx_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;

	t->wire_ns = 1000;
	w5t_make_frame(f, w5t_other, 1514, 7);
	w5t_send(t, f, 42);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, t->wire_len, 60);	/* padded */
	KUNIT_EXPECT_MEMEQ(test, t->wire, f, 42);
	KUNIT_EXPECT_EQ(test, t->wire[59], 0);
	/* the space comes back when the frame has left */
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_TX_FSR), 0x4000 - 42);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), 0);
	w5t_tx_done(t);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_TX_FSR), 0x4000);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_TX_RD), 42);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), W5_SN_IR_SEND_OK);
	KUNIT_EXPECT_TRUE(test, t->irq);

	/* a second SEND while one is out is refused */
	w5t_send(t, f, 1514);
	w5t_send(t, f, 100);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 2);
	KUNIT_EXPECT_EQ(test, t->wire_len, 1514);
	KUNIT_EXPECT_MEMEQ(test, t->wire, f, 1514);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_rejected, 1);
}

static void w5500_tx_wrap_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;
	unsigned int i;

	w5t_make_frame(f, w5t_other, 1514, 8);
	for (i = 0; i < 11; i++)
		w5t_send(t, f, 1500);
	/* TX_WR is 16500: the last frame was written in two parts */
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_TX_WR), 16500);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 11);
	KUNIT_EXPECT_MEMEQ(test, t->wire, f, 1500);
	/* a SEND of more than 1514 bytes sends 1514, the pointer moves on */
	w5t_wr16(t, W5T_REGS, W5_SN_TX_WR, 32384);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_SEND);
	KUNIT_EXPECT_EQ(test, t->wire_len, 1514);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_TX_RD), 32384);
	/* one write burst past the end wraps as well */
	f[20] ^= 0xff;
	w5t_frame(t, W5T_TXBUF, 32384, true, f, NULL, 1000);
	w5t_wr16(t, W5T_REGS, W5_SN_TX_WR, 33384);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_SEND);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 13);
	KUNIT_EXPECT_EQ(test, t->wire_len, 1000);
	KUNIT_EXPECT_MEMEQ(test, t->wire, f, 1000);
}

static void w5500_tx_stuck_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;

	t->wire_ns = 1000;
	t->chip.faults.tx_stuck = true;
	w5t_make_frame(f, w5t_other, 60, 9);
	w5t_send(t, f, 60);
	w5t_tx_done(t);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), 0);
	/* with the link down a SEND completes at once, nothing on the wire */
	t->chip.faults.tx_stuck = false;
	w5t_wr(t, W5_BSB_COMMON, W5_MR, W5_MR_RST);
	w5t_link(t, false);
	w5t_open(t, W5_PROTO_MACRAW);
	w5t_send(t, f, 60);
	KUNIT_EXPECT_EQ(test, t->wire_frames, 0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), W5_SN_IR_SEND_OK);
}

static void w5500_irq_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;

	w5t_make_frame(f, w5t_mac, 60, 10);
	w5t_wr(t, W5_BSB_COMMON, W5_SIMR, 0);
	w5t_wire_rx(t, f, 60, true);
	KUNIT_EXPECT_FALSE(test, t->irq);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_SIR), 1);
	w5t_wr(t, W5_BSB_COMMON, W5_SIMR, 1);
	KUNIT_EXPECT_TRUE(test, t->irq);
	/* Sn_IMR gates the pin, not Sn_IR */
	w5t_wr(t, W5T_REGS, W5_SN_IMR, W5_SN_IR_SEND_OK);
	KUNIT_EXPECT_FALSE(test, t->irq);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), W5_SN_IR_RECV);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_SIR), 0);
	w5t_wr(t, W5T_REGS, W5_SN_IMR, 0xff);
	KUNIT_EXPECT_TRUE(test, t->irq);
	/* write 0 clears nothing, 1 clears */
	w5t_wr(t, W5T_REGS, W5_SN_IR, 0);
	KUNIT_EXPECT_TRUE(test, t->irq);
	w5t_wr(t, W5T_REGS, W5_SN_IR, W5_SN_IR_RECV);
	KUNIT_EXPECT_FALSE(test, t->irq);
	KUNIT_EXPECT_EQ(test, t->irq_raised, 2);
}

static void w5500_phycfgr_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, false);
	u8 on = W5_PHYCFGR_RST | W5_PHYCFGR_OPMD;

	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR) &
			W5_PHYCFGR_LNK, 0);
	w5t_link(t, true);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR), 0xbf);
	/* forced 10 Mbit/s full duplex */
	w5t_wr(t, W5_BSB_COMMON, W5_PHYCFGR,
	       on | FIELD_PREP(W5_PHYCFGR_OPMDC, W5_OPMDC_10FD));
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR),
			on | FIELD_PREP(W5_PHYCFGR_OPMDC, W5_OPMDC_10FD) |
			W5_PHYCFGR_DPX | W5_PHYCFGR_LNK);
	/* powered down: no link */
	w5t_wr(t, W5_BSB_COMMON, W5_PHYCFGR,
	       on | FIELD_PREP(W5_PHYCFGR_OPMDC, W5_OPMDC_DOWN));
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR) &
			W5_PHYCFGR_LNK, 0);
	/* a PHY reset (RST written 0, the rest kept) reads back 1 */
	w5t_wr(t, W5_BSB_COMMON, W5_PHYCFGR, 0xb8 & ~W5_PHYCFGR_RST);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR), 0xbf);
	w5t_link(t, false);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR), 0xb8);
}

static void w5500_an_delay_test(struct kunit *test)
{
	struct w5t *t = w5t_new_host(test, false, &w5t_host_timer);
	unsigned long flags;

	w5t_link(t, true);
	KUNIT_EXPECT_EQ(test, t->timer_calls, 1);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR) &
			W5_PHYCFGR_LNK, 0);
	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->timer(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR) &
			W5_PHYCFGR_LNK, W5_PHYCFGR_LNK);
	/* a PHY reset negotiates again */
	w5t_wr(t, W5_BSB_COMMON, W5_PHYCFGR, 0xb8 & ~W5_PHYCFGR_RST);
	KUNIT_EXPECT_EQ(test, t->timer_calls, 2);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_PHYCFGR) &
			W5_PHYCFGR_LNK, 0);
}

struct w5t_hdr_case {
	const char *name;
	enum emu_rx_hdr_fault fault;
	u16 hdr;
};

static const struct w5t_hdr_case w5t_hdr_cases[] = {
	{ "ready (no field)", EMU_RX_HDR_READY, 102 },
	{ "status (no field)", EMU_RX_HDR_STATUS, 102 },
	{ "zero", EMU_RX_HDR_LEN_ZERO, 0 },
	{ "short", EMU_RX_HDR_LEN_SHORT, W5_BAD_LEN_SHORT },
	{ "long", EMU_RX_HDR_LEN_LONG, W5_BAD_LEN_LONG },
	{ "ring", EMU_RX_HDR_LEN_RING, W5_BAD_LEN_RING },
};

static void w5t_hdr_desc(const struct w5t_hdr_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(w5t_hdr, w5t_hdr_cases, w5t_hdr_desc);

static void w5500_rx_hdr_fault_test(struct kunit *test)
{
	const struct w5t_hdr_case *c = test->param_value;
	struct w5t *t = w5t_up(test, false);
	u8 *f = t->f;

	w5t_make_frame(f, w5t_mac, 100, 11);
	t->chip.faults.rx_hdr = c->fault;
	w5t_wire_rx(t, f, 100, true);
	w5t_wire_rx(t, f, 100, true);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_RXBUF, 0), c->hdr);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_RXBUF, 102), 102);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 204);
	KUNIT_EXPECT_EQ(test, t->chip.faults.rx_hdr, EMU_RX_HDR_OK);
}

static void w5500_dead_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, false);

	t->chip.faults.dead = true;
	t->chip.faults.dead_byte = 0xff;
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_VERSIONR), 0xff);
	w5t_wr(t, W5_BSB_COMMON, W5_SIMR, 1);
	t->chip.faults.dead = false;
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_SIMR), 0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_VERSIONR), 0x04);
}

static void w5500_spi_modes_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, false);
	/* fixed 2-byte mode: two frames in one chip select */
	u8 tx[10] = { 0x00, W5_INTLEVEL, W5_CTRL_RWB | 2, 0x01, 0x02,
		      0x00, W5_RTR, 2, 0, 0 };
	u8 rx[10];
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->cs_assert(&t->chip);
	t->chip.model->xfer(&t->chip, tx, rx, sizeof(tx));
	t->chip.model->cs_deassert(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5_BSB_COMMON, W5_INTLEVEL), 0x0102);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(rx + 8), 0x07d0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 0);
	/* a reserved block reads 0 and counts an error */
	KUNIT_EXPECT_EQ(test, w5t_rd(t, 4, W5_SN_RXBUF_SIZE), 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 1);
	/* a burst of registers auto-increments */
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5_BSB_COMMON, W5_RTR), 0x07d0);
}

static void w5500_strict_test(struct kunit *test)
{
	struct w5t *t = w5t_new(test, true);
	u8 *f = t->f;

	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_VERSIONR), 0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5_BSB_COMMON, W5_VERSIONR), 0x04);
	w5t_link(t, true);
	w5t_open(t, W5_SN_MR_MFEN | W5_PROTO_MACRAW);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_CR), W5_CR_OPEN);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_CR), 0);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_SR), W5_SR_MACRAW);
	w5t_make_frame(f, w5t_mac, 60, 12);
	w5t_wire_rx(t, f, 60, true);
	w5t_wire_rx(t, f, 60, true);
	w5t_wr(t, W5T_REGS, W5_SN_IR, W5_SN_IR_RECV);
	w5t_wr16(t, W5T_REGS, W5_SN_RX_RD, 62);
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_RECV);
	KUNIT_EXPECT_EQ(test, w5t_rd16(t, W5T_REGS, W5_SN_RX_RSR), 62);
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_IR), 0);
	KUNIT_EXPECT_FALSE(test, t->irq);
}

static void w5500_peek_test(struct kunit *test)
{
	struct w5t *t = w5t_up(test, false);

	KUNIT_EXPECT_EQ(test, w5t_peek(t, W5_VERSIONR), 0x04);
	KUNIT_EXPECT_EQ(test, w5t_peek(t, W5_SIMR), 1);
	KUNIT_EXPECT_EQ(test, w5t_peek(t, W5_PEEK_SOCK0 + W5_SN_MR),
			W5_SN_MR_MFEN | W5_PROTO_MACRAW);
	KUNIT_EXPECT_EQ(test, w5t_peek(t, W5_PEEK_SOCK0 + W5_SN_SR),
			W5_SR_MACRAW);
	KUNIT_EXPECT_EQ(test, w5t_peek(t, W5_PEEK_SOCK0 + W5_SN_TX_FSR), 0x40);
}

/*
 * Each access reports the data path it used (&emu_chip.path), which the
 * host's per-path counters follow: socket 0's RX buffer, RX size and
 * pointers and RECV; its TX buffer, free size and pointers and SEND; a read
 * of Sn_CR goes with the command last written; neither for the rest (common
 * registers, Sn_IR and the other socket registers, OPEN, other sockets'
 * blocks). The frames of a message add up.
 */
static void w5500_path_test(struct kunit *test)
{
	static const struct {
		u8 off;
		u8 path;
	} regs[] = {
		{ W5_SN_RX_RSR, EMU_PATH_RX },
		{ W5_SN_RX_RSR + 1, EMU_PATH_RX },
		{ W5_SN_RX_RD, EMU_PATH_RX }, { W5_SN_RX_RD + 1, EMU_PATH_RX },
		{ W5_SN_RX_WR, EMU_PATH_RX }, { W5_SN_RX_WR + 1, EMU_PATH_RX },
		{ W5_SN_TX_FSR, EMU_PATH_TX },
		{ W5_SN_TX_FSR + 1, EMU_PATH_TX },
		{ W5_SN_TX_RD, EMU_PATH_TX }, { W5_SN_TX_RD + 1, EMU_PATH_TX },
		{ W5_SN_TX_WR, EMU_PATH_TX }, { W5_SN_TX_WR + 1, EMU_PATH_TX },
		{ W5_SN_MR, 0 }, { W5_SN_IR, 0 }, { W5_SN_SR, 0 },
		{ W5_SN_RXBUF_SIZE, 0 }, { W5_SN_TXBUF_SIZE, 0 },
		{ W5_SN_IMR, 0 }, { W5_SOCK_LEN, 0 },
	};
	struct w5t *t = w5t_up(test, false);
	u8 buf[4] = {};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		t->chip.path = 0;
		w5t_rd(t, W5T_REGS, regs[i].off);
		KUNIT_EXPECT_EQ_MSG(test, t->chip.path, regs[i].path,
				    "socket 0 register 0x%02x", regs[i].off);
	}
	t->chip.path = 0;
	w5t_frame(t, W5T_RXBUF, 0, false, NULL, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX);
	t->chip.path = 0;
	w5t_frame(t, W5T_TXBUF, 0, true, buf, NULL, sizeof(buf));
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_TX);

	/* the common block and socket 1's blocks use neither */
	t->chip.path = 0;
	w5t_rd(t, W5_BSB_COMMON, W5_SIR);
	w5t_wr(t, W5_BSB_COMMON, W5_SIMR, 1);
	w5t_rd16(t, 4 + W5T_REGS, W5_SN_RX_RSR);
	w5t_rd16(t, 4 + W5T_REGS, W5_SN_TX_FSR);
	w5t_frame(t, 4 + W5T_RXBUF, 0, false, NULL, buf, sizeof(buf));
	w5t_frame(t, 4 + W5T_TXBUF, 0, true, buf, NULL, sizeof(buf));
	KUNIT_EXPECT_EQ(test, t->chip.path, 0);

	/* RECV and SEND by their ring, and the poll of Sn_CR after them */
	t->chip.path = 0;
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_RECV);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX);
	t->chip.path = 0;
	KUNIT_EXPECT_EQ(test, w5t_rd(t, W5T_REGS, W5_SN_CR), 0);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX);
	t->chip.path = 0;
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_SEND);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_TX);
	t->chip.path = 0;
	w5t_rd(t, W5T_REGS, W5_SN_CR);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_TX);
	t->chip.path = 0;
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_OPEN);
	w5t_rd(t, W5T_REGS, W5_SN_CR);
	KUNIT_EXPECT_EQ(test, t->chip.path, 0);
	/* a reset forgets the last command */
	w5t_wr(t, W5T_REGS, W5_SN_CR, W5_CR_RECV);
	w5t_wr(t, W5_BSB_COMMON, W5_MR, W5_MR_RST);
	t->chip.path = 0;
	w5t_rd(t, W5T_REGS, W5_SN_CR);
	KUNIT_EXPECT_EQ(test, t->chip.path, 0);

	/* a burst over both pointer groups uses both; writes count as reads */
	t->chip.path = 0;
	w5t_frame(t, W5T_REGS, W5_SN_TX_WR, false, NULL, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX | EMU_PATH_TX);
	t->chip.path = 0;
	w5t_wr(t, W5T_REGS, W5_SN_IR, W5_SN_IR_ALL);
	KUNIT_EXPECT_EQ(test, t->chip.path, 0);
	w5t_wr16(t, W5T_REGS, W5_SN_RX_RD, 0);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX);
	w5t_wr16(t, W5T_REGS, W5_SN_TX_WR, 0);
	KUNIT_EXPECT_EQ(test, t->chip.path, EMU_PATH_RX | EMU_PATH_TX);
}

static struct kunit_case w5500_cases[] = {
	KUNIT_CASE(w5500_reset_values_test),
	KUNIT_CASE(w5500_soft_reset_test),
	KUNIT_CASE(w5500_open_test),
	KUNIT_CASE(w5500_rx_test),
	KUNIT_CASE(w5500_rx_rsr_before_recv_test),
	KUNIT_CASE(w5500_rx_wrap_test),
	KUNIT_CASE(w5500_overflow_test),
	KUNIT_CASE_PARAM(w5500_filter_test, w5t_filter_gen_params),
	KUNIT_CASE(w5500_rx_drop_test),
	KUNIT_CASE(w5500_tx_test),
	KUNIT_CASE(w5500_tx_wrap_test),
	KUNIT_CASE(w5500_tx_stuck_test),
	KUNIT_CASE(w5500_irq_test),
	KUNIT_CASE(w5500_phycfgr_test),
	KUNIT_CASE(w5500_an_delay_test),
	KUNIT_CASE_PARAM(w5500_rx_hdr_fault_test, w5t_hdr_gen_params),
	KUNIT_CASE(w5500_dead_test),
	KUNIT_CASE(w5500_spi_modes_test),
	KUNIT_CASE(w5500_strict_test),
	KUNIT_CASE(w5500_peek_test),
	KUNIT_CASE(w5500_path_test),
	{}
};

static struct kunit_suite w5500_suite = {
	.name = "spinet_emu_w5500",
	.test_cases = w5500_cases,
};

kunit_test_suite(w5500_suite);
