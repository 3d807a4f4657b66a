// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: a model of the WIZnet W5500 SPI Ethernet
 * controller with socket 0 in MACRAW mode, written from the chip notes
 * (w5500.md) so that both the mainline w5100-spi driver and spinet work
 * against it.
 * Each data byte also tells the host which data path it used
 * (w5_sock0_path(), &emu_chip.path), for the per-path SPI counters.
 *
 * Choices where the notes say [UNK], [INF] or [MEM]
 * (Documentation/emulator.md):
 *  - SPI: MISO is 0x00 during the three header bytes and during writes. In
 *    variable-length mode (OM 00) the offset increments per data byte for
 *    as long as chip select stays low; in the fixed modes (OM 01/10/11)
 *    the next header starts after 1, 2 or 4 data bytes. A reserved block
 *    (4n for socket n > 0, or above 31) reads 0 and ignores writes, and
 *    each such frame counts one SPI error; so does an xfer while
 *    deselected (which reads 0xff). Register offsets past a block's end
 *    read 0 and ignore writes.
 *  - Socket buffers: socket n's TX and RX memory start after the memory of
 *    sockets 0..n-1 (Sn_TXBUF_SIZE / Sn_RXBUF_SIZE KB: 0, 1, 2, 4, 8 or
 *    16; other values count as 0; a socket whose memory would pass 16 KB
 *    has none). Inside a buffer block the offset is taken modulo the
 *    socket's buffer size, so a burst wraps at the end of the buffer.
 *    A socket without memory reads 0.
 *  - Reset values: MR 0, SHAR 0 (the chip has no EEPROM: &emu_chip.mac is
 *    not used), RTR 0x07d0, RCR 0x08, PHYCFGR 0xb8 (RST, strap mode "all
 *    capable, auto-negotiation") plus the live status bits, VERSIONR 0x04,
 *    Sn_RXBUF_SIZE = Sn_TXBUF_SIZE = 2, Sn_IMR 0xff, all else 0. MR.RST
 *    completes at once and resets every register and socket except
 *    PHYCFGR (the PHY keeps its mode and its link); buffer memory is not
 *    cleared.
 *  - Sn_CR reads 0 as soon as it is written (the command is done).
 *    Socket 0 only: OPEN with Sn_MR protocol MACRAW opens it (SR 0x42)
 *    and sets TX_RD, TX_WR, RX_RD and RX_WR to 0; OPEN with any other
 *    protocol, and CLOSE, leave it closed (SR 0). SEND sends TX_RD..TX_WR
 *    as one frame; RECV makes the space up to RX_RD free. Sockets 1-7
 *    store their registers and run no command.
 *  - TX: SEND on a closed socket is ignored. SEND while a frame is still
 *    going out is ignored and counted in tx_rejected (one frame at a time).
 *    Frames shorter than 60 bytes are padded with zeroes; longer than 1514
 *    are cut to 1514 (no jumbo frames); an empty SEND completes at once
 *    with no frame. TX_RD moves to the TX_WR of the SEND when the frame
 *    has left, so TX_FSR grows back only then; SEND_OK is set then too.
 *    With the link down a SEND completes at once and puts nothing on the
 *    wire. &emu_faults.tx_stuck: SEND is accepted and never completes.
 *  - RX: checks in this order: socket not open in MACRAW or link down ->
 *    disabled; bad FCS -> crc; shorter than 60 -> runt; longer than 1514
 *    -> long; the filter; room (2 + length bytes free: the RX ring size
 *    minus RX_WR - RX_RD as of the last RECV) -> full. The filter: MIP6B
 *    drops EtherType 0x86dd; BCASTB drops broadcast; MMB drops multicast;
 *    with MFEN set a unicast frame passes only to SHAR; without MFEN
 *    every unicast frame passes. There is no multicast hash. MAC control
 *    frames are stored like any other (the chip does no flow control).
 *    A stored frame sets Sn_IR.RECV.
 *  - RECV leaves Sn_IR.RECV as it is; if the ring still holds data after
 *    it, RECV sets Sn_IR.RECV again (a driver that handles one frame per
 *    interrupt keeps going).
 *  - RX header faults store the length field 0, 10, 2500 or 0x8000 (the
 *    frame and RX_WR are those of the real frame); the ready and status
 *    faults have no field to corrupt on this chip and store a good header.
 *  - Interrupts: Sn_IR bits are set whatever Sn_IMR holds; SIR bit n is
 *    (Sn_IR & Sn_IMR) != 0; INTn is asserted while (IR & IMR & 0xf0) or
 *    (SIR & SIMR) is non-zero. The pin is active low, always (reported to
 *    &emu_host_ops.set_irq_polarity at power-on). INTLEVEL is stored only.
 *    IR bits 7:4 (IP features) are never set.
 *  - PHY: the link is up when the cable is, the PHY is not powered down
 *    (PHYCFGR.OPMD set with OPMDC 110) and &emu_chip.an_delay_ms has passed
 *    since the cable came, the mode changed or the PHY was reset (writing
 *    PHYCFGR.RST 0; RST reads 1). Auto-negotiating modes resolve to 100
 *    Mbit/s full duplex (the partner is all-capable), forced ones to their
 *    own; the cable itself always runs at 100 Mbit/s.
 *  - &emu_faults.dead only affects SPI; phy_absent has no meaning (the PHY
 *    is not on MDIO) and is ignored.
 *
 * &emu_chip.strict (each the hostile form of an [UNK] above):
 *  - VERSIONR reads 0 on its first read after power-on or MR.RST (the
 *    notes: some units read 0 right after reset);
 *  - RECV does not set Sn_IR.RECV again for data still in the ring;
 *  - Sn_CR reads back the command once before it reads 0.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/if_ether.h>
#include <linux/minmax.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/unaligned.h>

#include "emu.h"
#include "emu_w5500.h"

#define W5_PHYCFGR_RESET	(W5_PHYCFGR_RST | \
				 FIELD_PREP(W5_PHYCFGR_OPMDC, W5_OPMDC_ALL_AN))
#define W5_PHYCFGR_STORED	(W5_PHYCFGR_OPMD | W5_PHYCFGR_OPMDC)

/**
 * struct w5_state - the chip
 * @common: common registers as stored (live ones are computed)
 * @sock: socket registers as stored
 * @txmem: TX buffer memory of all sockets
 * @rxmem: RX buffer memory of all sockets
 * @txbuf: the frame being put on the wire
 * @selected: chip select is active
 * @nhdr: header bytes received in this frame
 * @hdr: those bytes
 * @ndata: data bytes in this frame
 * @bad_block: this frame addresses a reserved block (counted once)
 * @addr: offset of the next data byte
 * @tx_rd: socket 0 TX read pointer
 * @tx_end: TX_WR at the SEND of the frame going out
 * @tx_busy: a frame is going out
 * @tx_hung: the frame going out never completes (tx_stuck)
 * @rx_wr: socket 0 RX write pointer
 * @rx_rd: socket 0 RX read pointer as of the last RECV
 * @cr_pending: strict: Sn_CR of socket 0 reads back this command once
 * @cr_path: the data path of the last command written to socket 0's Sn_CR
 *	(%EMU_PATH_RX for RECV, %EMU_PATH_TX for SEND, 0 for the others),
 *	which a read of Sn_CR polling for its end is charged to
 * @version_hidden: strict: the next VERSIONR read returns 0
 * @phy_on: the PHY is powered
 * @an_done: auto-negotiation finished for the current conditions
 * @an_pending: a timer runs for it
 * @link: the link is up
 * @fdx: full duplex
 * @speed100: 100 Mbit/s
 * @irq: the interrupt output as last reported
 */
struct w5_state {
	u8 common[W5_COMMON_LEN];
	u8 sock[W5_SOCKETS][W5_SOCK_LEN];
	u8 txmem[W5_MEM_SIZE];
	u8 rxmem[W5_MEM_SIZE];
	u8 txbuf[W5_FRAME_MAX];
	bool selected;
	unsigned int nhdr;
	u8 hdr[W5_HDR_LEN];
	unsigned int ndata;
	bool bad_block;
	u16 addr;
	u16 tx_rd;
	u16 tx_end;
	bool tx_busy;
	bool tx_hung;
	u16 rx_wr;
	u16 rx_rd;
	u8 cr_pending;
	u8 cr_path;
	bool version_hidden;
	bool phy_on;
	bool an_done;
	bool an_pending;
	bool link;
	bool fdx;
	bool speed100;
	bool irq;
};

static struct w5_state *w5_state(struct emu_chip *chip)
{
	return chip->priv;
}

static u16 w5_get16(const u8 *p)
{
	return get_unaligned_be16(p);
}

/* A socket's buffer size in bytes; @tx: the TX one. */
static unsigned int w5_buf_size(const struct w5_state *st, unsigned int s,
				bool tx)
{
	u8 kb = st->sock[s][tx ? W5_SN_TXBUF_SIZE : W5_SN_RXBUF_SIZE];

	switch (kb) {
	case 1: case 2: case 4: case 8: case 16:
		return kb * SZ_1K;
	default:
		return 0;
	}
}

/* Where a socket's buffer starts in memory; false if it has none. */
static bool w5_buf_region(const struct w5_state *st, unsigned int s, bool tx,
			  unsigned int *base, unsigned int *size)
{
	unsigned int i;

	*base = 0;
	for (i = 0; i < s; i++)
		*base += w5_buf_size(st, i, tx);
	*size = w5_buf_size(st, s, tx);
	return *size && *base + *size <= W5_MEM_SIZE;
}

/* Interrupts */

static u8 w5_sir(const struct w5_state *st)
{
	unsigned int s;
	u8 sir = 0;

	for (s = 0; s < W5_SOCKETS; s++)
		if (st->sock[s][W5_SN_IR] & st->sock[s][W5_SN_IMR])
			sir |= BIT(s);
	return sir;
}

static void w5_irq_update(struct emu_chip *chip, struct w5_state *st)
{
	bool on = (st->common[W5_IR] & st->common[W5_IMR] & W5_IR_STATUS) ||
		  (w5_sir(st) & st->common[W5_SIMR]);

	if (on == st->irq)
		return;
	st->irq = on;
	chip->host->set_irq(chip, on);
}

/* PHY and link */

static void w5_link_update(struct emu_chip *chip, struct w5_state *st)
{
	u8 cfg = st->common[W5_PHYCFGR];
	unsigned int mode = FIELD_GET(W5_PHYCFGR_OPMDC, cfg);
	bool want;

	if (!(cfg & W5_PHYCFGR_OPMD))
		mode = W5_OPMDC_ALL_AN;	/* the strap pins' default */
	st->phy_on = mode != W5_OPMDC_DOWN;
	want = chip->link_up && st->phy_on;
	if (!want) {
		st->an_done = false;
		st->an_pending = false;
	} else if (!st->an_done && !st->an_pending) {
		if (chip->an_delay_ms && chip->host->timer_start) {
			st->an_pending = true;
			chip->host->timer_start(chip, (u64)chip->an_delay_ms *
						NSEC_PER_MSEC);
		} else {
			st->an_done = true;
		}
	}
	st->link = want && st->an_done;
	switch (mode) {
	case W5_OPMDC_10HD:
		st->speed100 = false;
		st->fdx = false;
		break;
	case W5_OPMDC_10FD:
		st->speed100 = false;
		st->fdx = true;
		break;
	case W5_OPMDC_100HD:
		st->speed100 = true;
		st->fdx = false;
		break;
	default:
		st->speed100 = true;
		st->fdx = true;
		break;
	}
}

/* The PHY starts over: a reset or a new mode negotiates again. */
static void w5_phy_restart(struct emu_chip *chip, struct w5_state *st)
{
	st->an_done = false;
	st->an_pending = false;
	w5_link_update(chip, st);
}

static void w5_timer(struct emu_chip *chip)
{
	struct w5_state *st = w5_state(chip);

	if (!st->an_pending)
		return;
	st->an_pending = false;
	st->an_done = true;
	w5_link_update(chip, st);
}

static u8 w5_phycfgr(const struct w5_state *st)
{
	u8 v = st->common[W5_PHYCFGR];

	if (!st->link)
		return v;
	v |= W5_PHYCFGR_LNK;
	if (st->speed100)
		v |= W5_PHYCFGR_SPD;
	if (st->fdx)
		v |= W5_PHYCFGR_DPX;
	return v;
}

/* Reset */

static void w5_regs_reset(struct w5_state *st)
{
	unsigned int s;

	memset(st->common, 0, W5_PHYCFGR);
	memset(&st->common[W5_PHYCFGR + 1], 0,
	       W5_COMMON_LEN - W5_PHYCFGR - 1);
	put_unaligned_be16(W5_RTR_RESET, &st->common[W5_RTR]);
	st->common[W5_RCR] = W5_RCR_RESET;
	st->common[W5_VERSIONR] = W5_VERSION;
	memset(st->sock, 0, sizeof(st->sock));
	for (s = 0; s < W5_SOCKETS; s++) {
		st->sock[s][W5_SN_RXBUF_SIZE] = W5_BUF_RESET_KB;
		st->sock[s][W5_SN_TXBUF_SIZE] = W5_BUF_RESET_KB;
		st->sock[s][W5_SN_IMR] = 0xff;
	}
	st->tx_rd = 0;
	st->tx_end = 0;
	st->tx_busy = false;
	st->tx_hung = false;
	st->rx_wr = 0;
	st->rx_rd = 0;
	st->cr_pending = 0;
	st->cr_path = 0;
}

static void w5_soft_reset(struct emu_chip *chip, struct w5_state *st)
{
	w5_regs_reset(st);
	st->version_hidden = chip->strict;
	chip->cnt.resets++;
}

static void w5_power_on(struct emu_chip *chip)
{
	struct w5_state *st = w5_state(chip);
	bool irq = st->irq;

	memset(st, 0, sizeof(*st));
	if (irq)
		chip->host->set_irq(chip, false);
	if (chip->host->set_irq_polarity)
		chip->host->set_irq_polarity(chip, true);
	w5_regs_reset(st);
	st->common[W5_PHYCFGR] = W5_PHYCFGR_RESET;
	st->version_hidden = chip->strict;
	w5_link_update(chip, st);
}

/* RX */

static unsigned int w5_rx_used(const struct w5_state *st)
{
	return (u16)(st->rx_wr - st->rx_rd);
}

static bool w5_rx_open(const struct w5_state *st)
{
	return st->sock[0][W5_SN_SR] == W5_SR_MACRAW;
}

static bool w5_rx_accept(const struct w5_state *st, const u8 *frame)
{
	u8 mr = st->sock[0][W5_SN_MR];

	if ((mr & W5_SN_MR_MIP6B) &&
	    get_unaligned_be16(frame + 2 * ETH_ALEN) == ETH_P_IPV6)
		return false;
	if (is_broadcast_ether_addr(frame))
		return !(mr & W5_SN_MR_BCASTB);
	if (is_multicast_ether_addr(frame))
		return !(mr & W5_SN_MR_MMB);
	if (mr & W5_SN_MR_MFEN)
		return ether_addr_equal(frame, &st->common[W5_SHAR]);
	return true;
}

static void w5_rx_put(struct w5_state *st, unsigned int base,
		      unsigned int size, u16 *p, u8 val)
{
	st->rxmem[base + (*p & (size - 1))] = val;
	(*p)++;
}

static void w5_rx_store(struct emu_chip *chip, struct w5_state *st,
			const u8 *frame, unsigned int len)
{
	u16 hdr = len + W5_RX_HDR_LEN, p = st->rx_wr;
	unsigned int base, size, i;

	if (!w5_buf_region(st, 0, false, &base, &size) ||
	    chip->faults.rx_full ||
	    W5_RX_HDR_LEN + len > size - w5_rx_used(st)) {
		chip->cnt.rx_drop_full++;
		return;
	}
	switch (chip->faults.rx_hdr) {
	case EMU_RX_HDR_LEN_ZERO:
		hdr = 0;
		break;
	case EMU_RX_HDR_LEN_SHORT:
		hdr = W5_BAD_LEN_SHORT;
		break;
	case EMU_RX_HDR_LEN_LONG:
		hdr = W5_BAD_LEN_LONG;
		break;
	case EMU_RX_HDR_LEN_RING:
		hdr = W5_BAD_LEN_RING;
		break;
	default:
		break;
	}
	chip->faults.rx_hdr = EMU_RX_HDR_OK;

	w5_rx_put(st, base, size, &p, hdr >> 8);
	w5_rx_put(st, base, size, &p, hdr);
	for (i = 0; i < len; i++)
		w5_rx_put(st, base, size, &p, frame[i]);
	st->rx_wr = p;
	st->sock[0][W5_SN_IR] |= W5_SN_IR_RECV;
	chip->cnt.rx_stored++;
}

static void w5_wire_rx(struct emu_chip *chip, const u8 *frame,
		       unsigned int len, bool fcs_ok)
{
	struct w5_state *st = w5_state(chip);

	chip->cnt.rx_frames++;
	if (!w5_rx_open(st) || !st->link) {
		chip->cnt.rx_drop_disabled++;
		return;
	}
	if (!fcs_ok) {
		chip->cnt.rx_drop_crc++;
		return;
	}
	if (len < W5_FRAME_MIN) {
		chip->cnt.rx_drop_runt++;
		return;
	}
	if (len > W5_FRAME_MAX) {
		chip->cnt.rx_drop_long++;
		return;
	}
	if (!w5_rx_accept(st, frame)) {
		chip->cnt.rx_drop_filtered++;
		return;
	}
	w5_rx_store(chip, st, frame, len);
	w5_irq_update(chip, st);
}

/* TX */

static void w5_tx_complete(struct w5_state *st)
{
	st->tx_busy = false;
	st->tx_rd = st->tx_end;
	st->sock[0][W5_SN_IR] |= W5_SN_IR_SEND_OK;
}

static void w5_send(struct emu_chip *chip, struct w5_state *st)
{
	u16 tx_wr = w5_get16(&st->sock[0][W5_SN_TX_WR]);
	unsigned int base, size, len, i;

	if (!w5_rx_open(st))
		return;
	if (st->tx_busy) {
		chip->cnt.tx_rejected++;
		return;
	}
	st->tx_end = tx_wr;
	st->tx_busy = true;
	len = (u16)(tx_wr - st->tx_rd);
	if (chip->faults.tx_stuck) {
		st->tx_hung = true;
		return;
	}
	if (!len || !st->link || !w5_buf_region(st, 0, true, &base, &size)) {
		w5_tx_complete(st);
		return;
	}
	len = min_t(unsigned int, len, W5_FRAME_MAX);
	for (i = 0; i < len; i++)
		st->txbuf[i] = st->txmem[base + ((st->tx_rd + i) & (size - 1))];
	if (len < W5_FRAME_MIN) {
		memset(&st->txbuf[len], 0, W5_FRAME_MIN - len);
		len = W5_FRAME_MIN;
	}
	if (!chip->host->wire_tx(chip, st->txbuf, len))
		w5_tx_complete(st);
}

static void w5_tx_done(struct emu_chip *chip)
{
	struct w5_state *st = w5_state(chip);

	if (!st->tx_busy || st->tx_hung || chip->faults.tx_stuck)
		return;
	w5_tx_complete(st);
	w5_irq_update(chip, st);
}

/* Socket commands */

/* The data path a socket command works on: RECV the RX ring, SEND the TX. */
static u8 w5_cmd_path(u8 cmd)
{
	switch (cmd) {
	case W5_CR_RECV:
		return EMU_PATH_RX;
	case W5_CR_SEND:
		return EMU_PATH_TX;
	default:
		return 0;
	}
}

static void w5_command(struct emu_chip *chip, struct w5_state *st,
		       unsigned int s, u8 cmd)
{
	u8 *sr = &st->sock[s][W5_SN_SR];

	if (s)
		return;
	st->cr_path = w5_cmd_path(cmd);
	if (chip->strict)
		st->cr_pending = cmd;
	switch (cmd) {
	case W5_CR_OPEN:
		st->tx_busy = false;
		st->tx_hung = false;
		st->tx_rd = 0;
		st->tx_end = 0;
		st->rx_wr = 0;
		st->rx_rd = 0;
		put_unaligned_be16(0, &st->sock[0][W5_SN_TX_WR]);
		put_unaligned_be16(0, &st->sock[0][W5_SN_RX_RD]);
		*sr = FIELD_GET(W5_SN_MR_PROTO, st->sock[0][W5_SN_MR]) ==
		      W5_PROTO_MACRAW ? W5_SR_MACRAW : W5_SR_CLOSED;
		break;
	case W5_CR_CLOSE:
		*sr = W5_SR_CLOSED;
		st->tx_busy = false;
		st->tx_hung = false;
		break;
	case W5_CR_SEND:
		w5_send(chip, st);
		break;
	case W5_CR_RECV:
		if (!w5_rx_open(st))
			break;
		st->rx_rd = w5_get16(&st->sock[0][W5_SN_RX_RD]);
		/* past what was stored: a driver bug; the ring is empty */
		if (w5_rx_used(st) > w5_buf_size(st, 0, false))
			st->rx_rd = st->rx_wr;
		if (w5_rx_used(st) && !chip->strict)
			st->sock[0][W5_SN_IR] |= W5_SN_IR_RECV;
		break;
	}
}

/* Registers */

static u8 w5_common_read(struct emu_chip *chip, struct w5_state *st, u16 off,
			 bool peek)
{
	if (off >= W5_COMMON_LEN)
		return 0;
	switch (off) {
	case W5_SIR:
		return w5_sir(st);
	case W5_PHYCFGR:
		return w5_phycfgr(st);
	case W5_VERSIONR:
		if (st->version_hidden && !peek) {
			st->version_hidden = false;
			return 0;
		}
		return W5_VERSION;
	default:
		return st->common[off];
	}
}

static void w5_common_write(struct emu_chip *chip, struct w5_state *st,
			    u16 off, u8 val)
{
	u8 old;

	if (off >= W5_COMMON_LEN)
		return;
	switch (off) {
	case W5_MR:
		if (val & W5_MR_RST)
			w5_soft_reset(chip, st);
		else
			st->common[W5_MR] = val;
		break;
	case W5_IR:
		st->common[W5_IR] &= ~(val & W5_IR_STATUS);
		break;
	case W5_SIR:
	case W5_VERSIONR:
		break;
	case W5_PHYCFGR:
		old = st->common[W5_PHYCFGR];
		st->common[W5_PHYCFGR] = W5_PHYCFGR_RST |
					 (val & W5_PHYCFGR_STORED);
		if (!(val & W5_PHYCFGR_RST) ||
		    (old ^ val) & W5_PHYCFGR_STORED)
			w5_phy_restart(chip, st);
		break;
	default:
		st->common[off] = val;
		break;
	}
}

static u8 w5_sock_read(struct emu_chip *chip, struct w5_state *st,
		       unsigned int s, u16 off, bool peek)
{
	unsigned int size = w5_buf_size(st, 0, true);
	unsigned int used;
	u8 v[2];

	if (off >= W5_SOCK_LEN)
		return 0;
	if (s)
		return off == W5_SN_CR ? 0 : st->sock[s][off];
	switch (off) {
	case W5_SN_CR:
		if (st->cr_pending && !peek) {
			v[0] = st->cr_pending;
			st->cr_pending = 0;
			return v[0];
		}
		return peek ? st->cr_pending : 0;
	case W5_SN_TX_FSR:
	case W5_SN_TX_FSR + 1:
		used = (u16)(w5_get16(&st->sock[0][W5_SN_TX_WR]) - st->tx_rd);
		size -= min(size, used);
		put_unaligned_be16(size, v);
		return v[off - W5_SN_TX_FSR];
	case W5_SN_TX_RD:
	case W5_SN_TX_RD + 1:
		put_unaligned_be16(st->tx_rd, v);
		return v[off - W5_SN_TX_RD];
	case W5_SN_RX_RSR:
	case W5_SN_RX_RSR + 1:
		put_unaligned_be16(w5_rx_used(st), v);
		return v[off - W5_SN_RX_RSR];
	case W5_SN_RX_WR:
	case W5_SN_RX_WR + 1:
		put_unaligned_be16(st->rx_wr, v);
		return v[off - W5_SN_RX_WR];
	default:
		return st->sock[0][off];
	}
}

static void w5_sock_write(struct emu_chip *chip, struct w5_state *st,
			  unsigned int s, u16 off, u8 val)
{
	if (off >= W5_SOCK_LEN)
		return;
	switch (off) {
	case W5_SN_CR:
		w5_command(chip, st, s, val);
		break;
	case W5_SN_IR:
		st->sock[s][W5_SN_IR] &= ~(val & W5_SN_IR_ALL);
		break;
	case W5_SN_SR:
	case W5_SN_TX_FSR:
	case W5_SN_TX_FSR + 1:
	case W5_SN_TX_RD:
	case W5_SN_TX_RD + 1:
	case W5_SN_RX_RSR:
	case W5_SN_RX_RSR + 1:
	case W5_SN_RX_WR:
	case W5_SN_RX_WR + 1:
		break;
	default:
		st->sock[s][off] = val;
		break;
	}
}

/*
 * The data path an access to socket 0's registers uses, for the host's
 * per-path counters (&emu_chip.path): RX for the received size and the RX
 * pointers (Sn_RX_RSR, Sn_RX_RD, Sn_RX_WR) and the RECV command; TX for the
 * free size and the TX pointers (Sn_TX_FSR, Sn_TX_RD, Sn_TX_WR) and SEND.
 * A read of Sn_CR (a driver polling for the end of its command) goes with
 * the last command written. The rest (Sn_MR, Sn_IR, Sn_SR, Sn_IMR, the
 * buffer sizes, OPEN and CLOSE) uses neither.
 */
static u8 w5_sock0_path(const struct w5_state *st, u16 off, bool write,
			u8 in)
{
	switch (off) {
	case W5_SN_CR:
		return write ? w5_cmd_path(in) : st->cr_path;
	case W5_SN_TX_FSR ... W5_SN_TX_WR + 1:
		return EMU_PATH_TX;
	case W5_SN_RX_RSR ... W5_SN_RX_WR + 1:
		return EMU_PATH_RX;
	default:
		return 0;
	}
}

static u8 *w5_mem(struct w5_state *st, unsigned int s, bool tx, u16 off)
{
	unsigned int base, size;

	if (!w5_buf_region(st, s, tx, &base, &size))
		return NULL;
	return (tx ? st->txmem : st->rxmem) + base + (off & (size - 1));
}

static u8 w5_peek(struct emu_chip *chip, unsigned int addr)
{
	struct w5_state *st = w5_state(chip);

	if (addr < W5_PEEK_SOCK0)
		return w5_common_read(chip, st, addr, true);
	return w5_sock_read(chip, st, 0, addr - W5_PEEK_SOCK0, true);
}

/* SPI */

static unsigned int w5_fixed_len(u8 ctrl)
{
	static const u8 len[] = { 0, 1, 2, 4 };

	return len[FIELD_GET(W5_CTRL_OM, ctrl)];
}

static void w5_header_done(struct emu_chip *chip, struct w5_state *st)
{
	u8 bsb = FIELD_GET(W5_CTRL_BSB, st->hdr[2]);

	st->addr = st->hdr[0] << 8 | st->hdr[1];
	st->ndata = 0;
	st->bad_block = bsb != W5_BSB_COMMON && !W5_BSB_KIND(bsb);
	if (st->bad_block)
		chip->cnt.spi_errors++;
}

static u8 w5_data(struct emu_chip *chip, struct w5_state *st, u8 in)
{
	u8 ctrl = st->hdr[2], bsb = FIELD_GET(W5_CTRL_BSB, ctrl);
	bool write = ctrl & W5_CTRL_RWB;
	bool tx = W5_BSB_KIND(bsb) == W5_KIND_TXBUF;
	unsigned int s = W5_BSB_SOCK(bsb);
	u16 off = st->addr++;
	u8 *mem, out = 0;

	st->ndata++;
	if (st->bad_block)
		return 0;
	if (bsb == W5_BSB_COMMON) {
		if (write)
			w5_common_write(chip, st, off, in);
		else
			out = w5_common_read(chip, st, off, false);
		return out;
	}
	switch (W5_BSB_KIND(bsb)) {
	case W5_KIND_REGS:
		if (!s)
			chip->path |= w5_sock0_path(st, off, write, in);
		if (write)
			w5_sock_write(chip, st, s, off, in);
		else
			out = w5_sock_read(chip, st, s, off, false);
		break;
	case W5_KIND_TXBUF:
	case W5_KIND_RXBUF:
		if (!s)
			chip->path |= tx ? EMU_PATH_TX : EMU_PATH_RX;
		mem = w5_mem(st, s, tx, off);
		if (mem && write)
			*mem = in;
		else if (mem)
			out = *mem;
		break;
	}
	return out;
}

static u8 w5_spi_byte(struct emu_chip *chip, u8 in)
{
	struct w5_state *st = w5_state(chip);
	unsigned int fixed;

	if (st->nhdr == W5_HDR_LEN) {
		fixed = w5_fixed_len(st->hdr[2]);
		if (!fixed || st->ndata < fixed)
			return w5_data(chip, st, in);
		st->nhdr = 0;	/* fixed length done: a new frame */
	}
	st->hdr[st->nhdr++] = in;
	if (st->nhdr == W5_HDR_LEN)
		w5_header_done(chip, st);
	return 0;
}

static void w5_cs_assert(struct emu_chip *chip)
{
	struct w5_state *st = w5_state(chip);

	st->selected = true;
	st->nhdr = 0;
}

static void w5_xfer(struct emu_chip *chip, const u8 *tx, u8 *rx,
		    unsigned int len)
{
	struct w5_state *st = w5_state(chip);

	emu_spi_bytes(chip, st->selected, tx, rx, len, w5_spi_byte);
	w5_irq_update(chip, st);
}

static void w5_cs_deassert(struct emu_chip *chip)
{
	struct w5_state *st = w5_state(chip);

	st->selected = false;
	st->nhdr = 0;
	w5_irq_update(chip, st);
}

static void w5_link_change(struct emu_chip *chip, bool up)
{
	struct w5_state *st = w5_state(chip);

	chip->link_up = up;
	w5_link_update(chip, st);
	w5_irq_update(chip, st);
}

const struct emu_model_ops emu_w5500_model = {
	.name = "w5500",
	.priv_size = sizeof(struct w5_state),
	.power_on = w5_power_on,
	.cs_assert = w5_cs_assert,
	.xfer = w5_xfer,
	.cs_deassert = w5_cs_deassert,
	.wire_rx = w5_wire_rx,
	.tx_done = w5_tx_done,
	.link_change = w5_link_change,
	.timer = w5_timer,
	.peek = w5_peek,
};
EXPORT_SYMBOL_GPL(emu_w5500_model);
