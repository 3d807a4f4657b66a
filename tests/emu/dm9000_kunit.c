// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the emulator's DM9000 model: the parallel-bus front end
 * of the DM9051 model (index and data ports, bus widths, the I/O mode
 * strap, RX and TX through the memory ports in each width, two packets in
 * TX SRAM, checksum offload). A fake host drives the model's io ops under
 * the chip lock, as the memory bus (emu_mmio.c) does.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/in.h>
#include <linux/spinlock.h>
#include <linux/unaligned.h>
#include <net/checksum.h>

#include "emu.h"
#include "emu_dm9051.h"

#define D9_WIRE_MAX	2048

/* The DM9000's own indexes of the memory ports, ISR and IMR */
#define D9_MRCMDX	(DM_MRCMDX + DM9000_MEM_OFFSET)
#define D9_MRCMD	(DM_MRCMD + DM9000_MEM_OFFSET)
#define D9_MRRL		(DM_MRRL + DM9000_MEM_OFFSET)
#define D9_MWCMD	(DM_MWCMD + DM9000_MEM_OFFSET)
#define D9_MWRL		(DM_MWRL + DM9000_MEM_OFFSET)
#define D9_TXPLL	(DM_TXPLL + DM9000_MEM_OFFSET)
#define D9_TXPLH	(DM_TXPLH + DM9000_MEM_OFFSET)
#define D9_ISR		(DM_ISR + DM9000_MEM_OFFSET)
#define D9_IMR		(DM_IMR + DM9000_MEM_OFFSET)

static const u8 d9_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x90, 0x00, 0x01 };

/**
 * struct d9t - a DM9000 and the fake host around it
 * @chip: the chip, its lock held around every op
 * @test: the running test
 * @irq: the interrupt line as the model last set it
 * @irq_low: the pin polarity the model last reported (true: active low)
 * @polarity_calls: calls of &emu_host_ops.set_irq_polarity
 * @wire_frames: frames put on the wire
 * @wire_len: length of the last of them
 * @wire: the last of them
 */
struct d9t {
	struct emu_chip chip;
	struct kunit *test;
	bool irq;
	bool irq_low;
	unsigned int polarity_calls;
	unsigned int wire_frames;
	unsigned int wire_len;
	u8 wire[D9_WIRE_MAX];
};

static void d9_set_irq(struct emu_chip *chip, bool asserted)
{
	struct d9t *t = chip->host_priv;

	t->irq = asserted;
}

static u64 d9_wire_tx(struct emu_chip *chip, const u8 *frame,
		      unsigned int len)
{
	struct d9t *t = chip->host_priv;

	t->wire_frames++;
	t->wire_len = len;
	memcpy(t->wire, frame, min_t(unsigned int, len, D9_WIRE_MAX));
	return 0;
}

static void d9_set_irq_polarity(struct emu_chip *chip, bool low)
{
	struct d9t *t = chip->host_priv;

	t->irq_low = low;
	t->polarity_calls++;
}

static const struct emu_host_ops d9_host = {
	.set_irq = d9_set_irq,
	.wire_tx = d9_wire_tx,
	.set_irq_polarity = d9_set_irq_polarity,
};

/* A chip strapped for a @width-byte bus (0: the model's default). */
static struct d9t *d9_new(struct kunit *test, u8 width)
{
	unsigned long flags;
	struct d9t *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->test = test;
	t->chip.priv = kunit_kzalloc(test, emu_dm9000_model.priv_size,
				     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->chip.priv);
	spin_lock_init(&t->chip.lock);
	t->chip.model = &emu_dm9000_model;
	t->chip.host = &d9_host;
	t->chip.host_priv = t;
	t->chip.bus_width = width;
	memcpy(t->chip.mac, d9_mac, ETH_ALEN);
	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->power_on(&t->chip);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	return t;
}

static unsigned long io_r(struct d9t *t, unsigned int port,
			  unsigned int size)
{
	unsigned long flags, v;

	spin_lock_irqsave(&t->chip.lock, flags);
	v = t->chip.model->io_read(&t->chip, port, size);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	return v;
}

static void io_w(struct d9t *t, unsigned int port, unsigned int size,
		 unsigned long val)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->io_write(&t->chip, port, size, val);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

/* A register, as mainline's ior()/iow() reach it: byte accesses. */
static u8 ior(struct d9t *t, u8 index)
{
	io_w(t, EMU_PORT_INDEX, 1, index);
	return io_r(t, EMU_PORT_DATA, 1);
}

static void iow(struct d9t *t, u8 index, u8 val)
{
	io_w(t, EMU_PORT_INDEX, 1, index);
	io_w(t, EMU_PORT_DATA, 1, val);
}

static void d9_rx(struct d9t *t, const u8 *frame, unsigned int len)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->wire_rx(&t->chip, frame, len, true);
	spin_unlock_irqrestore(&t->chip.lock, flags);
}

/* Cable in, PHY powered, receiver on with pointer auto-return. */
static void d9_start(struct d9t *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->chip.lock, flags);
	t->chip.model->link_change(&t->chip, true);
	spin_unlock_irqrestore(&t->chip.lock, flags);
	iow(t, DM_GPR, 0);
	iow(t, D9_IMR, DM_IMR_PAR | DM_IMR_PRI | DM_IMR_PTI);
	iow(t, DM_RCR, DM_RCR_RXEN | DM_RCR_DIS_CRC | DM_RCR_DIS_LONG);
}

static void d9_frame(u8 *buf, const u8 *da, unsigned int len, u8 seed)
{
	unsigned int i;

	memcpy(buf, da, ETH_ALEN);
	eth_zero_addr(buf + ETH_ALEN);
	buf[ETH_ALEN] = 0x02;
	for (i = 2 * ETH_ALEN; i < len; i++)
		buf[i] = seed + i;
}

/* Write @len bytes through MWCMD in @width-byte accesses, as mainline. */
static void d9_write_frame(struct d9t *t, const u8 *buf, unsigned int len,
			   unsigned int width)
{
	unsigned int i, j;
	u32 v;

	io_w(t, EMU_PORT_INDEX, 1, D9_MWCMD);
	for (i = 0; i < len; i += width) {
		for (v = 0, j = 0; j < width && i + j < len; j++)
			v |= (u32)buf[i + j] << (8 * j);
		io_w(t, EMU_PORT_DATA, width, v);
	}
}

static void d9_txreq(struct d9t *t, unsigned int len)
{
	iow(t, D9_TXPLL, len);
	iow(t, D9_TXPLH, len >> 8);
	iow(t, DM_TCR, DM_TCR_TXREQ);
}

/* Read the frame at the read pointer in @width-byte accesses. */
static void d9_read_frame(struct d9t *t, u8 *buf, unsigned int *len,
			  u8 *status, unsigned int width)
{
	u8 hdr[DM_RX_HDR_LEN + 4];
	unsigned int i, j, n;
	u32 v;

	io_w(t, EMU_PORT_INDEX, 1, D9_MRCMD);
	for (i = 0; i < DM_RX_HDR_LEN; i += width) {
		v = io_r(t, EMU_PORT_DATA, width);
		for (j = 0; j < width; j++)
			hdr[i + j] = v >> (8 * j);
	}
	/* bits 7:2 may carry checksum flags */
	KUNIT_EXPECT_EQ(t->test, hdr[0] & GENMASK(1, 0), DM_RX_READY);
	*status = hdr[1];
	n = get_unaligned_le16(&hdr[2]);
	*len = n;
	for (i = 0; i < n; i += width) {
		v = io_r(t, EMU_PORT_DATA, width);
		for (j = 0; j < width && i + j < n; j++)
			buf[i + j] = v >> (8 * j);
	}
}

/* The ready byte, as mainline looks: MRCMDX twice, in bytes. */
static u8 d9_ready(struct d9t *t)
{
	ior(t, D9_MRCMDX);
	return io_r(t, EMU_PORT_DATA, 1);
}

static void dm9000_index_data_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);

	KUNIT_EXPECT_EQ(test, ior(t, DM_VIDL), DM_VID & 0xff);
	KUNIT_EXPECT_EQ(test, ior(t, DM_VIDH), DM_VID >> 8);
	KUNIT_EXPECT_EQ(test, ior(t, DM_PIDL), DM9000_PID & 0xff);
	KUNIT_EXPECT_EQ(test, ior(t, DM_PIDH), DM9000_PID >> 8);
	KUNIT_EXPECT_EQ(test, ior(t, DM_CHIPR), DM9000_CHIPR_B);
	/* the index port reads back the index */
	io_w(t, EMU_PORT_INDEX, 1, DM_PAR + 3);
	KUNIT_EXPECT_EQ(test, io_r(t, EMU_PORT_INDEX, 1), DM_PAR + 3);
	KUNIT_EXPECT_EQ(test, io_r(t, EMU_PORT_DATA, 1), d9_mac[3]);
	iow(t, DM_PAR + 3, 0xab);
	KUNIT_EXPECT_EQ(test, ior(t, DM_PAR + 3), 0xab);
	/* a 16-bit access to a register: the value on bits 7:0 */
	io_w(t, EMU_PORT_INDEX, 1, DM_PAR + 3);
	KUNIT_EXPECT_EQ(test, io_r(t, EMU_PORT_DATA, 2), 0xab);
	io_w(t, EMU_PORT_DATA, 2, 0x12cd);
	KUNIT_EXPECT_EQ(test, ior(t, DM_PAR + 3), 0xcd);
	/* 0xf0-0xff are the DM9051's 0x70-0x7f: IMR */
	iow(t, D9_IMR, DM_IMR_PAR | DM_IMR_PRI);
	KUNIT_EXPECT_EQ(test, emu_chip_peek(&t->chip, DM_IMR),
			DM_IMR_PAR | DM_IMR_PRI);
	/* the DM9051's MPTRCR (0x55) is not there: reads 0, writes lost */
	iow(t, DM_MPTRCR, 0xff);
	KUNIT_EXPECT_EQ(test, ior(t, DM_MPTRCR), 0);
	KUNIT_EXPECT_EQ(test, emu_chip_peek(&t->chip, DM_MPTRCR), 0);
	/* four register accesses a byte each: no bus error */
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 0);
}

struct d9_width_case {
	u8 width;
	u8 iomode;
	const char *name;
};

static const struct d9_width_case d9_widths[] = {
	{ 1, DM9000_IOMODE_8, "8-bit" },
	{ 2, DM9000_IOMODE_16, "16-bit" },
	{ 4, DM9000_IOMODE_32, "32-bit" },
	{ 0, DM9000_IOMODE_16, "default" },
};

static void d9_width_desc(const struct d9_width_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(d9_width, d9_widths, d9_width_desc);

static void dm9000_iomode_test(struct kunit *test)
{
	const struct d9_width_case *c = test->param_value;
	struct d9t *t = d9_new(test, c->width);
	u8 isr;

	isr = ior(t, D9_ISR);
	KUNIT_EXPECT_EQ(test, FIELD_GET(DM9000_ISR_IOMODE, isr), c->iomode);
	/* the strap bits are not status: writing them back clears nothing */
	iow(t, D9_ISR, isr);
	KUNIT_EXPECT_EQ(test, ior(t, D9_ISR), isr);
	/* nor do they assert the line */
	iow(t, D9_IMR, 0xff);
	KUNIT_EXPECT_FALSE(test, t->irq);
	/* the strap survives a software reset */
	iow(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_EQ(test, FIELD_GET(DM9000_ISR_IOMODE, ior(t, D9_ISR)),
			c->iomode);
}

/* RX in each width: a 61-byte frame, then a 64-byte one behind it. */
static void dm9000_rx_width_test(struct kunit *test)
{
	const struct d9_width_case *c = test->param_value;
	struct d9t *t = d9_new(test, c->width);
	unsigned int width = c->width ?: 2, len;
	u8 f1[61], f2[64], got[80], status;

	d9_start(t);
	d9_frame(f1, d9_mac, sizeof(f1), 1);
	d9_frame(f2, d9_mac, sizeof(f2), 2);
	d9_rx(t, f1, sizeof(f1));
	d9_rx(t, f2, sizeof(f2));
	KUNIT_ASSERT_EQ(test, t->chip.cnt.rx_stored, 2);
	KUNIT_EXPECT_TRUE(test, t->irq);

	KUNIT_EXPECT_EQ(test, d9_ready(t), DM_RX_READY);
	d9_read_frame(t, got, &len, &status, width);
	KUNIT_EXPECT_EQ(test, len, sizeof(f1) + DM_FCS_LEN);
	KUNIT_EXPECT_EQ(test, status, 0);
	KUNIT_EXPECT_MEMEQ(test, got, f1, sizeof(f1));
	/* the next header starts where a reader in this width stopped */
	KUNIT_EXPECT_EQ(test, d9_ready(t), DM_RX_READY);
	d9_read_frame(t, got, &len, &status, width);
	KUNIT_EXPECT_EQ(test, len, sizeof(f2) + DM_FCS_LEN);
	KUNIT_EXPECT_EQ(test, status, 0);
	KUNIT_EXPECT_MEMEQ(test, got, f2, sizeof(f2));
	KUNIT_EXPECT_EQ(test, d9_ready(t), 0);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 0);
}

/* The RX header in 16-bit mode, word by word, as mainline reads it. */
static void dm9000_rx_header16_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);
	u8 frame[71];
	u16 w;

	d9_start(t);
	d9_frame(frame, d9_mac, sizeof(frame), 3);
	d9_rx(t, frame, sizeof(frame));
	/* a byte read of MRCMDX sees the ready byte, and moves nothing */
	KUNIT_EXPECT_EQ(test, d9_ready(t), DM_RX_READY);
	KUNIT_EXPECT_EQ(test, ior(t, D9_MRRL), DM_RX_START & 0xff);
	KUNIT_EXPECT_EQ(test, ior(t, D9_MRRL + 1), DM_RX_START >> 8);
	io_w(t, EMU_PORT_INDEX, 1, D9_MRCMD);
	w = io_r(t, EMU_PORT_DATA, 2);
	KUNIT_EXPECT_EQ(test, w, DM_RX_READY);	/* status 0 in bits 15:8 */
	w = io_r(t, EMU_PORT_DATA, 2);
	KUNIT_EXPECT_EQ(test, w, sizeof(frame) + DM_FCS_LEN);
	/* two bytes a read */
	KUNIT_EXPECT_EQ(test, ior(t, D9_MRRL), (DM_RX_START + 4) & 0xff);
	io_w(t, EMU_PORT_INDEX, 1, D9_MRCMD);
	w = io_r(t, EMU_PORT_DATA, 2);
	KUNIT_EXPECT_EQ(test, w, get_unaligned_le16(frame));
}

/* Two packets in TX SRAM, an odd one first, in 16-bit writes. */
static void dm9000_tx_two_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);
	u8 f1[61], f2[100];

	d9_start(t);
	d9_frame(f1, d9_mac, sizeof(f1), 4);
	d9_frame(f2, d9_mac, sizeof(f2), 5);
	/* mainline's order: both frames in SRAM, the second request later */
	d9_write_frame(t, f1, sizeof(f1), 2);
	d9_write_frame(t, f2, sizeof(f2), 2);
	/* the odd frame's padding byte moved MWR on by 62 */
	KUNIT_EXPECT_EQ(test, ior(t, D9_MWRL), 62 + 100);
	/* power-on left both TX-end bits set; a read clears them */
	KUNIT_EXPECT_EQ(test, ior(t, DM_NSR) & (DM_NSR_TX1END | DM_NSR_TX2END),
			DM_NSR_TX1END | DM_NSR_TX2END);
	KUNIT_EXPECT_EQ(test, ior(t, DM_NSR) & (DM_NSR_TX1END | DM_NSR_TX2END),
			0);
	d9_txreq(t, sizeof(f1));
	KUNIT_ASSERT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, t->wire_len, sizeof(f1));
	KUNIT_EXPECT_MEMEQ(test, t->wire, f1, sizeof(f1));
	KUNIT_EXPECT_EQ(test, ior(t, D9_ISR) & DM_ISR_PTS, DM_ISR_PTS);
	KUNIT_EXPECT_TRUE(test, t->irq);
	iow(t, D9_ISR, DM_ISR_PTS);
	KUNIT_EXPECT_EQ(test, ior(t, DM_NSR) & (DM_NSR_TX1END | DM_NSR_TX2END),
			DM_NSR_TX1END);
	d9_txreq(t, sizeof(f2));
	KUNIT_ASSERT_EQ(test, t->wire_frames, 2);
	KUNIT_EXPECT_EQ(test, t->wire_len, sizeof(f2));
	KUNIT_EXPECT_MEMEQ(test, t->wire, f2, sizeof(f2));
	/* packet index II */
	KUNIT_EXPECT_EQ(test, ior(t, DM_NSR) & (DM_NSR_TX1END | DM_NSR_TX2END),
			DM_NSR_TX2END);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.tx_rejected, 0);
}

/* 8-bit writes: no padding, the second frame right behind the first. */
static void dm9000_tx_8bit_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 1);
	u8 f1[61], f2[75];

	d9_start(t);
	d9_frame(f1, d9_mac, sizeof(f1), 6);
	d9_frame(f2, d9_mac, sizeof(f2), 7);
	d9_write_frame(t, f1, sizeof(f1), 1);
	d9_write_frame(t, f2, sizeof(f2), 1);
	KUNIT_EXPECT_EQ(test, ior(t, D9_MWRL), sizeof(f1) + sizeof(f2));
	d9_txreq(t, sizeof(f1));
	d9_txreq(t, sizeof(f2));
	KUNIT_ASSERT_EQ(test, t->wire_frames, 2);
	KUNIT_EXPECT_EQ(test, t->wire_len, sizeof(f2));
	KUNIT_EXPECT_MEMEQ(test, t->wire, f2, sizeof(f2));
}

/* An access wider than the chip's bus: the lines above it float high. */
static void dm9000_wide_access_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);

	io_w(t, EMU_PORT_INDEX, 1, DM_VIDL);
	KUNIT_EXPECT_EQ(test, io_r(t, EMU_PORT_DATA, 4), 0xffff0046UL);
	KUNIT_EXPECT_EQ(test, t->chip.cnt.spi_errors, 1);
	t->chip.faults.dead = true;
	t->chip.faults.dead_byte = 0xff;
	KUNIT_EXPECT_EQ(test, io_r(t, EMU_PORT_DATA, 2), 0xffffUL);
	KUNIT_EXPECT_EQ(test, ior(t, DM_VIDL), 0xff);
}

/* The pin resets active high: power-on and NCR.RST say so. */
static void dm9000_intcr_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);

	KUNIT_EXPECT_EQ(test, t->polarity_calls, 1);
	KUNIT_EXPECT_FALSE(test, t->irq_low);
	iow(t, DM_INTCR, DM_INTCR_POL_LOW);
	KUNIT_EXPECT_TRUE(test, t->irq_low);
	iow(t, DM_NCR, DM_NCR_RST);
	KUNIT_EXPECT_FALSE(test, t->irq_low);
	KUNIT_EXPECT_EQ(test, t->polarity_calls, 3);
}

/* A UDP/IPv4 frame of @len bytes with zero checksums. */
static void d9_udp_frame(u8 *f, unsigned int len)
{
	u8 *ip = f + ETH_HLEN;
	unsigned int i;

	d9_frame(f, d9_mac, len, 8);
	put_unaligned_be16(ETH_P_IP, f + 2 * ETH_ALEN);
	memset(ip, 0, 28);
	ip[0] = 0x45;
	put_unaligned_be16(len - ETH_HLEN, ip + 2);
	ip[8] = 64;
	ip[9] = IPPROTO_UDP;
	for (i = 12; i < 20; i++)
		ip[i] = 198 + i;
	put_unaligned_be16(len - ETH_HLEN - 20, ip + 24);
}

/* The folded UDP checksum of the datagram after @ip: 0 if right. */
static u16 d9_udp_csum(const u8 *ip, unsigned int len)
{
	__be32 saddr = get_unaligned((__be32 *)(ip + 12));
	__be32 daddr = get_unaligned((__be32 *)(ip + 16));
	__wsum sum = csum_partial(ip + 20, len, 0);

	return (__force u16)csum_tcpudp_magic(saddr, daddr, len, IPPROTO_UDP,
					      sum);
}

/* TCCR: the chip fills in the IPv4 and UDP checksums. */
static void dm9000_tx_csum_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);
	const u8 *ip = t->wire + ETH_HLEN;
	u8 f[90];

	d9_start(t);
	d9_udp_frame(f, sizeof(f));
	iow(t, DM9000_TCCR, DM9000_TCCR_IP | DM9000_TCCR_UDP);
	d9_write_frame(t, f, sizeof(f), 2);
	d9_txreq(t, sizeof(f));
	KUNIT_ASSERT_EQ(test, t->wire_frames, 1);
	KUNIT_EXPECT_EQ(test, (__force u16)ip_fast_csum(ip, 5), 0);
	KUNIT_EXPECT_NE(test, get_unaligned_be16(ip + 26), 0);
	KUNIT_EXPECT_EQ(test, d9_udp_csum(ip, sizeof(f) - ETH_HLEN - 20), 0);
	/* without TCCR the frame goes as written */
	iow(t, DM9000_TCCR, 0);
	d9_write_frame(t, f, sizeof(f), 2);
	d9_txreq(t, sizeof(f));
	KUNIT_EXPECT_MEMEQ(test, t->wire, f, sizeof(f));
}

/* RCSR.CSUM: the ready byte flags a frame with a bad IP checksum. */
static void dm9000_rx_csum_test(struct kunit *test)
{
	struct d9t *t = d9_new(test, 2);
	u8 f[90], got[100], status;
	unsigned int len;

	d9_start(t);
	d9_udp_frame(f, sizeof(f));
	iow(t, DM9000_RCSR, DM9000_RCSR_CSUM);
	d9_rx(t, f, sizeof(f));
	/* IPv4, UDP; the header checksum 0 is wrong, UDP 0 means none */
	KUNIT_EXPECT_EQ(test, d9_ready(t), DM_RX_READY | DM9000_RCSR_IP |
			DM9000_RCSR_UDP | DM9000_RCSR_IP_BAD);
	d9_read_frame(t, got, &len, &status, 2);
	KUNIT_EXPECT_MEMEQ(test, got, f, sizeof(f));
	/* with RCSR.CSUM off, the plain ready byte */
	iow(t, DM9000_RCSR, 0);
	d9_rx(t, f, sizeof(f));
	KUNIT_EXPECT_EQ(test, d9_ready(t), DM_RX_READY);
}

static struct kunit_case dm9000_cases[] = {
	KUNIT_CASE(dm9000_index_data_test),
	KUNIT_CASE_PARAM(dm9000_iomode_test, d9_width_gen_params),
	KUNIT_CASE_PARAM(dm9000_rx_width_test, d9_width_gen_params),
	KUNIT_CASE(dm9000_rx_header16_test),
	KUNIT_CASE(dm9000_tx_two_test),
	KUNIT_CASE(dm9000_tx_8bit_test),
	KUNIT_CASE(dm9000_wide_access_test),
	KUNIT_CASE(dm9000_intcr_test),
	KUNIT_CASE(dm9000_tx_csum_test),
	KUNIT_CASE(dm9000_rx_csum_test),
	{}
};

static struct kunit_suite dm9000_suite = {
	.name = "spinet_emu_dm9000",
	.test_cases = dm9000_cases,
};

kunit_test_suite(dm9000_suite);
