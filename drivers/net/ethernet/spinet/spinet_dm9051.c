// SPDX-License-Identifier: GPL-2.0
/*
 * spinet chip backend: Davicom DM9051, 10/100 Ethernet MAC and PHY on SPI.
 *
 * Every command is one chip-select assertion: a command byte (bit 7 set
 * for a write, register address in bits 6:0) and its data. Commands are
 * gathered into one spi_message per step, chip select toggling between
 * them, so that a received frame costs two messages and a sent frame one
 * (Documentation/design.md, "Bus cost"). What the chip is assumed to do,
 * and on whose word, is in Documentation/chip-assumptions.md.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/bitfield.h>
#include <linux/cache.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/irq.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spi/spi.h>

#include "spinet.h"
#include "spinet_davicom.h"
#include "spinet_dm9051.h"

/* DM9051-only registers and values. */
#define DM9051_PPCR		0x3d	/* pause packet count */
#define DM9051_PPCR_VALUE	0x08
#define DM9051_INTCR		0x39
#define DM9051_INTCR_POL_LOW	BIT(0)
#define DM9051_LMCR		0x57
#define DM9051_LMCR_VALUE	0x81
#define DM9051_MBNDRY		0x5e
#define DM9051_MBNDRY_BYTE	BIT(7)
#define DM9051_MRCMDX		0x70	/* RX memory, no increment */
#define DM9051_MRCMD		0x72	/* RX memory, increment */
#define DM9051_MRRL		0x74	/* RX read pointer, low byte */
#define DM9051_MRRH		0x75
/* The RX ring in the chip's SRAM; reads wrap from its end to its start. */
#define DM9051_RX_START		0x0c00
#define DM9051_RX_END		0x4000
#define DM9051_RX_SIZE		(DM9051_RX_END - DM9051_RX_START)
#define DM9051_PID		0x9051
#define DM9051_SPI_WR		BIT(7)

#define DM9051_PHY_ADDR		1
#define DM9051_MAX_HZ		45000000
/* Longest stored frame: DIS_LONG discards longer ones; FCS included. */
#define DM9051_RX_MAX		(VLAN_ETH_FRAME_LEN + ETH_FCS_LEN)
#define DM9051_TX_MAX		VLAN_ETH_FRAME_LEN
#define DM9051_REGS_LEN		128
/* Chip select high between commands in a message: no source says. */
#define DM9051_CS_IDLE_NS	40

#define DM9051_XFERS		40
#define DM9051_TXBUF		80
#define DM9051_RXBUF		80
/* Transfers of a bulk-read message kept for its commands (4 used). */
#define DM9051_BULK_CMDS	12

#define DM9051_IMR_RUN		(DAVICOM_IMR_PAR | DAVICOM_IMR_LNKCHGI | \
				 DAVICOM_IMR_ROOI | DAVICOM_IMR_ROI | \
				 DAVICOM_IMR_PTI | DAVICOM_IMR_PRI)

enum {
	DM9051_STAT_RX_OVERFLOWS,
	DM9051_STAT_RX_ERROR_FRAMES,
	DM9051_STAT_RX_BULK_READS,
	DM9051_STAT_RX_REWINDS,
	DM9051_STAT_NUM
};

static const char dm9051_stat_names[DM9051_STAT_NUM][ETH_GSTRING_LEN] = {
	[DM9051_STAT_RX_OVERFLOWS] = "chip_rx_overflow_events",
	[DM9051_STAT_RX_ERROR_FRAMES] = "chip_rx_error_frames",
	[DM9051_STAT_RX_BULK_READS] = "chip_rx_bulk_reads",
	[DM9051_STAT_RX_REWINDS] = "chip_rx_rewinds",
};

/*
 * Buffers the SPI controller may map for DMA: never on the stack, and the
 * ones it writes (rx, frame) on cache lines of their own.
 */
struct dm9051_bufs {
	u8 tx[DM9051_TXBUF];
	u8 rx[DM9051_RXBUF] ____cacheline_aligned;
	u8 frame[DM9051_RX_MAX] ____cacheline_aligned;
	u8 bulk[DM9051_RX_SIZE] ____cacheline_aligned;
};

/**
 * struct dm9051 - the chip's state; the bus owner's only (spinet.h)
 * @spi: the SPI device
 * @buf: DMA-safe buffers
 * @msg: the message being built
 * @xfer: its transfers
 * @nxfer: transfers used
 * @ntx: bytes of @buf->tx used
 * @nrx: bytes of @buf->rx used
 * @overrun: the message outgrew @xfer or a buffer: a driver bug
 * @intcr: INTCR value for the board's interrupt trigger
 * @edge: the interrupt is edge-triggered: status left set after the
 *	acknowledgment would never fire it again
 * @imr: IMR as last written
 * @phy_on: GPR has the PHY powered
 * @rx_ready: ready byte of the next RX header, from the last peek
 * @rx_fresh: @rx_ready was read in this pass
 * @tx_wait_len: length of a frame in TX memory not yet requested, or 0
 * @tx_busy: a transmit request may still be running
 * @single: read one frame at a time, as mainline does: the RX pointers
 *	disagreed after a reset, so the ring's fill cannot be told from them
 * @mrr: the chip's RX read pointer, followed as reads move it
 * @rwpa: the chip's RX write pointer, as last read
 * @bulk_head: first byte of @buf->bulk not parsed yet
 * @bulk_len: bytes read into @buf->bulk
 * @xfer_max: longest transfer the SPI controller takes
 * @bulk_max: longest bulk read one message carries
 */
struct dm9051 {
	struct spi_device *spi;
	struct dm9051_bufs *buf;
	struct spi_message msg;
	struct spi_transfer xfer[DM9051_XFERS];
	unsigned int nxfer;
	unsigned int ntx;
	unsigned int nrx;
	bool overrun;
	u8 intcr;
	bool edge;
	u8 imr;
	bool phy_on;
	u8 rx_ready;
	bool rx_fresh;
	unsigned int tx_wait_len;
	bool tx_busy;
	bool single;
	u16 mrr;
	u16 rwpa;
	unsigned int bulk_head;
	unsigned int bulk_len;
	unsigned int xfer_max;
	unsigned int bulk_max;
};

static void dm9051_begin(struct dm9051 *dm)
{
	dm->nxfer = 0;
	dm->ntx = 0;
	dm->nrx = 0;
	dm->overrun = false;
}

/* A transfer; @cmd starts a new command, so chip select toggles first. */
static struct spi_transfer *dm9051_xfer(struct dm9051 *dm, bool cmd)
{
	struct spi_transfer *t;

	if (dm->nxfer >= DM9051_XFERS) {
		dm->overrun = true;
		return NULL;
	}
	if (cmd && dm->nxfer) {
		t = &dm->xfer[dm->nxfer - 1];
		t->cs_change = 1;
		t->cs_change_delay.value = DM9051_CS_IDLE_NS;
		t->cs_change_delay.unit = SPI_DELAY_UNIT_NSECS;
	}
	t = &dm->xfer[dm->nxfer++];
	memset(t, 0, sizeof(*t));
	return t;
}

static u8 *dm9051_txbytes(struct dm9051 *dm, unsigned int n)
{
	u8 *p = dm->buf->tx + dm->ntx;

	if (dm->ntx + n > DM9051_TXBUF) {
		dm->overrun = true;
		return dm->buf->tx;
	}
	dm->ntx += n;
	return p;
}

static void dm9051_write(struct dm9051 *dm, u8 reg, u8 val)
{
	struct spi_transfer *t = dm9051_xfer(dm, true);
	u8 *tx = dm9051_txbytes(dm, 2);

	if (!t)
		return;
	tx[0] = DM9051_SPI_WR | reg;
	tx[1] = val;
	t->tx_buf = tx;
	t->len = 2;
}

/* Queue a register read; returns where its value will be in buf->rx. */
static unsigned int dm9051_read(struct dm9051 *dm, u8 reg)
{
	struct spi_transfer *t = dm9051_xfer(dm, true);
	u8 *tx = dm9051_txbytes(dm, 2);
	unsigned int at = dm->nrx;

	if (!t || dm->nrx + 2 > DM9051_RXBUF) {
		dm->overrun = true;
		return 0;
	}
	tx[0] = reg;
	tx[1] = 0;
	t->tx_buf = tx;
	t->rx_buf = dm->buf->rx + at;
	t->len = 2;
	dm->nrx += 2;
	return at + 1;
}

/*
 * A memory-port command (its byte on the wire: @cmd) and @len data bytes
 * in the same chip select, written from @src or read into @dst.
 */
static void dm9051_burst(struct dm9051 *dm, u8 cmd, const void *src,
			 void *dst, unsigned int len)
{
	struct spi_transfer *t = dm9051_xfer(dm, true);
	u8 *tx = dm9051_txbytes(dm, 1);

	if (!t)
		return;
	*tx = cmd;
	t->tx_buf = tx;
	t->len = 1;
	t = dm9051_xfer(dm, false);
	if (!t)
		return;
	t->tx_buf = src;
	t->rx_buf = dst;
	t->len = len;
}

static void dm9051_read_burst(struct dm9051 *dm, u8 cmd, void *dst,
			      unsigned int len)
{
	dm9051_burst(dm, cmd, NULL, dst, len);
}

static void dm9051_write_burst(struct dm9051 *dm, u8 cmd, const void *src,
			       unsigned int len)
{
	dm9051_burst(dm, DM9051_SPI_WR | cmd, src, NULL, len);
}

/* Queue a peek at the ready byte of the next RX header. */
static unsigned int dm9051_peek(struct dm9051 *dm)
{
	unsigned int at = dm->nrx;

	if (dm->nrx + 2 > DM9051_RXBUF) {
		dm->overrun = true;
		return 0;
	}
	dm->nrx += 2;
	/* Two bytes, the second kept: the first may be a stale prefetch. */
	dm9051_read_burst(dm, DM9051_MRCMDX, dm->buf->rx + at, 2);
	return at + 1;
}

static u8 dm9051_val(struct dm9051 *dm, unsigned int at)
{
	return dm->buf->rx[at];
}

/* A 16-bit value read as two registers, low byte first. */
static u16 dm9051_val16(struct dm9051 *dm, unsigned int lo, unsigned int hi)
{
	return dm9051_val(dm, lo) | dm9051_val(dm, hi) << 8;
}

/* Bytes from @from to @to on the RX ring; both must lie on it. */
static unsigned int dm9051_ring_dist(u16 from, u16 to)
{
	return (to - from + DM9051_RX_SIZE) % DM9051_RX_SIZE;
}

/* @p moved @n bytes on along the RX ring (back, for a negative @n). */
static u16 dm9051_ring_add(u16 p, int n)
{
	return DM9051_RX_START +
	       (p - DM9051_RX_START + n + DM9051_RX_SIZE) % DM9051_RX_SIZE;
}

static bool dm9051_ring_has(u16 p)
{
	return p >= DM9051_RX_START && p < DM9051_RX_END;
}

/*
 * What waits in the RX ring: its write pointer, then the ready byte at the
 * read pointer. The ready byte is the authority, as for mainline; the
 * write pointer only sizes a bulk read (Documentation/chip-assumptions.md).
 */
struct dm9051_look {
	unsigned int rwpal;
	unsigned int rwpah;
	unsigned int peek;
};

/*
 * Queue a look; @peek: read the ready byte too. After a bulk read RWPA
 * alone says whether more came: a frame stored since the status was
 * acknowledged raised the interrupt status again, so one that a lagging
 * RWPA hid is found by the next status read's peek.
 */
static void dm9051_look(struct dm9051 *dm, struct dm9051_look *l, bool peek)
{
	if (!dm->single) {
		l->rwpal = dm9051_read(dm, DAVICOM_RWPAL);
		l->rwpah = dm9051_read(dm, DAVICOM_RWPAH);
	}
	/* dm9051_peek() never answers 0: 0 says no ready byte was read. */
	l->peek = peek ? dm9051_peek(dm) : 0;
}

static void dm9051_looked(struct dm9051 *dm, const struct dm9051_look *l)
{
	if (!dm->single)
		dm->rwpa = dm9051_val16(dm, l->rwpal, l->rwpah);
	if (l->peek)
		dm->rx_ready = dm9051_val(dm, l->peek);
	else if (dm9051_ring_has(dm->rwpa) &&
		 dm9051_ring_dist(dm->mrr, dm->rwpa) >
		 sizeof(struct davicom_rx_hdr))
		dm->rx_ready = DAVICOM_RX_READY_BYTE;
	else
		dm->rx_ready = DAVICOM_RX_EMPTY_BYTE;
}

static int dm9051_sync(struct dm9051 *dm)
{
	if (WARN_ON_ONCE(dm->overrun || !dm->nxfer))
		return -EINVAL;
	dm->xfer[dm->nxfer - 1].cs_change = 0;
	spi_message_init_with_transfers(&dm->msg, dm->xfer, dm->nxfer);
	return spi_sync(dm->spi, &dm->msg);
}

static int dm9051_write1(struct dm9051 *dm, u8 reg, u8 val)
{
	dm9051_begin(dm);
	dm9051_write(dm, reg, val);
	return dm9051_sync(dm);
}

static int dm9051_read1(struct dm9051 *dm, u8 reg, u8 *val)
{
	unsigned int at;
	int ret;

	dm9051_begin(dm);
	at = dm9051_read(dm, reg);
	ret = dm9051_sync(dm);
	*val = dm9051_val(dm, at);
	return ret;
}

/*
 * How much one bulk read may carry: the controller's transfer and message
 * limits, split over the transfers a message has left after the commands
 * that go with it (Documentation/design.md, "Receive").
 */
static void dm9051_bulk_limits(struct dm9051 *dm)
{
	size_t msg = spi_max_message_size(dm->spi);

	dm->xfer_max = min_t(size_t, spi_max_transfer_size(dm->spi),
			     DM9051_RX_SIZE);
	dm->bulk_max = min_t(size_t, DM9051_RX_SIZE,
			     (DM9051_XFERS - DM9051_BULK_CMDS) * dm->xfer_max);
	if (msg < 2 * DM9051_TXBUF)
		dm->bulk_max = 0;
	else
		dm->bulk_max = min_t(size_t, dm->bulk_max,
				     msg - DM9051_TXBUF);
}

static int dm9051_probe_chip(struct spinet *sn, u8 *mac)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	struct device *dev = spinet_dev(sn);
	unsigned int at[4], par[ETH_ALEN], gpr, i;
	unsigned int trigger;
	u16 vid, pid;
	int ret;

	dm->spi = to_spi_device(dev);
	dm->buf = devm_kzalloc(dev, sizeof(*dm->buf), GFP_KERNEL);
	if (!dm->buf)
		return -ENOMEM;

	dm9051_begin(dm);
	for (i = 0; i < ARRAY_SIZE(at); i++)
		at[i] = dm9051_read(dm, DAVICOM_VIDL + i);
	ret = dm9051_sync(dm);
	if (ret)
		return dev_err_probe(dev, ret,
				     "cannot read the chip ID over SPI\n");
	vid = dm9051_val16(dm, at[0], at[1]);
	pid = dm9051_val16(dm, at[2], at[3]);
	if (vid != DAVICOM_VID || pid != DM9051_PID) {
		dev_err(dev, "chip ID %04x:%04x is not a DM9051 (%04x:%04x): check wiring, chip select and SPI mode\n",
			vid, pid, DAVICOM_VID, DM9051_PID);
		return -ENODEV;
	}

	/* The pin must idle before the interrupt is requested. */
	trigger = irq_get_trigger_type(dm->spi->irq);
	switch (trigger) {
	case IRQ_TYPE_LEVEL_HIGH:
	case IRQ_TYPE_EDGE_RISING:
		dm->intcr = 0;
		break;
	default:
		dm->intcr = DM9051_INTCR_POL_LOW;
		break;
	}
	dm->edge = trigger & IRQ_TYPE_EDGE_BOTH;
	dm9051_begin(dm);
	dm9051_write(dm, DM9051_INTCR, dm->intcr);
	dm9051_write(dm, DAVICOM_IMR, DAVICOM_IMR_PAR);
	for (i = 0; i < ETH_ALEN; i++)
		par[i] = dm9051_read(dm, DAVICOM_PAR + i);
	gpr = dm9051_read(dm, DAVICOM_GPR);
	ret = dm9051_sync(dm);
	if (ret)
		return dev_err_probe(dev, ret, "cannot set up the chip\n");
	for (i = 0; i < ETH_ALEN; i++)
		mac[i] = dm9051_val(dm, par[i]);
	dm->phy_on = !(dm9051_val(dm, gpr) & DAVICOM_GPR_PHY_DOWN);
	dm->imr = DAVICOM_IMR_PAR;
	dm9051_bulk_limits(dm);
	return 0;
}

/*
 * Bulk reads need the RX read pointer followed from a known start, and
 * an empty ring to show MRR equal to RWPA. A chip where they disagree
 * after a reset is read one frame at a time, as mainline reads it.
 */
static void dm9051_rx_mode(struct device *dev, struct dm9051 *dm)
{
	bool single = !dm->bulk_max || dm->mrr != dm->rwpa ||
		      !dm9051_ring_has(dm->mrr);

	if (single && !dm->single && !dm->bulk_max)
		dev_info(dev, "SPI controller limits leave no room for bulk reads: reading one frame at a time\n");
	else if (single && !dm->single)
		dev_info(dev, "RX pointers disagree after reset (MRR %04x, RWPA %04x): reading one frame at a time\n",
			 dm->mrr, dm->rwpa);
	else if (!single && dm->single)
		dev_info(dev, "RX pointers agree again: bulk reads\n");
	dm->single = single;
}

static int dm9051_reset(struct spinet *sn)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int pidl, pidh, ptr[4];
	int ret;

	ret = dm9051_write1(dm, DAVICOM_GPR, 0);
	if (ret)
		return ret;
	if (!dm->phy_on) {
		/* Registers are out of reach for 1 ms after PHY power-up. */
		usleep_range(1000, 2000);
		dm->phy_on = true;
	}
	ret = dm9051_write1(dm, DAVICOM_NCR, DAVICOM_NCR_RST);
	if (ret)
		return ret;
	usleep_range(20, 100);	/* the reset clears itself within 10 us */

	dm->tx_busy = false;
	dm->tx_wait_len = 0;
	dm->rx_fresh = false;
	dm->bulk_head = 0;
	dm->bulk_len = 0;
	dm->imr = DAVICOM_IMR_PAR;
	dm9051_begin(dm);
	dm9051_write(dm, DM9051_MBNDRY, DM9051_MBNDRY_BYTE);
	dm9051_write(dm, DM9051_PPCR, DM9051_PPCR_VALUE);
	dm9051_write(dm, DM9051_LMCR, DM9051_LMCR_VALUE);
	dm9051_write(dm, DM9051_INTCR, dm->intcr);
	dm9051_write(dm, DAVICOM_IMR, dm->imr);
	/* A chip that does not answer reads all ones or all zeroes. */
	pidl = dm9051_read(dm, DAVICOM_PIDL);
	pidh = dm9051_read(dm, DAVICOM_PIDH);
	/* Receive is off: the RX ring is empty, so both pointers agree. */
	ptr[0] = dm9051_read(dm, DM9051_MRRL);
	ptr[1] = dm9051_read(dm, DM9051_MRRH);
	ptr[2] = dm9051_read(dm, DAVICOM_RWPAL);
	ptr[3] = dm9051_read(dm, DAVICOM_RWPAH);
	ret = dm9051_sync(dm);
	if (ret)
		return ret;
	if (dm9051_val16(dm, pidl, pidh) != DM9051_PID)
		return -ENODEV;
	dm->mrr = dm9051_val16(dm, ptr[0], ptr[1]);
	dm->rwpa = dm9051_val16(dm, ptr[2], ptr[3]);
	dm9051_rx_mode(spinet_dev(sn), dm);
	return 0;
}

static int dm9051_set_imr(struct dm9051 *dm, u8 imr)
{
	int ret = dm9051_write1(dm, DAVICOM_IMR, imr);

	if (!ret)
		dm->imr = imr;
	return ret;
}

static int dm9051_start(struct spinet *sn)
{
	return dm9051_set_imr(spinet_chip_priv(sn), DM9051_IMR_RUN);
}

static void dm9051_stop(struct spinet *sn)
{
	struct dm9051 *dm = spinet_chip_priv(sn);

	dm9051_begin(dm);
	dm9051_write(dm, DAVICOM_IMR, DAVICOM_IMR_PAR);
	dm9051_write(dm, DAVICOM_RCR, 0);
	dm9051_write(dm, DAVICOM_GPR, DAVICOM_GPR_PHY_DOWN);
	if (dm9051_sync(dm))
		dev_warn(spinet_dev(sn), "cannot quiesce the chip\n");
	dm->imr = DAVICOM_IMR_PAR;
	dm->phy_on = false;
}

static int dm9051_irq_status(struct spinet *sn, u32 *events)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int rocr = 0, again = 0;
	struct dm9051_look look;
	u8 isr, val;
	int ret;

	*events = 0;
	ret = dm9051_read1(dm, DAVICOM_ISR, &isr);
	if (ret)
		return ret;
	/* Bit 6 does not exist: all ones is a bus that is not there. */
	if (isr == 0xff)
		return -EIO;
	isr &= DAVICOM_ISR_STATUS;
	if (!isr)
		return 0;

	dm9051_begin(dm);
	dm9051_write(dm, DAVICOM_ISR, isr);	/* write 1 to clear */
	if (isr & (DAVICOM_ISR_ROS | DAVICOM_ISR_ROOS))
		rocr = dm9051_read(dm, DAVICOM_ROCR);
	dm9051_look(dm, &look, true);
	if (dm->edge)
		again = dm9051_read(dm, DAVICOM_ISR);
	ret = dm9051_sync(dm);
	if (ret)
		return ret;
	dm9051_looked(dm, &look);
	dm->rx_fresh = true;
	if (rocr) {
		val = dm9051_val(dm, rocr);
		spinet_rx_error(sn, SPINET_RX_ERR_OVER,
				FIELD_GET(DAVICOM_ROCR_COUNT, val) +
				(val & DAVICOM_ROCR_WRAP ? 128 : 0));
		spinet_chip_stat_add(sn, DM9051_STAT_RX_OVERFLOWS, 1);
	}
	/*
	 * An overflow is a cause too: RX memory is full, which is RX work
	 * (irqs_without_cause counts only what the chip did not raise).
	 */
	if ((isr & (DAVICOM_ISR_PRS | DAVICOM_ISR_ROS | DAVICOM_ISR_ROOS)) ||
	    dm->rx_ready != DAVICOM_RX_EMPTY_BYTE)
		*events |= SPINET_EV_RX;
	if (isr & DAVICOM_ISR_PTS)
		*events |= SPINET_EV_TX;
	if (isr & DAVICOM_ISR_LNKCHG)
		*events |= SPINET_EV_LINK;
	if (again && (dm9051_val(dm, again) & dm->imr & DAVICOM_ISR_STATUS))
		*events |= SPINET_EV_AGAIN;
	return 0;
}

static int dm9051_rx_irq(struct spinet *sn, bool enable)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	u8 imr = dm->imr & ~DAVICOM_IMR_PRI;

	return dm9051_set_imr(dm, enable ? imr | DAVICOM_IMR_PRI : imr);
}

/* Count what an error status says about a frame we then skip. */
static void dm9051_rx_bad_status(struct spinet *sn, u8 status)
{
	spinet_rx_error(sn, davicom_rx_status_err(status), 1);
	spinet_chip_stat_add(sn, DM9051_STAT_RX_ERROR_FRAMES, 1);
}

/*
 * Judge the header at @hdr, @avail bytes of ring data from its start (the
 * header included). Return the frame's length with its FCS when a whole
 * frame follows; 0 when the frame is not all there yet; -EAGAIN when it is
 * a frame with an error status, counted, to skip; -EBADMSG when the ring
 * is out of step (counted, and a reset requested).
 */
static int dm9051_rx_judge(struct spinet *sn, const struct davicom_rx_hdr *hdr,
			   unsigned int avail)
{
	enum davicom_rx_verdict v;
	unsigned int len;

	if (avail < sizeof(*hdr))
		return 0;
	v = davicom_rx_check(hdr, DM9051_RX_MAX);
	len = le16_to_cpu(hdr->len);
	switch (v) {
	case DAVICOM_RX_EMPTY:
		return 0;
	case DAVICOM_RX_OK:
		break;
	case DAVICOM_RX_BAD_STATUS:
		/* A whole frame with an error: skip it, the ring is intact. */
		if (len >= ETH_FCS_LEN && len <= DM9051_RX_MAX)
			break;
		fallthrough;
	default:
		/*
		 * An impossible length, or a ready byte that is neither
		 * "frame" nor "empty": the read pointer is out of step.
		 */
		spinet_rx_error(sn, v == DAVICOM_RX_BAD_READY ?
				SPINET_RX_ERR_FRAME : SPINET_RX_ERR_LENGTH, 1);
		spinet_request_reset(sn);
		return -EBADMSG;
	}
	if (avail < sizeof(*hdr) + len)
		return 0;
	if (v == DAVICOM_RX_BAD_STATUS) {
		dm9051_rx_bad_status(sn, hdr->status);
		return -EAGAIN;
	}
	return len;
}

/* Read one frame whose ready byte said 0x01; 1 if read, 0 to stop. */
static int dm9051_rx_one(struct spinet *sn, struct dm9051 *dm)
{
	struct davicom_rx_hdr *hdr;
	struct sk_buff *skb = NULL;
	struct dm9051_look look;
	int len, ret;
	void *dst;

	dm9051_begin(dm);
	hdr = (struct davicom_rx_hdr *)(dm->buf->rx + dm->nrx);
	dm->nrx += sizeof(*hdr);
	dm9051_read_burst(dm, DM9051_MRCMD, hdr, sizeof(*hdr));
	dm9051_write(dm, DAVICOM_ISR, DAVICOM_ISR_MBS);
	ret = dm9051_sync(dm);
	if (ret)
		return ret;
	dm->mrr = dm9051_ring_add(dm->mrr, sizeof(*hdr));

	/* The ready byte said a frame is there: all of it is. */
	len = dm9051_rx_judge(sn, hdr, sizeof(*hdr) + DM9051_RX_MAX);
	if (!len) {
		/* Ready a moment ago, empty now: out of step. */
		spinet_rx_error(sn, SPINET_RX_ERR_FRAME, 1);
		spinet_request_reset(sn);
		return 0;
	}
	if (len == -EBADMSG)
		return 0;	/* counted, and the reset requested */
	if (len > 0)
		skb = spinet_rx_alloc(sn, len);
	else
		len = le16_to_cpu(hdr->len);

	dst = skb ? skb->data : dm->buf->frame;
	dm9051_begin(dm);
	dm9051_read_burst(dm, DM9051_MRCMD, dst, len);
	dm9051_write(dm, DAVICOM_ISR, DAVICOM_ISR_MBS);
	dm9051_look(dm, &look, true);
	ret = dm9051_sync(dm);
	if (ret) {
		dev_kfree_skb_any(skb);
		/* Where the read pointer stopped is unknown now. */
		spinet_request_reset(sn);
		return ret;
	}
	dm->mrr = dm9051_ring_add(dm->mrr, len);
	dm9051_looked(dm, &look);
	if (skb) {
		skb_put(skb, len - ETH_FCS_LEN);
		spinet_rx_frame(sn, skb);
	}
	return 1;
}

/*
 * Hand up to @budget frames from the bulk buffer to the core; set *@n to
 * how many. Return 0, or 1 when the ring is out of step (a reset is
 * requested).
 */
static int dm9051_rx_parse(struct spinet *sn, struct dm9051 *dm,
			   unsigned int budget, unsigned int *n)
{
	const struct davicom_rx_hdr *hdr;
	struct sk_buff *skb;
	int len;

	*n = 0;
	while (*n < budget && dm->bulk_head < dm->bulk_len) {
		hdr = (void *)(dm->buf->bulk + dm->bulk_head);
		len = dm9051_rx_judge(sn, hdr, dm->bulk_len - dm->bulk_head);
		if (len == -EBADMSG) {
			dm->bulk_head = dm->bulk_len;
			return 1;
		}
		if (!len)
			break;	/* the rest of the ring is not a whole frame */
		if (len == -EAGAIN) {
			dm->bulk_head += sizeof(*hdr) + le16_to_cpu(hdr->len);
			continue;
		}
		skb = spinet_rx_alloc(sn, len - ETH_FCS_LEN);
		if (skb) {
			skb_put_data(skb, hdr + 1, len - ETH_FCS_LEN);
			spinet_rx_frame(sn, skb);
			(*n)++;
		}
		dm->bulk_head += sizeof(*hdr) + len;
	}
	return 0;
}

/*
 * Give back to the chip what a bulk read took past the last whole frame:
 * move the read pointer back to that frame's header, and look again.
 */
static int dm9051_rx_rewind(struct spinet *sn, struct dm9051 *dm)
{
	unsigned int back = dm->bulk_len - dm->bulk_head;
	struct dm9051_look look;
	u16 mrr;
	int ret;

	dm->bulk_head = 0;
	dm->bulk_len = 0;
	mrr = dm9051_ring_add(dm->mrr, -(int)back);
	dm9051_begin(dm);
	dm9051_write(dm, DM9051_MRRL, mrr & 0xff);
	dm9051_write(dm, DM9051_MRRH, mrr >> 8);
	dm9051_look(dm, &look, true);
	ret = dm9051_sync(dm);
	if (ret) {
		spinet_request_reset(sn);
		return ret;
	}
	dm->mrr = mrr;
	dm9051_looked(dm, &look);
	spinet_chip_stat_add(sn, DM9051_STAT_RX_REWINDS, 1);
	return 0;
}

/* Read @len bytes of the RX ring, whole frames, into the bulk buffer. */
static int dm9051_rx_bulk(struct spinet *sn, struct dm9051 *dm,
			  unsigned int len)
{
	struct dm9051_look look;
	struct spi_transfer *t;
	unsigned int at, n;
	u8 *cmd;
	int ret;

	dm9051_begin(dm);
	t = dm9051_xfer(dm, true);
	cmd = dm9051_txbytes(dm, 1);
	if (!t)
		return -EINVAL;
	*cmd = DM9051_MRCMD;
	t->tx_buf = cmd;
	t->len = 1;
	/* One chip select: transfers as long as the controller takes. */
	for (at = 0; at < len; at += n) {
		n = min(len - at, dm->xfer_max);
		t = dm9051_xfer(dm, false);
		if (!t)
			break;
		t->rx_buf = dm->buf->bulk + at;
		t->len = n;
	}
	dm9051_write(dm, DAVICOM_ISR, DAVICOM_ISR_MBS);
	dm9051_look(dm, &look, false);
	ret = dm9051_sync(dm);
	if (ret) {
		spinet_request_reset(sn);
		return ret;
	}
	dm->mrr = dm9051_ring_add(dm->mrr, len);
	dm->bulk_head = 0;
	dm->bulk_len = len;
	dm9051_looked(dm, &look);
	spinet_chip_stat_add(sn, DM9051_STAT_RX_BULK_READS, 1);
	return 0;
}

/*
 * Every frame the write pointer says is there comes in one read (a bulk
 * read), is parsed here and handed up within the budget; frames beyond it
 * wait in the bulk buffer for the next call. Where the write pointer
 * cannot be used, frames are read one at a time, header then frame.
 */
static int dm9051_rx(struct spinet *sn, unsigned int budget)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int n = 0, got, avail;
	struct dm9051_look look;
	bool rewound = false;
	int ret;

	if (!dm->rx_fresh && dm->bulk_head == dm->bulk_len) {
		dm9051_begin(dm);
		dm9051_look(dm, &look, true);
		ret = dm9051_sync(dm);
		if (ret)
			return ret;
		dm9051_looked(dm, &look);
	}
	dm->rx_fresh = false;

	while (n < budget) {
		if (dm->bulk_head < dm->bulk_len) {
			if (dm9051_rx_parse(sn, dm, budget - n, &got))
				break;
			n += got;
			if (n == budget)
				break;
			if (dm->bulk_head < dm->bulk_len) {
				ret = dm9051_rx_rewind(sn, dm);
				if (ret)
					return ret;
				/* The next frame alone, or it could loop. */
				rewound = true;
			}
		}
		if (dm->rx_ready == DAVICOM_RX_EMPTY_BYTE)
			break;
		if (dm->rx_ready != DAVICOM_RX_READY_BYTE) {
			spinet_rx_error(sn, SPINET_RX_ERR_FRAME, 1);
			spinet_request_reset(sn);
			break;
		}
		avail = dm9051_ring_has(dm->rwpa) ?
			dm9051_ring_dist(dm->mrr, dm->rwpa) : 0;
		if (dm->single || rewound ||
		    avail <= sizeof(struct davicom_rx_hdr)) {
			rewound = false;
			ret = dm9051_rx_one(sn, dm);
			if (ret < 0)
				return ret;
			if (!ret)
				break;
			n++;
			continue;
		}
		ret = dm9051_rx_bulk(sn, dm, min(avail, dm->bulk_max));
		if (ret)
			return ret;
	}
	return n;
}

/* Queue a transmit request for @len bytes already in TX memory. */
static void dm9051_tx_request(struct dm9051 *dm, unsigned int len)
{
	dm9051_write(dm, DAVICOM_TXPLL, len & 0xff);
	dm9051_write(dm, DAVICOM_TXPLH, len >> 8);
	dm9051_write(dm, DAVICOM_TCR, DAVICOM_TCR_TXREQ);
	dm->tx_busy = true;
}

/* Is the running request done? Reads TCR.TXREQ, which clears when it is. */
static int dm9051_tx_poll(struct dm9051 *dm)
{
	u8 tcr;
	int ret;

	if (!dm->tx_busy)
		return 0;
	ret = dm9051_read1(dm, DAVICOM_TCR, &tcr);
	if (ret)
		return ret;
	dm->tx_busy = tcr & DAVICOM_TCR_TXREQ;
	return dm->tx_busy ? -EBUSY : 0;
}

/*
 * TX memory holds two frames: one the MAC sends while the next is written
 * (as the DM9000 driver does). One request runs at a time. A frame's data
 * goes out in the same message as the request for the frame before it,
 * followed by a read of TCR that tells, once the data is written, whether
 * that request is done; so a frame costs one message while the bus is
 * slower than the wire.
 */
static int dm9051_tx(struct spinet *sn, struct sk_buff *skb)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int tcr = 0, len = skb->len;
	const void *data = skb->data;
	int ret;

	if (len > DM9051_TX_MAX)
		return -EMSGSIZE;
	if (dm->tx_wait_len) {
		ret = dm9051_tx_poll(dm);
		if (ret)
			return ret;
	}
	/* DMA wants aligned buffers on some controllers (Pi 5). */
	if (!IS_ALIGNED((unsigned long)data, 4)) {
		memcpy(dm->buf->frame, data, len);
		data = dm->buf->frame;
	}

	dm9051_begin(dm);
	if (dm->tx_wait_len) {
		dm9051_tx_request(dm, dm->tx_wait_len);
		dm->tx_wait_len = 0;
	}
	dm9051_write_burst(dm, DAVICOM_MWCMD, data, len);
	if (!dm->tx_busy)
		dm9051_tx_request(dm, len);
	else
		tcr = dm9051_read(dm, DAVICOM_TCR);
	ret = dm9051_sync(dm);
	if (ret) {
		/* TX memory pointers are unknown: start again from a reset. */
		spinet_request_reset(sn);
		return ret;
	}
	if (tcr) {
		dm->tx_wait_len = len;
		dm->tx_busy = dm9051_val(dm, tcr) & DAVICOM_TCR_TXREQ;
	}
	return 0;
}

static int dm9051_tx_flush(struct spinet *sn)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	int ret;

	if (!dm->tx_wait_len)
		return 0;
	ret = dm9051_tx_poll(dm);
	if (ret)
		return ret;
	dm9051_begin(dm);
	dm9051_tx_request(dm, dm->tx_wait_len);
	ret = dm9051_sync(dm);
	if (ret) {
		spinet_request_reset(sn);
		return ret;
	}
	dm->tx_wait_len = 0;
	return 0;
}

static int dm9051_set_mac(struct spinet *sn, const u8 *addr)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int i;

	dm9051_begin(dm);
	for (i = 0; i < ETH_ALEN; i++)
		dm9051_write(dm, DAVICOM_PAR + i, addr[i]);
	return dm9051_sync(dm);
}

static int dm9051_set_filter(struct spinet *sn,
			     const struct spinet_rx_filter *f)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	u8 mar[DAVICOM_HASH_BYTES], rcr;
	unsigned int i;

	rcr = davicom_filter(f, mar);
	dm9051_begin(dm);
	for (i = 0; i < DAVICOM_HASH_BYTES; i++)
		dm9051_write(dm, DAVICOM_MAR + i, mar[i]);
	dm9051_write(dm, DAVICOM_RCR, rcr);
	return dm9051_sync(dm);
}

static int dm9051_set_pause(struct spinet *sn, bool rx, bool tx)
{
	return dm9051_write1(spinet_chip_priv(sn), DAVICOM_FCR,
			      davicom_fcr(rx, tx));
}

/* Wait for an EEPROM/PHY operation: EPCR.ERRE clears when it is done. */
static int dm9051_epcr_wait(struct dm9051 *dm)
{
	unsigned int tries;
	u8 epcr;
	int ret;

	for (tries = 0; tries < 100; tries++) {
		ret = dm9051_read1(dm, DAVICOM_EPCR, &epcr);
		if (ret)
			return ret;
		if (!(epcr & DAVICOM_EPCR_ERRE))
			return 0;
		usleep_range(100, 200);
	}
	return -ETIMEDOUT;
}

static int dm9051_mdio_read(struct spinet *sn, int addr, int reg)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int lo, hi;
	int ret;

	if (addr != DM9051_PHY_ADDR || reg > DAVICOM_EPAR_REG)
		return 0xffff;
	dm9051_begin(dm);
	dm9051_write(dm, DAVICOM_EPAR, davicom_epar(DM9051_PHY_ADDR, reg));
	dm9051_write(dm, DAVICOM_EPCR, DAVICOM_EPCR_EPOS | DAVICOM_EPCR_ERPRR);
	ret = dm9051_sync(dm);
	if (!ret)
		ret = dm9051_epcr_wait(dm);
	if (ret)
		return ret;
	dm9051_begin(dm);
	dm9051_write(dm, DAVICOM_EPCR, 0);
	lo = dm9051_read(dm, DAVICOM_EPDRL);
	hi = dm9051_read(dm, DAVICOM_EPDRH);
	ret = dm9051_sync(dm);
	if (ret)
		return ret;
	return dm9051_val16(dm, lo, hi);
}

static int dm9051_mdio_write(struct spinet *sn, int addr, int reg, u16 val)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	int ret;

	if (addr != DM9051_PHY_ADDR || reg > DAVICOM_EPAR_REG)
		return -ENODEV;
	dm9051_begin(dm);
	dm9051_write(dm, DAVICOM_EPAR, davicom_epar(DM9051_PHY_ADDR, reg));
	dm9051_write(dm, DAVICOM_EPDRL, val & 0xff);
	dm9051_write(dm, DAVICOM_EPDRH, val >> 8);
	dm9051_write(dm, DAVICOM_EPCR, DAVICOM_EPCR_EPOS | DAVICOM_EPCR_ERPRW);
	ret = dm9051_sync(dm);
	if (!ret)
		ret = dm9051_epcr_wait(dm);
	if (!ret)
		ret = dm9051_write1(dm, DAVICOM_EPCR, 0);
	return ret;
}

/* Registers safe to read: no read clears anything or moves a pointer. */
static bool dm9051_reg_dumpable(unsigned int reg)
{
	if (reg == DAVICOM_NSR || reg == DAVICOM_ROCR)
		return false;	/* TX-end bits and the counter clear on read */
	return reg <= 0x3f || (reg >= 0x50 && reg <= 0x5f) ||
	       reg == 0x74 || reg == 0x75 || reg >= 0x7a;
}

static int dm9051_get_regs(struct spinet *sn, void *buf)
{
	struct dm9051 *dm = spinet_chip_priv(sn);
	unsigned int at[16], reg = 0, n, i;
	u8 *out = buf, which[16];
	int ret;

	while (reg < DM9051_REGS_LEN) {
		dm9051_begin(dm);
		for (n = 0; n < ARRAY_SIZE(at) && reg < DM9051_REGS_LEN;
		     reg++) {
			if (!dm9051_reg_dumpable(reg))
				continue;
			which[n] = reg;
			at[n++] = dm9051_read(dm, reg);
		}
		if (!n)
			break;
		ret = dm9051_sync(dm);
		if (ret)
			return ret;
		for (i = 0; i < n; i++)
			out[which[i]] = dm9051_val(dm, at[i]);
	}
	return 0;
}

static const struct spinet_chip_ops dm9051_ops = {
	.probe		= dm9051_probe_chip,
	.reset		= dm9051_reset,
	.start		= dm9051_start,
	.stop		= dm9051_stop,
	.irq_status	= dm9051_irq_status,
	.rx		= dm9051_rx,
	.rx_irq		= dm9051_rx_irq,
	.tx		= dm9051_tx,
	.tx_flush	= dm9051_tx_flush,
	.set_mac	= dm9051_set_mac,
	.set_filter	= dm9051_set_filter,
	.set_pause	= dm9051_set_pause,
	.mdio_read	= dm9051_mdio_read,
	.mdio_write	= dm9051_mdio_write,
	.get_regs	= dm9051_get_regs,
};

static const struct spinet_chip dm9051_chip = {
	.name		= "DM9051",
	.ops		= &dm9051_ops,
	.priv_size	= sizeof(struct dm9051),
	.max_mtu	= ETH_DATA_LEN,
	.max_spi_hz	= DM9051_MAX_HZ,
	.phy_addr	= DM9051_PHY_ADDR,
	.regs_len	= DM9051_REGS_LEN,
	.regs_version	= DM9051_PID,
	.n_stats	= DM9051_STAT_NUM,
	.stat_names	= dm9051_stat_names,
};

static const struct of_device_id dm9051_of_match[] = {
	{ .compatible = "davicom,dm9051" },
	{ }
};
MODULE_DEVICE_TABLE(of, dm9051_of_match);

static const struct spi_device_id dm9051_spi_ids[] = {
	{ "dm9051", (kernel_ulong_t)&dm9051_chip },
	{ }
};
MODULE_DEVICE_TABLE(spi, dm9051_spi_ids);

struct spi_driver spinet_dm9051_driver = {
	.driver = {
		.name = "spinet-dm9051",
		.of_match_table = dm9051_of_match,
		.pm = pm_sleep_ptr(&spinet_pm_ops),
	},
	.probe = spinet_spi_probe,
	.remove = spinet_spi_remove,
	.id_table = dm9051_spi_ids,
};
