// SPDX-License-Identifier: GPL-2.0
/*
 * spinet chip backend: Davicom DM9000, 10/100 Ethernet MAC and PHY on a
 * memory bus (the DM9051's parallel-bus sibling).
 *
 * The chip has two ports: writing the index port selects a register, and
 * the data port then reads or writes it, a byte at a time; the memory
 * commands (MRCMDX, MRCMD, MWCMD) move the chip's SRAM through the data
 * port in the bus width the board wires (8, 16 or 32 bits, the size of
 * the data port's resource). Every index-then-data pair runs under one
 * spinlock, as the hard IRQ handler, NAPI and xmit all reach the chip
 * (spinet.h). What the chip is assumed to do, and on whose word, is in
 * Documentation/chip-assumptions.md.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/dm9000.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

#include "spinet.h"
#include "spinet_davicom.h"
#include "spinet_dm9000.h"

/*
 * DM9000-only registers and values. Its memory and interrupt registers sit
 * at 0xf0-0xff (the DM9051 has them at 0x70-0x7f: its SPI address field
 * has seven bits).
 */
#define DM9000_NCR_MAC_LBK	BIT(1)
#define DM9000_NSR_TX2END	BIT(3)
#define DM9000_NSR_TX1END	BIT(2)
#define DM9000_NSR_WAKEST	BIT(5)
#define DM9000_GPCR		0x1e
#define DM9000_GPCR_GPIO0_OUT	BIT(0)	/* GPIO0 drives the PHY's power */
#define DM9000_CHIPR		0x2c
#define DM9000_CHIPR_A		0x19
#define DM9000_CHIPR_B		0x1a
#define DM9000_INTCR		0x39
#define DM9000_INTCR_POL_LOW	BIT(0)
#define DM9000_MRCMDX		0xf0	/* RX memory, no increment */
#define DM9000_MRCMD		0xf2	/* RX memory, increment */
#define DM9000_MRRL		0xf4
#define DM9000_MWCMD		0xf8	/* TX memory, increment */
#define DM9000_TXPLL		0xfc
#define DM9000_TXPLH		0xfd
#define DM9000_ISR		0xfe
#define DM9000_ISR_IOMODE	GENMASK(7, 6)
#define DM9000_IMR		0xff
#define DM9000_PID		0x9000

#define DM9000_PHY_ADDR		1
/* Longest stored frame: DIS_LONG discards longer ones; FCS included. */
#define DM9000_RX_MAX		(VLAN_ETH_FRAME_LEN + ETH_FCS_LEN)
#define DM9000_TX_MAX		VLAN_ETH_FRAME_LEN
/* TX memory holds two frames: one sent while the next waits. */
#define DM9000_TX_DEPTH		2
#define DM9000_REGS_LEN		256

#define DM9000_IMR_RUN		(DAVICOM_IMR_PAR | DAVICOM_IMR_ROOI | \
				 DAVICOM_IMR_ROI | DAVICOM_IMR_PTI | \
				 DAVICOM_IMR_PRI)

enum {
	DM9000_STAT_RX_OVERFLOWS,
	DM9000_STAT_RX_ERROR_FRAMES,
	DM9000_STAT_NUM
};

static const char dm9000_stat_names[DM9000_STAT_NUM][ETH_GSTRING_LEN] = {
	[DM9000_STAT_RX_OVERFLOWS] = "chip_rx_overflow_events",
	[DM9000_STAT_RX_ERROR_FRAMES] = "chip_rx_error_frames",
};

/**
 * struct dm9000 - the chip's state
 * @lock: makes each register access (index write, then data) and each
 *	frame's copy one step, and protects the fields below but @phy_on
 * @addr: the index port
 * @data: the data port
 * @width: the data port's width in bytes: 1, 2 or 4
 * @imr_run: IMR while running (the link-change bit on chips that have it)
 * @imr: IMR as last written
 * @intcr: INTCR value for the board's interrupt trigger
 * @tx_count: frames in TX memory (sending, or waiting)
 * @tx_wait_len: length of the frame waiting behind the one being sent
 * @phy_on: GPR has the PHY powered; under the core's bus mutex
 */
struct dm9000 {
	spinlock_t lock;	/* see above */
	void __iomem *addr;
	void __iomem *data;
	unsigned int width;
	u8 imr_run;
	u8 imr;
	u8 intcr;
	unsigned int tx_count;
	unsigned int tx_wait_len;
	bool phy_on;
};

static u8 dm9000_ior(struct dm9000 *db, u8 reg)
{
	iowrite8(reg, db->addr);
	return ioread8(db->data);
}

static void dm9000_iow(struct dm9000 *db, u8 reg, u8 val)
{
	iowrite8(reg, db->addr);
	iowrite8(val, db->data);
}

static void dm9000_write1(struct dm9000 *db, u8 reg, u8 val)
{
	unsigned long flags;

	spin_lock_irqsave(&db->lock, flags);
	dm9000_iow(db, reg, val);
	spin_unlock_irqrestore(&db->lock, flags);
}

static u8 dm9000_read1(struct dm9000 *db, u8 reg)
{
	unsigned long flags;
	u8 val;

	spin_lock_irqsave(&db->lock, flags);
	val = dm9000_ior(db, reg);
	spin_unlock_irqrestore(&db->lock, flags);
	return val;
}

/*
 * Move @len bytes of SRAM through the data port (the memory command
 * selected); the chip's pointer moves a bus word at a time, so a length
 * that is not a whole number of words moves a whole last word.
 */
static void dm9000_read_mem(struct dm9000 *db, void *dst, unsigned int len)
{
	unsigned int words = DIV_ROUND_UP(len, db->width);

	switch (db->width) {
	case 1:
		ioread8_rep(db->data, dst, len);
		break;
	case 2:
		ioread16_rep(db->data, dst, words);
		break;
	default:
		ioread32_rep(db->data, dst, words);
		break;
	}
}

/* Read and drop @len bytes of SRAM. */
static void dm9000_skip_mem(struct dm9000 *db, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < DIV_ROUND_UP(len, db->width); i++) {
		if (db->width == 1)
			ioread8(db->data);
		else if (db->width == 2)
			ioread16(db->data);
		else
			ioread32(db->data);
	}
}

static void dm9000_write_mem(struct dm9000 *db, const u8 *src,
			     unsigned int len)
{
	unsigned int whole = round_down(len, db->width);
	u32 last = 0;

	if (db->width == 1) {
		iowrite8_rep(db->data, src, len);
		return;
	}
	if (db->width == 2)
		iowrite16_rep(db->data, src, whole / 2);
	else
		iowrite32_rep(db->data, src, whole / 4);
	if (whole == len)
		return;
	/* The last word, from a copy: never read past the frame. */
	memcpy(&last, src + whole, len - whole);
	if (db->width == 2)
		iowrite16_rep(db->data, &last, 1);
	else
		iowrite32_rep(db->data, &last, 1);
}

/* ISR[7:6]: the bus width the chip's strap pins select. */
static unsigned int dm9000_strap_width(u8 isr)
{
	switch (FIELD_GET(DM9000_ISR_IOMODE, isr)) {
	case 0:
		return 2;
	case 1:
		return 4;
	case 2:
		return 1;
	default:
		return 0;
	}
}

static int dm9000_probe_chip(struct spinet *sn, u8 *mac)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	struct device *dev = spinet_dev(sn);
	struct platform_device *pdev = to_platform_device(dev);
	const struct dm9000_plat_data *pdata;
	unsigned int trigger, strap, i;
	struct resource *res;
	u16 vid, pid;
	u8 chipr, isr;

	spin_lock_init(&db->lock);
	db->addr = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(db->addr))
		return dev_err_probe(dev, PTR_ERR(db->addr),
				     "cannot map the index port (reg 0)\n");
	db->data = devm_platform_get_and_ioremap_resource(pdev, 1, &res);
	if (IS_ERR(db->data))
		return dev_err_probe(dev, PTR_ERR(db->data),
				     "cannot map the data port (reg 1)\n");
	db->width = resource_size(res);
	if (db->width != 1 && db->width != 2 && db->width != 4)
		return dev_err_probe(dev, -EINVAL,
				     "data port of %u bytes: the bus is 1, 2 or 4 bytes wide\n",
				     db->width);
	/* A board file's platform data may force the width. */
	pdata = dev_get_platdata(dev);
	if (pdata && (pdata->flags & DM9000_PLATF_8BITONLY))
		db->width = 1;
	else if (pdata && (pdata->flags & DM9000_PLATF_16BITONLY))
		db->width = 2;
	else if (pdata && (pdata->flags & DM9000_PLATF_32BITONLY))
		db->width = 4;
	if ((pdata && (pdata->flags & DM9000_PLATF_EXT_PHY)) ||
	    device_property_read_bool(dev, "davicom,ext-phy"))
		return dev_err_probe(dev, -EOPNOTSUPP,
				     "an external PHY (davicom,ext-phy) is not supported yet\n");

	vid = dm9000_read1(db, DAVICOM_VIDL) |
	      dm9000_read1(db, DAVICOM_VIDH) << 8;
	pid = dm9000_read1(db, DAVICOM_PIDL) |
	      dm9000_read1(db, DAVICOM_PIDH) << 8;
	if (vid != DAVICOM_VID || pid != DM9000_PID) {
		dev_err(dev, "chip ID %04x:%04x is not a DM9000 (%04x:%04x): check the addresses and the bus timing\n",
			vid, pid, DAVICOM_VID, DM9000_PID);
		return -ENODEV;
	}
	isr = dm9000_read1(db, DM9000_ISR);
	strap = dm9000_strap_width(isr);
	if (strap != db->width)
		return dev_err_probe(dev, -EINVAL,
				     "data port of %u bytes, but the chip is strapped for %u (ISR %02x)\n",
				     db->width, strap, isr);
	chipr = dm9000_read1(db, DM9000_CHIPR);
	db->imr_run = DM9000_IMR_RUN;
	if (chipr == DM9000_CHIPR_A || chipr == DM9000_CHIPR_B) {
		db->imr_run |= DAVICOM_IMR_LNKCHGI;
	} else {
		/* The DM9000E raises nothing when its link changes. */
		dev_info(dev, "DM9000E (CHIPR %02x): link state polled\n",
			 chipr);
		spinet_link_poll(sn);
	}

	trigger = irq_get_trigger_type(platform_get_irq(pdev, 0));
	db->intcr = trigger & (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_EDGE_FALLING) ?
		    DM9000_INTCR_POL_LOW : 0;
	/* The pin must idle before the interrupt is requested. */
	dm9000_write1(db, DM9000_INTCR, db->intcr);
	dm9000_write1(db, DM9000_IMR, DAVICOM_IMR_PAR);
	db->imr = DAVICOM_IMR_PAR;
	/* The chip loads PAR from its EEPROM, if it has one. */
	for (i = 0; i < ETH_ALEN; i++)
		mac[i] = dm9000_read1(db, DAVICOM_PAR + i);
	/* A board file's address comes before the EEPROM's. */
	if (pdata && is_valid_ether_addr(pdata->dev_addr))
		ether_addr_copy(mac, pdata->dev_addr);
	db->phy_on = !(dm9000_read1(db, DAVICOM_GPR) & DAVICOM_GPR_PHY_DOWN);
	return 0;
}

static int dm9000_reset(struct spinet *sn)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	unsigned int i;
	u16 pid;
	u8 ncr;

	dm9000_write1(db, DM9000_GPCR, DM9000_GPCR_GPIO0_OUT);
	dm9000_write1(db, DAVICOM_GPR, 0);
	if (!db->phy_on) {
		/* Registers are out of reach for 1 ms after PHY power-up. */
		usleep_range(1000, 2000);
		db->phy_on = true;
	}
	/* Twice, in MAC loopback, as Davicom's application note asks. */
	for (i = 0; i < 2; i++) {
		dm9000_write1(db, DAVICOM_NCR,
			      DAVICOM_NCR_RST | DM9000_NCR_MAC_LBK);
		usleep_range(20, 100);	/* the reset clears itself in 10 us */
		ncr = dm9000_read1(db, DAVICOM_NCR);
		if (ncr & DAVICOM_NCR_RST)
			return -ETIMEDOUT;
		dm9000_write1(db, DAVICOM_NCR, 0);
	}

	spin_lock_irqsave(&db->lock, flags);
	db->tx_count = 0;
	db->tx_wait_len = 0;
	db->imr = DAVICOM_IMR_PAR;
	dm9000_iow(db, DM9000_INTCR, db->intcr);
	dm9000_iow(db, DM9000_IMR, db->imr);
	dm9000_iow(db, DAVICOM_TCR, 0);
	dm9000_iow(db, DAVICOM_NSR, DM9000_NSR_WAKEST | DM9000_NSR_TX2END |
		   DM9000_NSR_TX1END);
	dm9000_iow(db, DM9000_ISR, DAVICOM_ISR_STATUS);
	/* A chip that does not answer reads all ones or all zeroes. */
	pid = dm9000_ior(db, DAVICOM_PIDL) | dm9000_ior(db, DAVICOM_PIDH) << 8;
	spin_unlock_irqrestore(&db->lock, flags);
	return pid == DM9000_PID ? 0 : -ENODEV;
}

static void dm9000_set_imr(struct dm9000 *db, u8 imr)
{
	unsigned long flags;

	spin_lock_irqsave(&db->lock, flags);
	db->imr = imr;
	dm9000_iow(db, DM9000_IMR, imr);
	spin_unlock_irqrestore(&db->lock, flags);
}

static int dm9000_start(struct spinet *sn)
{
	struct dm9000 *db = spinet_chip_priv(sn);

	dm9000_set_imr(db, db->imr_run);
	return 0;
}

static void dm9000_stop(struct spinet *sn)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;

	spin_lock_irqsave(&db->lock, flags);
	db->imr = DAVICOM_IMR_PAR;
	dm9000_iow(db, DM9000_IMR, db->imr);
	dm9000_iow(db, DAVICOM_RCR, 0);
	dm9000_iow(db, DAVICOM_GPR, DAVICOM_GPR_PHY_DOWN);
	spin_unlock_irqrestore(&db->lock, flags);
	db->phy_on = false;
}

static void dm9000_irq_mask(struct spinet *sn, bool enable)
{
	struct dm9000 *db = spinet_chip_priv(sn);

	dm9000_set_imr(db, enable ? db->imr_run : DAVICOM_IMR_PAR);
}

static int dm9000_irq_status(struct spinet *sn, u32 *events)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	u8 isr, rocr = 0;

	*events = 0;
	spin_lock_irqsave(&db->lock, flags);
	isr = dm9000_ior(db, DM9000_ISR);
	if (isr == 0xff) {
		/* Bits 7:6 never read 11: a chip that is not there. */
		spin_unlock_irqrestore(&db->lock, flags);
		return -EIO;
	}
	isr &= DAVICOM_ISR_STATUS;
	if (isr)
		dm9000_iow(db, DM9000_ISR, isr);	/* write 1 to clear */
	if (isr & (DAVICOM_ISR_ROS | DAVICOM_ISR_ROOS))
		rocr = dm9000_ior(db, DAVICOM_ROCR);
	spin_unlock_irqrestore(&db->lock, flags);

	if (rocr) {
		spinet_rx_error(sn, SPINET_RX_ERR_OVER,
				FIELD_GET(DAVICOM_ROCR_COUNT, rocr) +
				(rocr & DAVICOM_ROCR_WRAP ? 128 : 0));
		spinet_chip_stat_add(sn, DM9000_STAT_RX_OVERFLOWS, 1);
	}
	if (isr & (DAVICOM_ISR_PRS | DAVICOM_ISR_ROS | DAVICOM_ISR_ROOS))
		*events |= SPINET_EV_RX;
	if (isr & DAVICOM_ISR_PTS)
		*events |= SPINET_EV_TX;
	if (isr & DAVICOM_ISR_LNKCHG)
		*events |= SPINET_EV_LINK;
	return 0;
}

/* Count what an error status says about a frame we then skip. */
static void dm9000_rx_bad_status(struct spinet *sn, u8 status)
{
	spinet_rx_error(sn, davicom_rx_status_err(status), 1);
	spinet_chip_stat_add(sn, DM9000_STAT_RX_ERROR_FRAMES, 1);
}

/*
 * Read one frame under the lock. Return 1 when a frame was taken out of the
 * chip (in *skbp, or dropped and counted: no memory, an error status), 0
 * when none waits, -EBADMSG when the ring is out of step (counted; a reset
 * requested).
 */
static int dm9000_rx_one(struct spinet *sn, struct dm9000 *db,
			 struct sk_buff **skbp)
{
	struct davicom_rx_hdr hdr;
	enum davicom_rx_verdict v;
	struct sk_buff *skb;
	unsigned int len;
	u8 ready;

	/* The first read after MRCMDX is stale (mainline reads twice). */
	iowrite8(DM9000_MRCMDX, db->addr);
	ioread8(db->data);
	ready = ioread8(db->data);
	if (ready == DAVICOM_RX_EMPTY_BYTE)
		return 0;
	if (ready != DAVICOM_RX_READY_BYTE) {
		spinet_rx_error(sn, SPINET_RX_ERR_FRAME, 1);
		spinet_request_reset(sn);
		return -EBADMSG;
	}
	iowrite8(DM9000_MRCMD, db->addr);
	dm9000_read_mem(db, &hdr, sizeof(hdr));
	v = davicom_rx_check(&hdr, DM9000_RX_MAX);
	len = le16_to_cpu(hdr.len);
	if (v == DAVICOM_RX_BAD_STATUS && len >= ETH_FCS_LEN &&
	    len <= DM9000_RX_MAX) {
		/* A whole frame with an error: skip it, the ring is intact. */
		dm9000_skip_mem(db, len);
		dm9000_rx_bad_status(sn, hdr.status);
		return 1;
	}
	if (v != DAVICOM_RX_OK) {
		/* The read pointer is out of step: only a reset helps. */
		spinet_rx_error(sn, v == DAVICOM_RX_BAD_READY ?
				SPINET_RX_ERR_FRAME : SPINET_RX_ERR_LENGTH, 1);
		spinet_request_reset(sn);
		return -EBADMSG;
	}
	skb = spinet_rx_alloc(sn, round_up(len, sizeof(u32)));
	if (!skb) {
		dm9000_skip_mem(db, len);
		return 1;
	}
	dm9000_read_mem(db, skb->data, len);
	skb_put(skb, len - ETH_FCS_LEN);
	*skbp = skb;
	return 1;
}

/* Frames go up one at a time, the lock held only while each is copied. */
static int dm9000_rx(struct spinet *sn, unsigned int budget)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	struct sk_buff *skb;
	unsigned long flags;
	unsigned int n;
	int ret;

	for (n = 0; n < budget; n++) {
		skb = NULL;
		spin_lock_irqsave(&db->lock, flags);
		ret = dm9000_rx_one(sn, db, &skb);
		spin_unlock_irqrestore(&db->lock, flags);
		if (skb)
			spinet_rx_frame(sn, skb);
		if (ret <= 0)
			return n ? n : ret;
	}
	return n;
}

static void dm9000_tx_request(struct dm9000 *db, unsigned int len)
{
	dm9000_iow(db, DM9000_TXPLL, len & 0xff);
	dm9000_iow(db, DM9000_TXPLH, len >> 8);
	dm9000_iow(db, DAVICOM_TCR, DAVICOM_TCR_TXREQ);
}

/*
 * TX memory holds two frames: the MAC sends one while the next is written
 * and waits; one request runs at a time.
 */
static int dm9000_tx(struct spinet *sn, struct sk_buff *skb)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned int len = skb->len;
	unsigned long flags;

	if (len > DM9000_TX_MAX)
		return -EMSGSIZE;
	spin_lock_irqsave(&db->lock, flags);
	if (db->tx_count >= DM9000_TX_DEPTH) {
		spin_unlock_irqrestore(&db->lock, flags);
		return -EBUSY;
	}
	iowrite8(DM9000_MWCMD, db->addr);
	dm9000_write_mem(db, skb->data, len);
	if (!db->tx_count)
		dm9000_tx_request(db, len);
	else
		db->tx_wait_len = len;
	db->tx_count++;
	spin_unlock_irqrestore(&db->lock, flags);
	return 0;
}

static int dm9000_tx_done(struct spinet *sn)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	unsigned int done;
	u8 nsr;

	spin_lock_irqsave(&db->lock, flags);
	nsr = dm9000_ior(db, DAVICOM_NSR);	/* the TX-end bits clear */
	done = !!(nsr & DM9000_NSR_TX1END) + !!(nsr & DM9000_NSR_TX2END);
	done = min(done, db->tx_count);
	db->tx_count -= done;
	if (done && db->tx_count && db->tx_wait_len) {
		dm9000_tx_request(db, db->tx_wait_len);
		db->tx_wait_len = 0;
	}
	spin_unlock_irqrestore(&db->lock, flags);
	return done;
}

static int dm9000_set_mac(struct spinet *sn, const u8 *addr)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&db->lock, flags);
	for (i = 0; i < ETH_ALEN; i++)
		dm9000_iow(db, DAVICOM_PAR + i, addr[i]);
	spin_unlock_irqrestore(&db->lock, flags);
	return 0;
}

static int dm9000_set_filter(struct spinet *sn,
			     const struct spinet_rx_filter *f)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	u8 mar[DAVICOM_HASH_BYTES], rcr;
	unsigned long flags;
	unsigned int i;

	rcr = davicom_filter(f, mar);
	spin_lock_irqsave(&db->lock, flags);
	for (i = 0; i < DAVICOM_HASH_BYTES; i++)
		dm9000_iow(db, DAVICOM_MAR + i, mar[i]);
	dm9000_iow(db, DAVICOM_RCR, rcr);
	spin_unlock_irqrestore(&db->lock, flags);
	return 0;
}

static int dm9000_set_pause(struct spinet *sn, bool rx, bool tx)
{
	dm9000_write1(spinet_chip_priv(sn), DAVICOM_FCR, davicom_fcr(rx, tx));
	return 0;
}

/* Wait for a PHY operation: EPCR.ERRE clears when it is done. */
static int dm9000_epcr_wait(struct dm9000 *db)
{
	unsigned int tries;

	for (tries = 0; tries < 100; tries++) {
		usleep_range(100, 200);
		if (!(dm9000_read1(db, DAVICOM_EPCR) & DAVICOM_EPCR_ERRE))
			return 0;
	}
	return -ETIMEDOUT;
}

static int dm9000_mdio_read(struct spinet *sn, int addr, int reg)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	int ret;

	if (addr != DM9000_PHY_ADDR || reg > DAVICOM_EPAR_REG)
		return 0xffff;
	spin_lock_irqsave(&db->lock, flags);
	dm9000_iow(db, DAVICOM_EPAR, davicom_epar(DM9000_PHY_ADDR, reg));
	dm9000_iow(db, DAVICOM_EPCR, DAVICOM_EPCR_EPOS | DAVICOM_EPCR_ERPRR);
	spin_unlock_irqrestore(&db->lock, flags);
	ret = dm9000_epcr_wait(db);
	if (ret)
		return ret;
	spin_lock_irqsave(&db->lock, flags);
	dm9000_iow(db, DAVICOM_EPCR, 0);
	ret = dm9000_ior(db, DAVICOM_EPDRL) |
	      dm9000_ior(db, DAVICOM_EPDRH) << 8;
	spin_unlock_irqrestore(&db->lock, flags);
	return ret;
}

static int dm9000_mdio_write(struct spinet *sn, int addr, int reg, u16 val)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	int ret;

	if (addr != DM9000_PHY_ADDR || reg > DAVICOM_EPAR_REG)
		return -ENODEV;
	spin_lock_irqsave(&db->lock, flags);
	dm9000_iow(db, DAVICOM_EPAR, davicom_epar(DM9000_PHY_ADDR, reg));
	dm9000_iow(db, DAVICOM_EPDRL, val & 0xff);
	dm9000_iow(db, DAVICOM_EPDRH, val >> 8);
	dm9000_iow(db, DAVICOM_EPCR, DAVICOM_EPCR_EPOS | DAVICOM_EPCR_ERPRW);
	spin_unlock_irqrestore(&db->lock, flags);
	ret = dm9000_epcr_wait(db);
	dm9000_write1(db, DAVICOM_EPCR, 0);
	return ret;
}

/*
 * Registers safe to read: no read clears anything or moves a pointer (the
 * memory commands move the SRAM pointers; NSR's TX-end bits and ROCR
 * clear on read).
 */
static bool dm9000_reg_dumpable(unsigned int reg)
{
	if (reg == DAVICOM_NSR || reg == DAVICOM_ROCR)
		return false;
	return reg <= 0x3f || reg == 0xf4 || reg == 0xf5 || reg >= 0xfa;
}

static int dm9000_get_regs(struct spinet *sn, void *buf)
{
	struct dm9000 *db = spinet_chip_priv(sn);
	unsigned long flags;
	unsigned int reg;
	u8 *out = buf;

	spin_lock_irqsave(&db->lock, flags);
	for (reg = 0; reg < DM9000_REGS_LEN; reg++)
		if (dm9000_reg_dumpable(reg))
			out[reg] = dm9000_ior(db, reg);
	spin_unlock_irqrestore(&db->lock, flags);
	return 0;
}

static const struct spinet_chip_ops dm9000_ops = {
	.probe		= dm9000_probe_chip,
	.reset		= dm9000_reset,
	.start		= dm9000_start,
	.stop		= dm9000_stop,
	.irq_status	= dm9000_irq_status,
	.irq_mask	= dm9000_irq_mask,
	.rx		= dm9000_rx,
	.tx		= dm9000_tx,
	.tx_done	= dm9000_tx_done,
	.set_mac	= dm9000_set_mac,
	.set_filter	= dm9000_set_filter,
	.set_pause	= dm9000_set_pause,
	.mdio_read	= dm9000_mdio_read,
	.mdio_write	= dm9000_mdio_write,
	.get_regs	= dm9000_get_regs,
};

static const struct spinet_chip dm9000_chip = {
	.name		= "DM9000",
	.ops		= &dm9000_ops,
	.priv_size	= sizeof(struct dm9000),
	.max_mtu	= ETH_DATA_LEN,
	.mmio		= true,
	.tx_depth	= DM9000_TX_DEPTH,
	.phy_addr	= DM9000_PHY_ADDR,
	.regs_len	= DM9000_REGS_LEN,
	.regs_version	= DM9000_PID,
	.n_stats	= DM9000_STAT_NUM,
	.stat_names	= dm9000_stat_names,
};

static void dm9000_remove(void *dev)
{
	spinet_remove(dev);
}

/*
 * Removal is a devres action, first to run on unbind, so that the driver
 * needs no .remove (whose type changed in 6.11).
 */
static int dm9000_platform_probe(struct platform_device *pdev)
{
	int ret;

	ret = spinet_probe(&pdev->dev, platform_get_irq(pdev, 0),
			   &dm9000_chip);
	if (ret)
		return ret;
	return devm_add_action_or_reset(&pdev->dev, dm9000_remove, &pdev->dev);
}

static const struct of_device_id dm9000_of_match[] = {
	{ .compatible = "davicom,dm9000" },
	{ }
};
MODULE_DEVICE_TABLE(of, dm9000_of_match);

/* A board file's device, named as mainline's driver expects it. */
static const struct platform_device_id dm9000_platform_ids[] = {
	{ "dm9000" },
	{ }
};
MODULE_DEVICE_TABLE(platform, dm9000_platform_ids);

struct platform_driver spinet_dm9000_driver = {
	.driver = {
		.name = "spinet-dm9000",
		.of_match_table = dm9000_of_match,
		.pm = pm_sleep_ptr(&spinet_pm_ops),
	},
	.probe = dm9000_platform_probe,
	.id_table = dm9000_platform_ids,
};
