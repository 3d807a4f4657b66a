// SPDX-License-Identifier: GPL-2.0
/*
 * spinet chip backend: WIZnet W5500, 10/100 Ethernet MAC and PHY on SPI,
 * with socket 0 in MACRAW mode owning all 16 KB of RX and 16 KB of TX
 * buffer memory (the chip's TCP/IP engine is not used).
 *
 * Every access is one SPI frame in its own chip-select cycle: a 16-bit
 * offset, a control byte (block, read/write, variable length) and the
 * data. Frames are gathered into one spi_message per step:
 *  - an interrupt costs one message: read Sn_IR, acknowledge the socket's
 *    interrupt bits, read RX_RSR and TX_RD (which say everything the
 *    acknowledged bits said);
 *  - receive reads as many whole frames as RX_RSR holds (and the budget
 *    allows) in one burst, then returns the space (RX_RD, RECV) and reads
 *    RX_RSR again in a second message: two messages per batch of frames;
 *  - transmit writes a frame while the one before it goes out, and starts
 *    it (TX_WR, SEND) in the same message as the next frame's data.
 *
 * The chip has no MDIO: its PHY is one register, PHYCFGR. This backend
 * presents it to phylib as Clause 22 registers (link, speed and duplex
 * from PHYCFGR; BMCR and the advertisement kept here and written back as
 * PHYCFGR's operating mode), and phylib polls it, as the chip raises no
 * interrupt on a link change. It has no flow control, and no multicast
 * filter: with Sn_MR.MFEN it drops unicast frames for other stations and
 * passes every group frame (the stack drops the ones nobody joined).
 * Documentation/chip-assumptions.md lists what the chip is assumed to do.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/bitfield.h>
#include <linux/cache.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/irq.h>
#include <linux/mii.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spi/spi.h>

#include "spinet.h"
#include "spinet_w5500.h"

/* SPI frame: offset, control = block << 3 | write << 2 | mode (0: VDM) */
#define W5500_HDR_LEN		3
#define W5500_CTRL_WRITE	BIT(2)
#define W5500_BLK_COMMON	0x00
#define W5500_BLK_S0_REGS	0x01
#define W5500_BLK_S0_TX		0x02
#define W5500_BLK_S0_RX		0x03
/* socket n's registers: block 4n + 1 */
#define W5500_BLK_SN_REGS(n)	(4 * (n) + 1)

/* Common registers */
#define W5500_MR		0x00
#define W5500_MR_RST		BIT(7)
#define W5500_SHAR		0x09
#define W5500_IMR		0x16
#define W5500_SIMR		0x18
#define W5500_PHYCFGR		0x2e
#define W5500_PHYCFGR_RST	BIT(7)
#define W5500_PHYCFGR_OPMD	BIT(6)
#define W5500_PHYCFGR_OPMDC	GENMASK(5, 3)
#define W5500_PHYCFGR_DPX	BIT(2)
#define W5500_PHYCFGR_SPD	BIT(1)
#define W5500_PHYCFGR_LNK	BIT(0)
#define W5500_VERSIONR		0x39
#define W5500_VERSION		0x04
#define W5500_COMMON_LEN	0x40

/* PHYCFGR operating modes */
#define W5500_OPMDC_10HD	0
#define W5500_OPMDC_10FD	1
#define W5500_OPMDC_100HD	2
#define W5500_OPMDC_100FD	3
#define W5500_OPMDC_100FD_AN	4
#define W5500_OPMDC_DOWN	6
#define W5500_OPMDC_ALL_AN	7

/* Socket registers */
#define W5500_SN_MR		0x00
#define W5500_SN_MR_MFEN	BIT(7)
#define W5500_SN_MR_MACRAW	0x04
#define W5500_SN_CR		0x01
#define W5500_CR_OPEN		0x01
#define W5500_CR_CLOSE		0x10
#define W5500_CR_SEND		0x20
#define W5500_CR_RECV		0x40
#define W5500_SN_IR		0x02
#define W5500_SN_IR_SEND_OK	BIT(4)
#define W5500_SN_IR_RECV	BIT(2)
#define W5500_SN_IR_ALL		GENMASK(4, 0)
#define W5500_SN_SR		0x03
#define W5500_SR_MACRAW		0x42
#define W5500_SN_RXBUF_SIZE	0x1e
#define W5500_SN_TXBUF_SIZE	0x1f
#define W5500_SN_TX_RD		0x22
#define W5500_SN_TX_WR		0x24
#define W5500_SN_RX_RSR		0x26
#define W5500_SN_RX_RD		0x28
#define W5500_SN_IMR		0x2c
#define W5500_SOCK_LEN		0x30
#define W5500_SOCKETS		8

#define W5500_BUF_KB		16
#define W5500_RING		(W5500_BUF_KB * SZ_1K)
#define W5500_RX_HDR		2
/* Stored frames: 60 to 1514 bytes, no FCS, no VLAN tag room */
#define W5500_FRAME_MIN		ETH_ZLEN
#define W5500_FRAME_MAX		ETH_FRAME_LEN
#define W5500_MAX_HZ		80000000
#define W5500_PHY_ADDR		0
#define W5500_REGS_LEN		(W5500_COMMON_LEN + W5500_SOCK_LEN)
/* Chip select high between frames in a message: no source says. */
#define W5500_CS_IDLE_NS	40
#define W5500_RESET_TRIES	20

#define W5500_XFERS		48
#define W5500_TXBUF		128
#define W5500_RXBUF		32
/* one batch: at most the whole ring */
#define W5500_RX_BULK		W5500_RING

#define W5500_IMR_RUN		(W5500_SN_IR_SEND_OK | W5500_SN_IR_RECV)

enum {
	W5500_STAT_RX_BAD_LENGTH,
	W5500_STAT_RX_REOPEN,
	W5500_STAT_NUM
};

static const char w5500_stat_names[W5500_STAT_NUM][ETH_GSTRING_LEN] = {
	[W5500_STAT_RX_BAD_LENGTH] = "chip_rx_bad_lengths",
	[W5500_STAT_RX_REOPEN] = "chip_socket_reopens",
};

/*
 * Buffers the SPI controller may map for DMA: never on the stack, and the
 * ones it writes (rx, ring) on cache lines of their own.
 */
struct w5500_bufs {
	u8 tx[W5500_TXBUF];
	u8 rx[W5500_RXBUF] ____cacheline_aligned;
	u8 frame[W5500_FRAME_MAX] ____cacheline_aligned;
	u8 ring[W5500_RX_BULK] ____cacheline_aligned;
};

/**
 * struct w5500 - the chip's state; the bus owner's only (spinet.h)
 * @spi: the SPI device
 * @buf: DMA-safe buffers
 * @msg: the message being built
 * @xfer: its transfers
 * @nxfer: transfers used
 * @ntx: bytes of @buf->tx used
 * @nrx: bytes of @buf->rx used
 * @overrun: the message outgrew @xfer or a buffer: a driver bug
 * @sn_mr: Sn_MR the socket was opened with
 * @imr: Sn_IMR as last written
 * @rx_rd: where the next frame starts in the RX ring (RX_RD)
 * @rx_rsr: bytes waiting in the RX ring, from the last read of RX_RSR
 * @rx_fresh: @rx_rsr was read in this pass
 * @tx_wr: end of what was written to the TX ring
 * @tx_end: TX_WR of the SEND that runs (the frame is out when TX_RD is
 *	there)
 * @tx_busy: a SEND may still run
 * @tx_wait_len: length of a frame written and not yet sent, or 0
 * @phycfgr: PHYCFGR as last written
 * @bmcr: the Clause 22 control register phylib sees
 * @anar: the advertisement phylib sees
 */
struct w5500 {
	struct spi_device *spi;
	struct w5500_bufs *buf;
	struct spi_message msg;
	struct spi_transfer xfer[W5500_XFERS];
	unsigned int nxfer;
	unsigned int ntx;
	unsigned int nrx;
	bool overrun;
	u8 sn_mr;
	u8 imr;
	u16 rx_rd;
	unsigned int rx_rsr;
	bool rx_fresh;
	u16 tx_wr;
	u16 tx_end;
	bool tx_busy;
	unsigned int tx_wait_len;
	u8 phycfgr;
	u16 bmcr;
	u16 anar;
};

static void w5500_begin(struct w5500 *w)
{
	w->nxfer = 0;
	w->ntx = 0;
	w->nrx = 0;
	w->overrun = false;
}

static struct spi_transfer *w5500_xfer(struct w5500 *w)
{
	if (w->nxfer >= W5500_XFERS) {
		w->overrun = true;
		return NULL;
	}
	return memset(&w->xfer[w->nxfer++], 0, sizeof(struct spi_transfer));
}

/*
 * One frame: header (offset @off in block @blk), then @len data bytes
 * from @src (a write) or into @dst (a read), in its own chip select.
 */
static void w5500_frame(struct w5500 *w, u8 blk, u16 off, const void *src,
			void *dst, unsigned int len)
{
	struct spi_transfer *t;
	u8 *hdr;

	if (w->ntx + W5500_HDR_LEN > W5500_TXBUF) {
		w->overrun = true;
		return;
	}
	if (w->nxfer) {
		t = &w->xfer[w->nxfer - 1];
		t->cs_change = 1;
		t->cs_change_delay.value = W5500_CS_IDLE_NS;
		t->cs_change_delay.unit = SPI_DELAY_UNIT_NSECS;
	}
	hdr = w->buf->tx + w->ntx;
	w->ntx += W5500_HDR_LEN;
	hdr[0] = off >> 8;
	hdr[1] = off;
	hdr[2] = blk << 3 | (src ? W5500_CTRL_WRITE : 0);
	t = w5500_xfer(w);
	if (!t)
		return;
	t->tx_buf = hdr;
	t->len = W5500_HDR_LEN;
	t = w5500_xfer(w);
	if (!t)
		return;
	t->tx_buf = src;
	t->rx_buf = dst;
	t->len = len;
}

/* Write @len bytes (at most 4) given as a big-endian value. */
static void w5500_write(struct w5500 *w, u8 blk, u16 off, u32 val,
			unsigned int len)
{
	u8 *data = w->buf->tx + w->ntx;
	unsigned int i;

	if (w->ntx + len > W5500_TXBUF) {
		w->overrun = true;
		return;
	}
	w->ntx += len;
	for (i = 0; i < len; i++)
		data[i] = val >> (8 * (len - 1 - i));
	w5500_frame(w, blk, off, data, NULL, len);
}

/* Queue a read of @len bytes; returns where they will be in buf->rx. */
static unsigned int w5500_read(struct w5500 *w, u8 blk, u16 off,
			       unsigned int len)
{
	unsigned int at = w->nrx;

	if (w->nrx + len > W5500_RXBUF) {
		w->overrun = true;
		return 0;
	}
	w->nrx += len;
	w5500_frame(w, blk, off, NULL, w->buf->rx + at, len);
	return at;
}

static int w5500_sync(struct w5500 *w)
{
	if (WARN_ON_ONCE(w->overrun || !w->nxfer))
		return -EINVAL;
	w->xfer[w->nxfer - 1].cs_change = 0;
	spi_message_init_with_transfers(&w->msg, w->xfer, w->nxfer);
	return spi_sync(w->spi, &w->msg);
}

/* The chip's 16-bit values are big-endian, at any byte offset. */
static u16 w5500_be16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static u8 w5500_val8(struct w5500 *w, unsigned int at)
{
	return w->buf->rx[at];
}

static u16 w5500_val16(struct w5500 *w, unsigned int at)
{
	return w5500_be16(&w->buf->rx[at]);
}

static int w5500_read1(struct w5500 *w, u8 blk, u16 off, u8 *val)
{
	unsigned int at;
	int ret;

	w5500_begin(w);
	at = w5500_read(w, blk, off, 1);
	ret = w5500_sync(w);
	*val = w5500_val8(w, at);
	return ret;
}

static int w5500_write1(struct w5500 *w, u8 blk, u16 off, u8 val)
{
	w5500_begin(w);
	w5500_write(w, blk, off, val, 1);
	return w5500_sync(w);
}

/*
 * Ring data at ring offset @pos (wrapping at the ring's end), as one or two
 * frames: the chip wraps a burst itself, but no source says so for sure.
 */
static void w5500_ring(struct w5500 *w, u8 blk, u16 pos, const void *src,
		       void *dst, unsigned int len)
{
	unsigned int off = pos % W5500_RING;
	unsigned int first = min_t(unsigned int, len, W5500_RING - off);

	w5500_frame(w, blk, off, src, dst, first);
	if (first < len)
		w5500_frame(w, blk, 0, src ? src + first : NULL,
			    dst ? dst + first : NULL, len - first);
}

/* PHYCFGR's operating mode for what phylib asked (BMCR, advertisement). */
static u8 w5500_phy_mode(const struct w5500 *w)
{
	u16 bmcr = w->bmcr;
	unsigned int mode;

	if (bmcr & BMCR_PDOWN)
		mode = W5500_OPMDC_DOWN;
	else if ((bmcr & BMCR_ANENABLE) &&
		 (w->anar & ADVERTISE_ALL) == ADVERTISE_100FULL)
		mode = W5500_OPMDC_100FD_AN;
	else if (bmcr & BMCR_ANENABLE)
		mode = W5500_OPMDC_ALL_AN;
	else if (bmcr & BMCR_SPEED100)
		mode = bmcr & BMCR_FULLDPLX ? W5500_OPMDC_100FD :
					      W5500_OPMDC_100HD;
	else
		mode = bmcr & BMCR_FULLDPLX ? W5500_OPMDC_10FD :
					      W5500_OPMDC_10HD;
	return W5500_PHYCFGR_RST | W5500_PHYCFGR_OPMD |
	       FIELD_PREP(W5500_PHYCFGR_OPMDC, mode);
}

/* Program the PHY's mode; @restart resets the PHY, which negotiates anew. */
static int w5500_phy_apply(struct w5500 *w, u8 cfg, bool restart)
{
	int ret;

	if (cfg == w->phycfgr && !restart)
		return 0;
	w5500_begin(w);
	if (restart)
		w5500_write(w, W5500_BLK_COMMON, W5500_PHYCFGR,
			    cfg & ~W5500_PHYCFGR_RST, 1);
	w5500_write(w, W5500_BLK_COMMON, W5500_PHYCFGR, cfg, 1);
	ret = w5500_sync(w);
	if (!ret)
		w->phycfgr = cfg;
	return ret;
}

static int w5500_probe_chip(struct spinet *sn, u8 *mac)
{
	struct w5500 *w = spinet_chip_priv(sn);
	struct device *dev = spinet_dev(sn);
	unsigned int tries;
	u8 version = 0;
	int ret;

	w->spi = to_spi_device(dev);
	w->buf = devm_kzalloc(dev, sizeof(*w->buf), GFP_KERNEL);
	if (!w->buf)
		return -ENOMEM;
	/* Some units read 0 for a moment after reset: ask a few times. */
	for (tries = 0; tries < 3 && version != W5500_VERSION; tries++) {
		ret = w5500_read1(w, W5500_BLK_COMMON, W5500_VERSIONR,
				  &version);
		if (ret)
			return dev_err_probe(dev, ret,
					     "cannot read VERSIONR over SPI\n");
	}
	if (version != W5500_VERSION) {
		dev_err(dev, "VERSIONR %02x is not a W5500 (%02x): check wiring, chip select and SPI mode\n",
			version, W5500_VERSION);
		return -ENODEV;
	}
	if (irq_get_trigger_type(w->spi->irq) &
	    (IRQ_TYPE_LEVEL_HIGH | IRQ_TYPE_EDGE_RISING))
		dev_warn(dev, "the W5500's INTn is active low: a level-high or rising-edge interrupt will not work\n");

	/* Interrupts masked, PHY powered down; the chip holds no address. */
	w->bmcr = BMCR_ANENABLE;
	w->anar = ADVERTISE_ALL | ADVERTISE_CSMA;
	w5500_begin(w);
	w5500_write(w, W5500_BLK_COMMON, W5500_SIMR, 0, 1);
	w5500_write(w, W5500_BLK_COMMON, W5500_IMR, 0, 1);
	w->phycfgr = W5500_PHYCFGR_RST | W5500_PHYCFGR_OPMD |
		     FIELD_PREP(W5500_PHYCFGR_OPMDC, W5500_OPMDC_DOWN);
	w5500_write(w, W5500_BLK_COMMON, W5500_PHYCFGR, w->phycfgr, 1);
	ret = w5500_sync(w);
	if (ret)
		return dev_err_probe(dev, ret, "cannot set up the chip\n");
	eth_zero_addr(mac);
	return 0;
}

/*
 * Open socket 0 in MACRAW mode with Sn_MR @mr. OPEN initialises the ring
 * pointers to a value no source gives: they are read, not assumed.
 */
static int w5500_open_socket(struct w5500 *w, u8 mr)
{
	unsigned int sr, rxrd, txwr;
	int ret;

	w5500_begin(w);
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_CR, W5500_CR_CLOSE, 1);
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_MR, mr, 1);
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_CR, W5500_CR_OPEN, 1);
	sr = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_SR, 1);
	rxrd = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_RX_RD, 2);
	txwr = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_TX_WR, 2);
	ret = w5500_sync(w);
	if (ret)
		return ret;
	if (w5500_val8(w, sr) != W5500_SR_MACRAW)
		return -EIO;
	w->sn_mr = mr;
	w->rx_rd = w5500_val16(w, rxrd);
	w->rx_rsr = 0;
	w->rx_fresh = false;
	w->tx_wr = w5500_val16(w, txwr);
	w->tx_end = w->tx_wr;
	w->tx_busy = false;
	w->tx_wait_len = 0;
	return 0;
}

static int w5500_reset(struct spinet *sn)
{
	struct w5500 *w = spinet_chip_priv(sn);
	unsigned int s, tries, version;
	u8 mr;
	int ret;

	ret = w5500_write1(w, W5500_BLK_COMMON, W5500_MR, W5500_MR_RST);
	if (ret)
		return ret;
	for (tries = 0; tries < W5500_RESET_TRIES; tries++) {
		usleep_range(100, 200);
		ret = w5500_read1(w, W5500_BLK_COMMON, W5500_MR, &mr);
		if (ret)
			return ret;
		if (!(mr & W5500_MR_RST))
			break;
	}
	if (tries == W5500_RESET_TRIES)
		return -ETIMEDOUT;

	w->imr = W5500_IMR_RUN;
	w5500_begin(w);
	w5500_write(w, W5500_BLK_COMMON, W5500_SIMR, 0, 1);
	for (s = 0; s < W5500_SOCKETS; s++) {
		u8 kb = s ? 0 : W5500_BUF_KB, blk = W5500_BLK_SN_REGS(s);

		w5500_write(w, blk, W5500_SN_RXBUF_SIZE, kb, 1);
		w5500_write(w, blk, W5500_SN_TXBUF_SIZE, kb, 1);
	}
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_IMR, w->imr, 1);
	/* A chip that does not answer reads all ones or all zeroes. */
	version = w5500_read(w, W5500_BLK_COMMON, W5500_VERSIONR, 1);
	ret = w5500_sync(w);
	if (ret)
		return ret;
	if (w5500_val8(w, version) != W5500_VERSION) {
		/* once more: it may read 0 just after the reset */
		ret = w5500_read1(w, W5500_BLK_COMMON, W5500_VERSIONR, &mr);
		if (ret)
			return ret;
		if (mr != W5500_VERSION)
			return -ENODEV;
	}
	/* The PHY kept its mode through the reset: power it up. */
	ret = w5500_phy_apply(w, w5500_phy_mode(w), false);
	if (ret)
		return ret;
	/* Closed until set_filter opens it with the filter. */
	w->sn_mr = 0;
	return 0;
}

static int w5500_start(struct spinet *sn)
{
	return w5500_write1(spinet_chip_priv(sn), W5500_BLK_COMMON,
			    W5500_SIMR, BIT(0));
}

static void w5500_stop(struct spinet *sn)
{
	struct w5500 *w = spinet_chip_priv(sn);

	w5500_begin(w);
	w5500_write(w, W5500_BLK_COMMON, W5500_SIMR, 0, 1);
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_CR, W5500_CR_CLOSE, 1);
	w->phycfgr = W5500_PHYCFGR_RST | W5500_PHYCFGR_OPMD |
		     FIELD_PREP(W5500_PHYCFGR_OPMDC, W5500_OPMDC_DOWN);
	w5500_write(w, W5500_BLK_COMMON, W5500_PHYCFGR, w->phycfgr, 1);
	if (w5500_sync(w))
		dev_warn(spinet_dev(sn), "cannot quiesce the chip\n");
	w->sn_mr = 0;
}

/*
 * RX_RSR counts the bytes in a 16 KB ring: more is a bus that lies. Count
 * it and have the chip reset.
 */
static bool w5500_rsr_ok(struct spinet *sn, unsigned int rsr)
{
	if (rsr <= W5500_RING)
		return true;
	spinet_rx_error(sn, SPINET_RX_ERR_LENGTH, 1);
	spinet_chip_stat_add(sn, W5500_STAT_RX_BAD_LENGTH, 1);
	spinet_request_reset(sn);
	return false;
}

static int w5500_irq_status(struct spinet *sn, u32 *events)
{
	struct w5500 *w = spinet_chip_priv(sn);
	unsigned int ir, rsr, txrd;
	u8 val;
	int ret;

	*events = 0;
	/*
	 * Acknowledge every socket bit after reading them: RX_RSR and TX_RD,
	 * read after the acknowledgment, tell whatever a bit set meanwhile
	 * would have.
	 */
	w5500_begin(w);
	ir = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_IR, 1);
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_IR, W5500_SN_IR_ALL, 1);
	rsr = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_RX_RSR, 2);
	txrd = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_TX_RD, 2);
	ret = w5500_sync(w);
	if (ret)
		return ret;
	val = w5500_val8(w, ir);
	/* Bits 7:5 do not exist: all ones is a bus that is not there. */
	if (val == 0xff)
		return -EIO;
	w->rx_rsr = w5500_val16(w, rsr);
	if (!w5500_rsr_ok(sn, w->rx_rsr))
		w->rx_rsr = 0;
	w->rx_fresh = true;
	if (w->rx_rsr)
		*events |= SPINET_EV_RX;
	if (w->tx_busy && w5500_val16(w, txrd) == w->tx_end) {
		w->tx_busy = false;
		*events |= SPINET_EV_TX;
	}
	/* A cause seen by an earlier status read is a cause all the same. */
	if (val & W5500_SN_IR_RECV)
		*events |= SPINET_EV_RX;
	if (val & W5500_SN_IR_SEND_OK)
		*events |= SPINET_EV_TX;
	return 0;
}

static int w5500_rx_irq(struct spinet *sn, bool enable)
{
	struct w5500 *w = spinet_chip_priv(sn);
	u8 imr = enable ? W5500_IMR_RUN : W5500_SN_IR_SEND_OK;
	int ret;

	ret = w5500_write1(w, W5500_BLK_S0_REGS, W5500_SN_IMR, imr);
	if (!ret)
		w->imr = imr;
	return ret;
}

/* A length field that makes no sense: count it, start the chip again. */
static void w5500_rx_bad(struct spinet *sn, unsigned int hdr)
{
	netdev_warn_once(spinet_netdev(sn),
			 "RX length field %u is impossible, resetting the chip\n",
			 hdr);
	spinet_rx_error(sn, SPINET_RX_ERR_LENGTH, 1);
	spinet_chip_stat_add(sn, W5500_STAT_RX_BAD_LENGTH, 1);
	spinet_request_reset(sn);
}

/*
 * Hand up the frames in buf->ring (@len bytes read at the ring's read
 * pointer), at most @budget. Return: the bytes they used, or -EINVAL on a
 * length that makes no sense. *@n counts the frames.
 */
static int w5500_rx_parse(struct spinet *sn, struct w5500 *w,
			  unsigned int len, unsigned int budget,
			  unsigned int *n)
{
	unsigned int pos = 0, hdr, flen;
	struct sk_buff *skb;

	while (*n < budget && pos + W5500_RX_HDR <= len) {
		hdr = w5500_be16(w->buf->ring + pos);
		flen = hdr - W5500_RX_HDR;
		if (hdr < W5500_RX_HDR + W5500_FRAME_MIN ||
		    flen > W5500_FRAME_MAX) {
			w5500_rx_bad(sn, hdr);
			return -EINVAL;
		}
		/* not all read (or not all stored yet): next time */
		if (pos + hdr > len)
			break;
		skb = spinet_rx_alloc(sn, flen);
		if (skb) {
			skb_put_data(skb, w->buf->ring + pos + W5500_RX_HDR,
				     flen);
			spinet_rx_frame(sn, skb);
		}
		pos += hdr;
		(*n)++;
	}
	return pos;
}

static int w5500_rx(struct spinet *sn, unsigned int budget)
{
	struct w5500 *w = spinet_chip_priv(sn);
	unsigned int n = 0, len, rsr;
	int ret, used;

	if (!w->rx_fresh) {
		w5500_begin(w);
		rsr = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_RX_RSR, 2);
		ret = w5500_sync(w);
		if (ret)
			return ret;
		w->rx_rsr = w5500_val16(w, rsr);
		if (!w5500_rsr_ok(sn, w->rx_rsr))
			return 0;
	}
	w->rx_fresh = false;

	while (n < budget && w->rx_rsr) {
		/* Never more than the budget's worth of whole frames. */
		len = min3(w->rx_rsr, (unsigned int)W5500_RX_BULK,
			   (budget - n) * (W5500_RX_HDR + W5500_FRAME_MAX));
		w5500_begin(w);
		w5500_ring(w, W5500_BLK_S0_RX, w->rx_rd, NULL, w->buf->ring,
			   len);
		ret = w5500_sync(w);
		if (ret)
			return ret;
		used = w5500_rx_parse(sn, w, len, budget, &n);
		if (used <= 0)
			break;	/* a bad length: the reset is on its way */

		/* Give the space back, and see what came meanwhile. */
		w->rx_rd += used;
		w5500_begin(w);
		w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_RX_RD, w->rx_rd, 2);
		w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_CR, W5500_CR_RECV,
			    1);
		rsr = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_RX_RSR, 2);
		ret = w5500_sync(w);
		if (ret) {
			/* Whether RECV happened is unknown now. */
			spinet_request_reset(sn);
			return ret;
		}
		w->rx_rsr = w5500_val16(w, rsr);
		if (!w5500_rsr_ok(sn, w->rx_rsr))
			break;
	}
	return n;
}

/* Queue a SEND of the @len bytes before w->tx_wr in the TX ring. */
static void w5500_send(struct w5500 *w, u16 end)
{
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_TX_WR, end, 2);
	w5500_write(w, W5500_BLK_S0_REGS, W5500_SN_CR, W5500_CR_SEND, 1);
	w->tx_end = end;
	w->tx_busy = true;
}

/* Is the running SEND done? TX_RD reaches its TX_WR when the frame left. */
static int w5500_tx_poll(struct w5500 *w)
{
	unsigned int at;
	int ret;

	if (!w->tx_busy)
		return 0;
	w5500_begin(w);
	at = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_TX_RD, 2);
	ret = w5500_sync(w);
	if (ret)
		return ret;
	w->tx_busy = w5500_val16(w, at) != w->tx_end;
	return w->tx_busy ? -EBUSY : 0;
}

/*
 * One SEND runs at a time, and the 16 KB ring holds the frame going out
 * and the next one: a frame's data goes out in the same message as the
 * SEND of the frame before it, followed by a read of TX_RD that tells
 * whether that SEND is done; so a frame costs one message while the bus is
 * slower than the wire.
 */
static int w5500_tx(struct spinet *sn, struct sk_buff *skb)
{
	struct w5500 *w = spinet_chip_priv(sn);
	unsigned int txrd = 0, len = skb->len;
	const void *data = skb->data;
	bool polled = false;
	int ret;

	if (len > W5500_FRAME_MAX)
		return -EMSGSIZE;
	if (w->tx_wait_len) {
		ret = w5500_tx_poll(w);
		if (ret)
			return ret;
	}
	/* DMA wants aligned buffers on some controllers (Pi 5). */
	if (!IS_ALIGNED((unsigned long)data, 4)) {
		memcpy(w->buf->frame, data, len);
		data = w->buf->frame;
	}

	w5500_begin(w);
	if (w->tx_wait_len) {
		w5500_send(w, w->tx_wr);
		w->tx_wait_len = 0;
	}
	w5500_ring(w, W5500_BLK_S0_TX, w->tx_wr, data, NULL, len);
	if (!w->tx_busy) {
		w5500_send(w, w->tx_wr + len);
	} else {
		txrd = w5500_read(w, W5500_BLK_S0_REGS, W5500_SN_TX_RD, 2);
		polled = true;
	}
	ret = w5500_sync(w);
	if (ret) {
		/* The ring pointers are unknown: start again from a reset. */
		spinet_request_reset(sn);
		return ret;
	}
	w->tx_wr += len;
	if (polled) {
		w->tx_wait_len = len;
		w->tx_busy = w5500_val16(w, txrd) != w->tx_end;
	}
	return 0;
}

static int w5500_tx_flush(struct spinet *sn)
{
	struct w5500 *w = spinet_chip_priv(sn);
	int ret;

	if (!w->tx_wait_len)
		return 0;
	ret = w5500_tx_poll(w);
	if (ret)
		return ret;
	w5500_begin(w);
	w5500_send(w, w->tx_wr);
	ret = w5500_sync(w);
	if (ret) {
		spinet_request_reset(sn);
		return ret;
	}
	w->tx_wait_len = 0;
	return 0;
}

static int w5500_set_mac(struct spinet *sn, const u8 *addr)
{
	struct w5500 *w = spinet_chip_priv(sn);
	u8 *data = w->buf->tx;

	w5500_begin(w);
	w->ntx = ETH_ALEN;
	ether_addr_copy(data, addr);
	w5500_frame(w, W5500_BLK_COMMON, W5500_SHAR, data, NULL, ETH_ALEN);
	return w5500_sync(w);
}

/*
 * MFEN is the only filter: off for promiscuous mode. Group frames always
 * pass (no multicast filter in MACRAW), so all-multi and the multicast
 * list need nothing. Changing Sn_MR takes a new OPEN, which empties both
 * rings: frames in them are lost, as on every filter change of the
 * mainline driver.
 */
static int w5500_set_filter(struct spinet *sn,
			    const struct spinet_rx_filter *f)
{
	struct w5500 *w = spinet_chip_priv(sn);
	u8 mr = W5500_SN_MR_MACRAW | (f->promisc ? 0 : W5500_SN_MR_MFEN);

	if (mr == w->sn_mr)
		return 0;
	if (w->sn_mr)
		spinet_chip_stat_add(sn, W5500_STAT_RX_REOPEN, 1);
	return w5500_open_socket(w, mr);
}

static int w5500_mdio_read(struct spinet *sn, int addr, int reg)
{
	struct w5500 *w = spinet_chip_priv(sn);
	u16 lpa, bmsr;
	u8 cfg;
	int ret;

	if (addr != W5500_PHY_ADDR)
		return 0xffff;
	switch (reg) {
	case MII_BMCR:
		return w->bmcr;
	case MII_ADVERTISE:
		return w->anar;
	case MII_BMSR:
	case MII_LPA:
		break;
	default:
		return 0;	/* no ID registers: phylib's generic driver */
	}
	ret = w5500_read1(w, W5500_BLK_COMMON, W5500_PHYCFGR, &cfg);
	if (ret)
		return ret;
	bmsr = BMSR_100FULL | BMSR_100HALF | BMSR_10FULL | BMSR_10HALF |
	       BMSR_ANEGCAPABLE;
	if (cfg & W5500_PHYCFGR_LNK) {
		bmsr |= BMSR_LSTATUS;
		if (w->bmcr & BMCR_ANENABLE)
			bmsr |= BMSR_ANEGCOMPLETE;
	}
	if (reg == MII_BMSR)
		return bmsr;
	/* The partner as the resolved mode shows it: phylib resolves that. */
	if (!(cfg & W5500_PHYCFGR_LNK) || !(w->bmcr & BMCR_ANENABLE))
		return 0;
	if (cfg & W5500_PHYCFGR_SPD)
		lpa = cfg & W5500_PHYCFGR_DPX ? LPA_100FULL : LPA_100HALF;
	else
		lpa = cfg & W5500_PHYCFGR_DPX ? LPA_10FULL : LPA_10HALF;
	return lpa | LPA_LPACK | ADVERTISE_CSMA;
}

static int w5500_mdio_write(struct spinet *sn, int addr, int reg, u16 val)
{
	struct w5500 *w = spinet_chip_priv(sn);

	if (addr != W5500_PHY_ADDR)
		return -ENODEV;
	switch (reg) {
	case MII_BMCR:
		/* A reset finishes at once; it and a restart negotiate anew. */
		w->bmcr = val & (BMCR_ANENABLE | BMCR_SPEED100 |
				 BMCR_FULLDPLX | BMCR_PDOWN);
		if (val & BMCR_RESET)
			w->bmcr = BMCR_ANENABLE;
		return w5500_phy_apply(w, w5500_phy_mode(w),
				       val & BMCR_ANRESTART);
	case MII_ADVERTISE:
		w->anar = val;
		return 0;
	default:
		return 0;
	}
}

static int w5500_get_regs(struct spinet *sn, void *buf)
{
	struct w5500 *w = spinet_chip_priv(sn);

	/* Nothing in either block changes when read. */
	w5500_begin(w);
	w5500_frame(w, W5500_BLK_COMMON, 0, NULL, w->buf->ring,
		    W5500_COMMON_LEN);
	w5500_frame(w, W5500_BLK_S0_REGS, 0, NULL,
		    w->buf->ring + W5500_COMMON_LEN, W5500_SOCK_LEN);
	if (w5500_sync(w))
		return -EIO;
	memcpy(buf, w->buf->ring, W5500_REGS_LEN);
	return 0;
}

static const struct spinet_chip_ops w5500_ops = {
	.probe		= w5500_probe_chip,
	.reset		= w5500_reset,
	.start		= w5500_start,
	.stop		= w5500_stop,
	.irq_status	= w5500_irq_status,
	.rx		= w5500_rx,
	.rx_irq		= w5500_rx_irq,
	.tx		= w5500_tx,
	.tx_flush	= w5500_tx_flush,
	.set_mac	= w5500_set_mac,
	.set_filter	= w5500_set_filter,
	.mdio_read	= w5500_mdio_read,
	.mdio_write	= w5500_mdio_write,
	.get_regs	= w5500_get_regs,
};

static const struct spinet_chip w5500_chip = {
	.name		= "W5500",
	.ops		= &w5500_ops,
	.priv_size	= sizeof(struct w5500),
	.max_mtu	= ETH_DATA_LEN,
	.max_spi_hz	= W5500_MAX_HZ,
	.phy_addr	= W5500_PHY_ADDR,
	.link_poll	= true,
	.regs_len	= W5500_REGS_LEN,
	.regs_version	= W5500_VERSION,
	.n_stats	= W5500_STAT_NUM,
	.stat_names	= w5500_stat_names,
};

static const struct of_device_id w5500_of_match[] = {
	{ .compatible = "wiznet,w5500" },
	{ }
};
MODULE_DEVICE_TABLE(of, w5500_of_match);

static const struct spi_device_id w5500_spi_ids[] = {
	{ "w5500", (kernel_ulong_t)&w5500_chip },
	{ }
};
MODULE_DEVICE_TABLE(spi, w5500_spi_ids);

struct spi_driver spinet_w5500_driver = {
	.driver = {
		.name = "spinet-w5500",
		.of_match_table = w5500_of_match,
		.pm = pm_sleep_ptr(&spinet_pm_ops),
	},
	.probe = spinet_spi_probe,
	.remove = spinet_spi_remove,
	.id_table = w5500_spi_ids,
};
