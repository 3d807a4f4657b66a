// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: a model of the Davicom DM9051 SPI Ethernet
 * controller and its internal PHY, written from the chip notes (dm9051.md)
 * so that both the mainline dm9051 driver and spinet work against it.
 * Each command also tells the host which data path it used (dm_cmd_path(),
 * &emu_chip.path), for the per-path SPI counters.
 *
 * Choices where the notes say [UNK] or [INF] (Documentation/emulator.md):
 *  - SPI: the byte clocked out during the command byte and during writes
 *    is 0x00. A burst on a normal register repeats the same register for
 *    every data byte (reads re-read it, side effects included). Memory
 *    pointers persist across chip selects. An xfer while deselected
 *    returns 0xff and counts an SPI error.
 *  - Reset values: NCR 0, NSR TX1END|TX2END, BPTR 0x37, FCTR 0x38 (DM9000),
 *    EPAR 0x40 (PHY 1), GPCR 0x01, GPR 0x01 (PHY off), MBNDRY 0, CHIPR 0x1b,
 *    MRR = RWPA = 0x0c00, MWR = TRPA = 0; every other register 0.
 *  - NCR.RST completes at once. It keeps PAR, MAR, GPR, GPCR, the EEPROM
 *    and the PHY; every other register, the pointers and the TX queue go
 *    to their reset values. RX SRAM is not cleared, except the byte at
 *    RWPA, which reads 0x00 ("no packet").
 *  - MAC: at power-on PAR is loaded from EEPROM words 0-2, which hold
 *    &emu_chip.mac, or 02:44:4d:51:xx:xx (xx = a per-module serial) when
 *    that is all zeroes. Words 4/5 hold VID/PID (DM9000 layout), the rest
 *    read 0xffff. EPCR.REEP reloads PAR; EEPROM writes need EPCR.WEP.
 *  - NSR: TX1END/TX2END are cleared by writing 1, not by reading. RXOV
 *    is set by an overflow and cleared by the next stored frame, a reset
 *    or MPTRCR.RST_RX. RXRDY reads 1 while the RX ring holds unread bytes.
 *    SPEED/LINKST and NCR.FDX follow the resolved link (0 when down).
 *  - ISR bit 7 reads 0; writing it (MBS) does nothing. ROCR counts
 *    overflow drops in bits 6:0; on wrap bit 7 and ISR.ROOS are set; a
 *    read clears ROCR (DM9000).
 *  - IRQ: asserted while ISR & IMR & 0x2f. INTCR reads 0 after power-on
 *    and NCR.RST, but what the pin does before a driver programs INTCR is
 *    unknown, and the mainline driver requests its (level-low) interrupt
 *    before programming it: so the model reports the pin's polarity
 *    (bit 0) to &emu_host_ops.set_irq_polarity on every INTCR write only,
 *    and until then the pin follows the board's trigger type. The
 *    open-drain bit is only stored; a host may read INTCR with
 *    emu_dm9051_intcr(). The host counts irq_raised, tx_frames, tx_bytes
 *    and tx_pause (in set_irq, wire_tx, wire_tx_ctrl), the model the rest.
 *  - Flow control (802.3x, DM9000 FCR/FCTR): "free" is the RX ring size
 *    (13 KB) minus its unread bytes. With FCR.TXPEN, link up and full
 *    duplex, storing a frame that leaves free < HWOT KB sends one XOFF
 *    (pause time 0xffff) and marks it outstanding; HWOT 0 never sends.
 *    While one is outstanding, the end of every command (chip select
 *    going inactive: MRCMD reads, MRR writes, MPTRCR.RST_RX) checks free
 *    > LWOT KB and then sends XON (pause time 0) and forgets it; the XON
 *    does not need TXPEN still set (the chip owes it), and with the link
 *    down it is forgotten unsent. The ring emptied by MPTRCR.RST_RX thus
 *    sends XON; NCR.RST forgets an outstanding XOFF without one (it
 *    clears FCR). An overflow drop sends nothing extra. PAUSE frames are
 *    60 bytes (no FCS): DA 01:80:c2:00:00:01, SA PAR, type 0x8808, opcode
 *    1, pause time, zeroes; they go to &emu_host_ops.wire_tx_ctrl only.
 *    Half duplex sends none: BKPA/BKPM back-pressure (jamming) is not
 *    modelled, those bits and PPCR are only stored.
 *  - PAUSE receive: after the disabled, runt, long and CRC checks and
 *    before the address filter, a frame of type 0x8808 to
 *    01:80:c2:00:00:01 or PAR is a MAC control frame, consumed: never
 *    stored, not counted as filtered (rx_frames still counts it). Opcode
 *    1 counts rx_pause and, with FCR.FLCE, hands its pause time to
 *    &emu_host_ops.pause_tx; other opcodes are ignored. Type 0x8808 to
 *    other addresses takes the normal filter.
 *  - RX ring: RWPA always wraps 0x3fff -> 0x0c00. MRCMD reads wrap there
 *    only while IMR.PAR is set, else they run on to 0x0000. One byte is
 *    always kept free, so MRR == RWPA means empty; the free byte at RWPA
 *    is kept 0x00, so a peek with nothing to read returns 0x00. Storing a
 *    frame needs 4 + len + 4 + 1 bytes free.
 *  - RX checks, in this order: RCR.RXEN clear or link down -> disabled;
 *    shorter than 6 bytes, or than 60 without RCR.RUNT -> runt; longer
 *    than 1518 (1522 with FCS) with RCR.DIS_LONG -> long (without it any
 *    length that fits is stored); bad FCS with RCR.DIS_CRC -> crc; then
 *    the address filter; then room. Runts passed by RCR.RUNT are stored
 *    with RSR.RF, bad FCS without DIS_CRC with RSR.CE (and a wrong FCS),
 *    group addresses (broadcast included) with RSR.MF; RSR holds the
 *    status of the last stored frame. RCR.ALL passes broadcast too.
 *    Word-boundary padding (MBNDRY) and checksum status in the ready byte
 *    (RCSCSR) are not modelled; MEMSCR is stored but ignored.
 *  - RX header faults store: ready 0x02, status | RSR.CE, length 0, 10,
 *    2500 or 0x4000; the frame data and RWPA are those of the real frame.
 *  - TX: TXREQ queues TXPL bytes from TRPA (wrapping at 0x0c00, at most
 *    3072) and moves TRPA past them. Two requests may be outstanding
 *    (packet index I and II); a third is dropped and counted in
 *    tx_rejected, TRPA moving past its bytes so later frames stay whole.
 *    TCR.TXREQ reads 1 while any is outstanding; writing 0
 *    does not cancel. Frames shorter than 60 are padded with zeroes unless
 *    PAD_DIS; with CRC_DIS the last 4 bytes are taken as the host's FCS
 *    and are not handed to the wire (nor checked). Every request uses
 *    packet index I (TX1END, TSR1, PAD_DIS1, CRC_DIS1). With the link
 *    down a request completes at once with TSR.NC and no wire frame.
 *    ATCR.AUTO_TX queues a request once MWR is TXPL bytes past TRPA.
 *    MPTRCR.RST_TX resets MWR and TRPA only; NCR.RST also drops the queue
 *    (a later tx_done is ignored). NCR.LBK (loopback) is stored only.
 *  - PHY (address 1; other addresses read 0xffff): readable while GPR
 *    powers it down. The link is up when the cable is, GPR bit 0 is 0 and
 *    BMCR.PDOWN is 0; ISOLATE is ignored. With BMCR.ANENABLE it resolves,
 *    &emu_chip.an_delay_ms after those conditions hold or a negotiation
 *    restart (0, the default, or a host without a timer: at once), to the
 *    best mode common to ANAR and a partner advertising
 *    0x45e1 (no common mode: down); without, BMCR's forced mode. A link
 *    change sets ISR.LNKCHG. BMSR = 0x7849 | link | AN complete (link up
 *    with AN); its link bit is latched low until read. ANLPAR 0x45e1 and
 *    ANER 0x0001 while up with AN, else 0. Reset and restart-AN bits
 *    self-clear; PHY reset restores BMCR 0x3100, ANAR 0x01e1, reg 0x12
 *    0x7800, others 0. DSCSR (0x11) reports the mode (bits 15:12) and
 *    address 1; regs 0x10-0x1f are stored (DSCR SMRST self-clears); MMD
 *    data (reg 14) reads 0 so phylib sees no EEE; other regs read 0.
 *  - EPCR operations finish at once: ERRE always reads 0. No 1 ms
 *    blackout after GPR powers the PHY up.
 *  - &emu_faults.dead only affects SPI: the chip returns dead_byte and
 *    ignores what it is sent; frames keep arriving. tx_stuck: requests
 *    are queued but never handed to the wire nor completed (until reset).
 *  - &emu_faults.rwpa_lead moves the next read of RWPA (low, then high
 *    byte) that many bytes on along the RX ring; nothing else changes.
 *
 * &emu_chip.strict (each the hostile form of an [UNK] above):
 *  - extra data bytes in a burst on a normal register read 0xff and writes
 *    are ignored; each such command counts one SPI error;
 *  - reading NSR clears TX1END/TX2END (the DM9000's RW/C1): the mainline
 *    then drops frames whose NSR poll (20 us) outlasts the wire time;
 *  - packet indexes alternate I, II, I...: even requests report through
 *    TX1END/TSR1 and obey PAD_DIS1/CRC_DIS1, odd ones TX2END/TSR2 and
 *    PAD_DIS2/CRC_DIS2;
 *  - ISR bit 7 reads 1 (the DM9000's IOMODE in 8-bit mode);
 *  - setting IMR.PAR from 0 to 1 sets MRRH to 0x0c (DM9000);
 *  - NCR.RST clears MAR;
 *  - a third transmit request leaves TRPA where it was, so every later
 *    frame is read from the wrong place until a reset;
 *  - power-on and NCR.RST report INTCR's reset value to the host: the pin
 *    is active high until a driver programs it, so a level-low line fires
 *    while idle until then.
 *
 * The DM9000 (emu_dm9000_model) is the same MAC, SRAM, PHY and EEPROM
 * behind a parallel bus: an index port and a data port instead of SPI
 * commands (dm9000_io_read(), dm9000_io_write()). What differs, from the
 * DM9000 notes in Documentation/chip-assumptions.md, and the choices made
 * where they are silent:
 *  - Index: 8 bits, written to the index port; reading the index port
 *    returns it. Indexes 0x00-0x3f are the registers above, 0xf0-0xff the
 *    memory ports, ISR and IMR (the DM9051's 0x70-0x7f); the rest read 0
 *    and ignore writes (so the DM9051's MPTRCR, LMCR and MBNDRY are not
 *    there). ETXCSR (0x30) is stored only: no auto-transmit.
 *  - Bus width: &emu_chip.bus_width (1, 2 or 4; default 2), reported in
 *    ISR bits 7:6 (00 16-bit, 01 32-bit, 10 8-bit). Each data-port access
 *    is one bus cycle of that width, whatever the CPU's access size: a
 *    register puts its value on bits 7:0 (the rest read 0) and takes bits
 *    7:0 of a write; MRCMD and MWCMD move their pointer by the width, and
 *    MRCMDX/MWCMDX read or write that many bytes without moving it. A
 *    narrower CPU access sees the low bytes; bytes above the width read
 *    0xff (no data lines) and count one bus error (spi_errors).
 *  - RX: in 16- and 32-bit mode each stored frame (header, data, FCS)
 *    is padded with zeroes to a multiple of the width, so the next header
 *    starts where a driver reading in that width stops (the mainline
 *    rounds its reads up and works on silicon). The free space kept is
 *    the width, not one byte.
 *  - TX: a transmit request moves the TX read pointer past TXPL rounded
 *    up to the width (mainline writes odd frames with a padding byte).
 *    Packet indexes alternate I, II (two packets in TX SRAM).
 *  - The datasheet's behaviours the DM9051 has only in strict mode hold
 *    always: reading NSR clears TX1END/TX2END; IMR.PAR set from 0 sets
 *    MRRH to 0x0c; power-on and NCR.RST report INTCR's reset polarity
 *    (active high) to the host.
 *  - ID 0x0a46/0x9000, CHIPR 0x1a (DM9000B: link-change interrupt and
 *    checksum offload). TCCR (0x31) IP/TCP/UDP: the chip fills in the
 *    IPv4 header checksum and the TCP or UDP checksum of an unfragmented
 *    IPv4 frame it sends (UDP 0 becomes 0xffff). RCSR (0x32) bit 1: the
 *    ready byte of each stored frame carries the type (bits 4:2: UDP, TCP,
 *    IPv4) and bad-checksum (bits 7:5) flags of an IPv4 frame; RCSR's
 *    discard bit is stored only.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/crc32.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/lockdep.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/irq.h>
#include <linux/math.h>
#include <linux/mii.h>
#include <linux/minmax.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <net/checksum.h>

#include "emu.h"
#include "emu_dm9051.h"

#define DM_SRAM_MASK		(DM_SRAM_SIZE - 1)
#define DM_TX_SLOTS		2

#define DM_RESET_BPTR		0x37
#define DM_RESET_FCTR		0x38
#define DM_RESET_GPCR		0x01

#define DM_BMSR_MFPS		BIT(6)
#define DM_BMSR_BASE		(BMSR_100FULL | BMSR_100HALF | BMSR_10FULL | \
				 BMSR_10HALF | DM_BMSR_MFPS | \
				 BMSR_ANEGCAPABLE | BMSR_ERCAP)
#define DM_PHY_PARTNER		(LPA_LPACK | LPA_PAUSE_CAP | LPA_100FULL | \
				 LPA_100HALF | LPA_10FULL | LPA_10HALF | \
				 ADVERTISE_CSMA)
#define DM_PHY_BMCR_RESET	(BMCR_ANENABLE | BMCR_SPEED100 | BMCR_FULLDPLX)
#define DM_PHY_ANAR_RESET	(ADVERTISE_100FULL | ADVERTISE_100HALF | \
				 ADVERTISE_10FULL | ADVERTISE_10HALF | \
				 ADVERTISE_CSMA)
#define DM_PHY_10BTCSR_RESET	0x7800
#define DM_DSCR_SMRST		BIT(3)
#define DM_DSCSR_100FDX		BIT(15)
#define DM_DSCSR_100HDX		BIT(14)
#define DM_DSCSR_10FDX		BIT(13)
#define DM_DSCSR_10HDX		BIT(12)
#define DM_DSCSR_PHYAD		GENMASK(8, 4)

#define DM_PAUSE_LEN		DM_FRAME_MIN
#define DM_PAUSE_OPCODE		0x0001
#define DM_PAUSE_XOFF		0xffff
#define DM_PAUSE_XON		0x0000

#define DM_EEPROM_VID		4
#define DM_EEPROM_PID		5

static atomic_t dm_serial = ATOMIC_INIT(0);

static const u8 dm_pause_da[ETH_ALEN] = {
	0x01, 0x80, 0xc2, 0x00, 0x00, 0x01
};

/**
 * struct dm_tx_slot - a transmit request the chip accepted
 * @start: where the frame starts in the TX area
 * @len: its length in SRAM (TXPL, at most the TX area)
 * @index: packet index: 0 for I, 1 for II
 */
struct dm_tx_slot {
	u16 start;
	u16 len;
	u8 index;
};

/**
 * struct dm_state - the model's state, &emu_chip.priv; all of it is
 *	protected by &emu_chip.lock, which every op runs under
 * @sram: the 16 KB packet memory
 * @txbuf: the frame handed to &emu_host_ops.wire_tx
 * @pausebuf: the PAUSE frame handed to &emu_host_ops.wire_tx_ctrl
 * @reg: registers with no behaviour of their own, and the stored bits of
 *	those with some
 * @eeprom: the 128-byte EEPROM
 * @phy: the internal PHY's stored registers
 * @txq: outstanding transmit requests, the oldest first
 * @mrr: RX memory read pointer (MRRL/MRRH)
 * @mwr: TX memory write pointer (MWRL/MWRH)
 * @rwpa: RX memory write pointer (RWPAL/RWPAH)
 * @trpa: TX memory read pointer (TRPAL/TRPAH)
 * @txpl: TX packet length (TXPLL/TXPLH)
 * @ndata: data bytes since the command byte of this chip select
 * @isr: interrupt status
 * @imr: interrupt mask
 * @nsr: NSR's latched bits (WAKEST, TX2END, TX1END, RXOV)
 * @rocr: RX overflow counter
 * @tsr: TX status of packet index I and II
 * @cmd: the command byte of this chip select
 * @txq_len: entries in @txq
 * @tx_index: packet index of the next transmit request
 * @selected: chip select is active
 * @have_cmd: @cmd holds this chip select's command
 * @burst_err: this command already counted a burst error (strict)
 * @tx_busy: @txq[0] is on the wire
 * @tx_hung: @txq[0] will never complete (&emu_faults.tx_stuck)
 * @link: the resolved link is up
 * @speed100: the resolved speed is 100 Mbit/s
 * @fdx: the resolved duplex is full
 * @link_fell: the link went down since BMSR was last read
 * @an_done: auto-negotiation finished since the link conditions last held
 *	(cable, PHY powered); until then the link stays down
 * @an_pending: the negotiation timer is running
 * @irq: the interrupt line is asserted
 * @xoff: an XOFF PAUSE frame was sent and no XON yet
 * @dm9000: the chip is the memory-mapped DM9000 (see the top of this file)
 * @width: the data bus width in bytes: 1 for the DM9051 (SPI is bytes),
 *	the strapped width for the DM9000; RX frames and the TX read
 *	pointer are aligned to it
 * @index: the DM9000's index register
 */
struct dm_state {
	u8 sram[DM_SRAM_SIZE];
	u8 txbuf[DM_TX_END];
	u8 pausebuf[DM_PAUSE_LEN];
	u8 reg[DM_NREGS];
	u16 eeprom[DM_EEPROM_WORDS];
	u16 phy[DM_PHY_NREGS];
	struct dm_tx_slot txq[DM_TX_SLOTS];
	u16 mrr;
	u16 mwr;
	u16 rwpa;
	u16 trpa;
	u16 txpl;
	unsigned int ndata;
	u8 isr;
	u8 imr;
	u8 nsr;
	u8 rocr;
	u8 tsr[DM_TX_SLOTS];
	u8 cmd;
	u8 txq_len;
	u8 tx_index;
	bool selected;
	bool have_cmd;
	bool burst_err;
	bool tx_busy;
	bool tx_hung;
	bool link;
	bool speed100;
	bool fdx;
	bool link_fell;
	bool an_done;
	bool an_pending;
	bool irq;
	bool xoff;
	bool dm9000;
	u8 width;
	u8 index;
};

static struct dm_state *dm_state(struct emu_chip *chip)
{
	lockdep_assert_held(&chip->lock);
	return chip->priv;
}

/*
 * A behaviour the DM9000 datasheet states, which the DM9051 notes leave
 * unknown: the DM9000 always has it, the DM9051 in strict mode only.
 */
static bool dm_dm9000_way(const struct emu_chip *chip,
			  const struct dm_state *st)
{
	return st->dm9000 || chip->strict;
}

/* The DM9000's ISR bits 7:6 for its strapped width. */
static u8 dm9000_iomode(const struct dm_state *st)
{
	switch (st->width) {
	case 1:
		return DM9000_IOMODE_8;
	case 4:
		return DM9000_IOMODE_32;
	default:
		return DM9000_IOMODE_16;
	}
}

/**
 * emu_dm9051_hash_bin() - the multicast hash bin of an address
 * @addr: a MAC address (6 bytes)
 *
 * The chip passes a group address when bit (bin & 7) of MAR register
 * bin / 8 is set.
 *
 * Context: any.
 * Return: the bin, 0 to 63.
 */
u8 emu_dm9051_hash_bin(const u8 *addr)
{
	return ether_crc_le(ETH_ALEN, addr) & GENMASK(5, 0);
}
EXPORT_SYMBOL_GPL(emu_dm9051_hash_bin);

/**
 * emu_dm9051_intcr() - the interrupt pin configuration the driver set
 * @chip: a chip running the DM9051 model
 *
 * The model reports its interrupt output as a logical state; INTCR says
 * how the pin shows it: bit 0 set = active low, bit 1 set = open drain.
 *
 * Context: &emu_chip.lock held.
 * Return: the INTCR register.
 */
u8 emu_dm9051_intcr(struct emu_chip *chip)
{
	return dm_state(chip)->reg[DM_INTCR];
}
EXPORT_SYMBOL_GPL(emu_dm9051_intcr);

static void dm_irq_polarity(struct emu_chip *chip, struct dm_state *st)
{
	bool low = st->reg[DM_INTCR] & DM_INTCR_POL_LOW;

	if (chip->host->set_irq_polarity)
		chip->host->set_irq_polarity(chip, low);
}

static void dm_irq_update(struct emu_chip *chip, struct dm_state *st)
{
	bool line = st->isr & st->imr & DM_ISR_STATUS;

	if (line == st->irq)
		return;
	st->irq = line;
	chip->host->set_irq(chip, line);
}

/* PHY */

static void dm_link_update(struct emu_chip *chip, struct dm_state *st)
{
	u16 common = st->phy[MII_ADVERTISE] & DM_PHY_PARTNER;
	u16 bmcr = st->phy[MII_BMCR];
	bool up;

	up = chip->link_up && !(st->reg[DM_GPR] & DM_GPR_PHY_OFF) &&
	     !(bmcr & BMCR_PDOWN);
	/*
	 * Negotiation takes time on silicon: the link comes up an_delay_ms
	 * after the cable and a powered PHY are there.
	 */
	if (!up) {
		st->an_done = false;
	} else if (!st->an_done && chip->an_delay_ms &&
		   chip->host->timer_start) {
		if (!st->an_pending) {
			st->an_pending = true;
			chip->host->timer_start(chip, (u64)chip->an_delay_ms *
						NSEC_PER_MSEC);
		}
		up = false;
	}
	if (!(bmcr & BMCR_ANENABLE)) {
		st->speed100 = bmcr & BMCR_SPEED100;
		st->fdx = bmcr & BMCR_FULLDPLX;
	} else if (common & (ADVERTISE_100FULL | ADVERTISE_100HALF)) {
		st->speed100 = true;
		st->fdx = common & ADVERTISE_100FULL;
	} else if (common & (ADVERTISE_10FULL | ADVERTISE_10HALF)) {
		st->speed100 = false;
		st->fdx = common & ADVERTISE_10FULL;
	} else {
		up = false;
	}

	if (up == st->link)
		return;
	st->link = up;
	if (!up)
		st->link_fell = true;
	st->isr |= DM_ISR_LNKCHG;
}

static void dm_timer(struct emu_chip *chip)
{
	struct dm_state *st = dm_state(chip);

	st->an_pending = false;
	st->an_done = true;
	dm_link_update(chip, st);
	dm_irq_update(chip, st);
}

static void dm_phy_reset(struct dm_state *st)
{
	memset(st->phy, 0, sizeof(st->phy));
	st->phy[MII_BMCR] = DM_PHY_BMCR_RESET;
	st->phy[MII_ADVERTISE] = DM_PHY_ANAR_RESET;
	st->phy[DM_PHY_10BTCSR] = DM_PHY_10BTCSR_RESET;
}

static u16 dm_phy_dscsr(const struct dm_state *st)
{
	u16 v = FIELD_PREP(DM_DSCSR_PHYAD, DM_PHY_ADDR);

	if (!st->link)
		return v;
	if (st->speed100)
		return v | (st->fdx ? DM_DSCSR_100FDX : DM_DSCSR_100HDX);
	return v | (st->fdx ? DM_DSCSR_10FDX : DM_DSCSR_10HDX);
}

static u16 dm_phy_read(struct dm_state *st, unsigned int addr,
		       unsigned int reg)
{
	bool an_up = st->link && (st->phy[MII_BMCR] & BMCR_ANENABLE);
	u16 v;

	if (addr != DM_PHY_ADDR)
		return 0xffff;

	switch (reg) {
	case MII_BMSR:
		v = DM_BMSR_BASE;
		if (st->link && !st->link_fell)
			v |= BMSR_LSTATUS;
		if (an_up)
			v |= BMSR_ANEGCOMPLETE;
		st->link_fell = false;
		return v;
	case MII_PHYSID1:
		return DM_PHY_ID1;
	case MII_PHYSID2:
		return DM_PHY_ID2;
	case MII_LPA:
		return an_up ? DM_PHY_PARTNER : 0;
	case MII_EXPANSION:
		return an_up ? EXPANSION_NWAY : 0;
	case MII_MMD_DATA:
		return 0;
	case DM_PHY_DSCSR:
		return dm_phy_dscsr(st);
	case MII_BMCR:
	case MII_ADVERTISE:
	case MII_MMD_CTRL:
		return st->phy[reg];
	default:
		if (reg >= DM_PHY_DSCR && reg < DM_PHY_NREGS)
			return st->phy[reg];
		return 0;
	}
}

static void dm_phy_write(struct emu_chip *chip, struct dm_state *st,
			 unsigned int addr, unsigned int reg, u16 val)
{
	if (addr != DM_PHY_ADDR)
		return;

	switch (reg) {
	case MII_BMCR:
		if (val & BMCR_RESET)
			dm_phy_reset(st);
		else
			st->phy[reg] = val & ~BMCR_ANRESTART;
		/* a reset or a restart negotiates again */
		if (val & (BMCR_RESET | BMCR_ANRESTART))
			st->an_done = false;
		break;
	case MII_ADVERTISE:
	case MII_MMD_CTRL:
		st->phy[reg] = val;
		break;
	case DM_PHY_DSCR:
		st->phy[reg] = val & ~DM_DSCR_SMRST;
		break;
	case DM_PHY_DSCSR:
		break;
	default:
		if (reg > DM_PHY_DSCR && reg < DM_PHY_NREGS)
			st->phy[reg] = val;
		break;
	}
	dm_link_update(chip, st);
}

/* EEPROM and the EPCR/EPAR/EPDR window */

static void dm_eeprom_init(struct emu_chip *chip, struct dm_state *st)
{
	u8 mac[ETH_ALEN];
	unsigned int i;
	u16 serial;

	memcpy(mac, chip->mac, ETH_ALEN);
	if (is_zero_ether_addr(mac)) {
		serial = atomic_inc_return(&dm_serial);
		mac[0] = 0x02;
		mac[1] = 0x44;
		mac[2] = 0x4d;
		mac[3] = 0x51;
		mac[4] = serial >> 8;
		mac[5] = serial;
	}
	for (i = 0; i < DM_EEPROM_WORDS; i++)
		st->eeprom[i] = 0xffff;
	for (i = 0; i < ETH_ALEN / 2; i++)
		st->eeprom[i] = get_unaligned_le16(&mac[2 * i]);
	st->eeprom[DM_EEPROM_VID] = DM_VID;
	st->eeprom[DM_EEPROM_PID] = st->dm9000 ? DM9000_PID : DM_PID;
}

static void dm_load_par(struct dm_state *st)
{
	unsigned int i;

	for (i = 0; i < ETH_ALEN / 2; i++)
		put_unaligned_le16(st->eeprom[i], &st->reg[DM_PAR + 2 * i]);
}

static void dm_ep_command(struct emu_chip *chip, struct dm_state *st, u8 epcr)
{
	unsigned int addr = FIELD_GET(DM_EPAR_PHY, st->reg[DM_EPAR]);
	unsigned int reg = FIELD_GET(DM_EPAR_REG, st->reg[DM_EPAR]);
	u16 data;

	if (epcr & DM_EPCR_ERPRR) {
		if (epcr & DM_EPCR_EPOS)
			data = chip->faults.phy_absent ? 0xffff :
			       dm_phy_read(st, addr, reg);
		else
			data = st->eeprom[reg];
		st->reg[DM_EPDRL] = data;
		st->reg[DM_EPDRH] = data >> 8;
	} else if (epcr & DM_EPCR_ERPRW) {
		data = st->reg[DM_EPDRL] | st->reg[DM_EPDRH] << 8;
		if ((epcr & DM_EPCR_EPOS) && !chip->faults.phy_absent)
			dm_phy_write(chip, st, addr, reg, data);
		else if (!(epcr & DM_EPCR_EPOS) && (epcr & DM_EPCR_WEP))
			st->eeprom[reg] = data;
	}
	if (epcr & DM_EPCR_REEP)
		dm_load_par(st);
}

/* Checksum offload (DM9000 TCCR and RCSR) */

#define DM_IPV4_HLEN_MIN	20
#define DM_IPV4_FRAG		0x3fff
#define DM_TCP_HLEN_MIN		20
#define DM_TCP_CSUM_OFF		16
#define DM_UDP_HLEN		8
#define DM_UDP_CSUM_OFF		6

/*
 * The IPv4 header length of @frame (0: not an IPv4 frame whose lengths
 * hold together) and in @l4len the length of its TCP or UDP segment (0 for
 * a fragment, whose segment the chip cannot see whole).
 */
static unsigned int dm_csum_ipv4(const u8 *frame, unsigned int len,
				 unsigned int *l4len)
{
	const u8 *ip = frame + ETH_HLEN;
	unsigned int ihl, tot;

	if (len < ETH_HLEN + DM_IPV4_HLEN_MIN ||
	    get_unaligned_be16(frame + 2 * ETH_ALEN) != ETH_P_IP)
		return 0;
	ihl = (ip[0] & 0x0f) * 4;
	tot = get_unaligned_be16(ip + 2);
	if (ip[0] >> 4 != 4 || ihl < DM_IPV4_HLEN_MIN || tot < ihl ||
	    ETH_HLEN + tot > len)
		return 0;
	*l4len = get_unaligned_be16(ip + 6) & DM_IPV4_FRAG ? 0 : tot - ihl;
	return ihl;
}

/* Where a TCP or UDP segment keeps its checksum; 0: no such segment. */
static unsigned int dm_csum_l4_off(u8 proto, unsigned int l4len)
{
	if (proto == IPPROTO_TCP && l4len >= DM_TCP_HLEN_MIN)
		return DM_TCP_CSUM_OFF;
	if (proto == IPPROTO_UDP && l4len >= DM_UDP_HLEN)
		return DM_UDP_CSUM_OFF;
	return 0;
}

/* The folded checksum of a segment with its pseudo-header: 0 if right. */
static __sum16 dm_csum_l4(const u8 *ip, unsigned int ihl, unsigned int l4len)
{
	__wsum sum = csum_partial(ip + ihl, l4len, 0);

	return csum_tcpudp_magic(get_unaligned((__be32 *)(ip + 12)),
				 get_unaligned((__be32 *)(ip + 16)), l4len,
				 ip[9], sum);
}

/* DM9000 TCCR: fill in the checksums of a frame about to be sent. */
static void dm_tx_csum(const struct dm_state *st, u8 *frame, unsigned int len)
{
	u8 tccr = st->reg[DM9000_TCCR];
	u8 *ip = frame + ETH_HLEN;
	unsigned int ihl, l4len, off;
	__sum16 sum;
	u8 want;

	if (!st->dm9000 || !tccr)
		return;
	ihl = dm_csum_ipv4(frame, len, &l4len);
	if (!ihl)
		return;
	if (tccr & DM9000_TCCR_IP) {
		memset(ip + 10, 0, sizeof(sum));
		sum = ip_fast_csum(ip, ihl / 4);
		memcpy(ip + 10, &sum, sizeof(sum));
	}
	off = dm_csum_l4_off(ip[9], l4len);
	want = ip[9] == IPPROTO_TCP ? DM9000_TCCR_TCP : DM9000_TCCR_UDP;
	if (!off || !(tccr & want))
		return;
	memset(ip + ihl + off, 0, sizeof(sum));
	sum = dm_csum_l4(ip, ihl, l4len);
	if (ip[9] == IPPROTO_UDP && !sum)
		sum = CSUM_MANGLED_0;
	memcpy(ip + ihl + off, &sum, sizeof(sum));
}

/* DM9000 RCSR.CSUM: the type and bad-checksum flags of a stored frame. */
static u8 dm_rx_csum(const struct dm_state *st, const u8 *frame,
		     unsigned int len)
{
	const u8 *ip = frame + ETH_HLEN;
	unsigned int ihl, l4len, off;
	u8 v = DM9000_RCSR_IP;

	if (!st->dm9000 || !(st->reg[DM9000_RCSR] & DM9000_RCSR_CSUM))
		return 0;
	ihl = dm_csum_ipv4(frame, len, &l4len);
	if (!ihl)
		return 0;
	if (ip_fast_csum(ip, ihl / 4))
		v |= DM9000_RCSR_IP_BAD;
	off = dm_csum_l4_off(ip[9], l4len);
	if (!off)
		return v;
	if (ip[9] == IPPROTO_TCP) {
		v |= DM9000_RCSR_TCP;
		if (dm_csum_l4(ip, ihl, l4len))
			v |= DM9000_RCSR_TCP_BAD;
	} else {
		v |= DM9000_RCSR_UDP;
		/* UDP checksum 0: the sender computed none */
		if (get_unaligned_be16(ip + ihl + off) &&
		    dm_csum_l4(ip, ihl, l4len))
			v |= DM9000_RCSR_UDP_BAD;
	}
	return v;
}

/* RX */

static unsigned int dm_rx_used(const struct dm_state *st)
{
	int r = (st->mrr & DM_SRAM_MASK) - DM_RX_START;
	int w = st->rwpa - DM_RX_START;

	return (unsigned int)(w - r + 2 * DM_RX_SIZE) % DM_RX_SIZE;
}

/* Flow control: 802.3x PAUSE frames */

static unsigned int dm_rx_free(const struct dm_state *st)
{
	return DM_RX_SIZE - dm_rx_used(st);
}

static void dm_pause_send(struct emu_chip *chip, struct dm_state *st,
			  u16 quanta)
{
	u8 *f = st->pausebuf;

	if (!chip->host->wire_tx_ctrl)
		return;
	memset(f, 0, DM_PAUSE_LEN);
	ether_addr_copy(f, dm_pause_da);
	ether_addr_copy(f + ETH_ALEN, &st->reg[DM_PAR]);
	put_unaligned_be16(ETH_P_PAUSE, f + 2 * ETH_ALEN);
	put_unaligned_be16(DM_PAUSE_OPCODE, f + ETH_HLEN);
	put_unaligned_be16(quanta, f + ETH_HLEN + 2);
	chip->host->wire_tx_ctrl(chip, f, DM_PAUSE_LEN);
}

/* After a frame was stored: XOFF when free space fell below HWOT. */
static void dm_pause_xoff(struct emu_chip *chip, struct dm_state *st)
{
	unsigned int hwot = FIELD_GET(DM_FCTR_HWOT, st->reg[DM_FCTR]);

	if (st->xoff || !(st->reg[DM_FCR] & DM_FCR_TXPEN) || !hwot ||
	    !st->link || !st->fdx || dm_rx_free(st) >= hwot * SZ_1K)
		return;
	st->xoff = true;
	dm_pause_send(chip, st, DM_PAUSE_XOFF);
}

/* At the end of a command: XON once free space exceeds LWOT. */
static void dm_pause_xon(struct emu_chip *chip, struct dm_state *st)
{
	unsigned int lwot = FIELD_GET(DM_FCTR_LWOT, st->reg[DM_FCTR]);

	if (!st->xoff || dm_rx_free(st) <= lwot * SZ_1K)
		return;
	st->xoff = false;
	if (st->link)
		dm_pause_send(chip, st, DM_PAUSE_XON);
}

/* A MAC control frame for us: consume it. Return: it was one. */
static bool dm_rx_mac_ctrl(struct emu_chip *chip, struct dm_state *st,
			   const u8 *frame, unsigned int len)
{
	if (len < ETH_HLEN + 4 ||
	    get_unaligned_be16(frame + 2 * ETH_ALEN) != ETH_P_PAUSE)
		return false;
	if (!ether_addr_equal(frame, dm_pause_da) &&
	    !ether_addr_equal(frame, &st->reg[DM_PAR]))
		return false;
	if (get_unaligned_be16(frame + ETH_HLEN) != DM_PAUSE_OPCODE)
		return true;
	chip->cnt.rx_pause++;
	if ((st->reg[DM_FCR] & DM_FCR_FLCE) && chip->host->pause_tx)
		chip->host->pause_tx(chip,
				     get_unaligned_be16(frame + ETH_HLEN + 2));
	return true;
}

static void dm_rx_flush(struct dm_state *st)
{
	st->mrr = DM_RX_START;
	st->rwpa = DM_RX_START;
	st->sram[st->rwpa] = 0;
	st->nsr &= ~DM_NSR_RXOV;
}

static void dm_rx_put(struct dm_state *st, u8 val)
{
	st->sram[st->rwpa] = val;
	if (++st->rwpa == DM_SRAM_SIZE)
		st->rwpa = DM_RX_START;
}

static u16 dm_rx_read_next(const struct dm_state *st, u16 p)
{
	p = (p + 1) & DM_SRAM_MASK;
	if (!p && (st->imr & DM_IMR_PAR))
		p = DM_RX_START;
	return p;
}

static bool dm_rx_accept(const struct dm_state *st, const u8 *da)
{
	u8 rcr = st->reg[DM_RCR];
	u8 bin;

	if (rcr & DM_RCR_PRMSC)
		return true;
	if (!is_multicast_ether_addr(da))
		return !memcmp(da, &st->reg[DM_PAR], ETH_ALEN);
	if (rcr & DM_RCR_ALL)
		return true;
	bin = emu_dm9051_hash_bin(da);
	return st->reg[DM_MAR + bin / 8] & BIT(bin % 8);
}

static void dm_rx_overflow(struct emu_chip *chip, struct dm_state *st)
{
	unsigned int count = FIELD_GET(DM_ROCR_COUNT, st->rocr) + 1;

	chip->cnt.rx_drop_full++;
	st->isr |= DM_ISR_ROS;
	st->nsr |= DM_NSR_RXOV;
	if (count > FIELD_MAX(DM_ROCR_COUNT)) {
		count = 0;
		st->rocr |= DM_ROCR_OVF;
		st->isr |= DM_ISR_ROOS;
	}
	st->rocr = (st->rocr & DM_ROCR_OVF) | FIELD_PREP(DM_ROCR_COUNT, count);
}

static void dm_rx_store(struct emu_chip *chip, struct dm_state *st,
			const u8 *frame, unsigned int len, bool fcs_ok,
			u8 status)
{
	unsigned int stored = DM_RX_HDR_LEN + len + DM_FCS_LEN;
	unsigned int need = round_up(stored, st->width);
	u32 fcs = ~crc32_le(~0, frame, len);
	u16 hdr_len = len + DM_FCS_LEN;
	u8 fcs_bytes[DM_FCS_LEN];
	u8 hdr_status = status;
	u8 ready = DM_RX_READY | dm_rx_csum(st, frame, len);
	unsigned int i;

	if (chip->faults.rx_full ||
	    need + st->width > DM_RX_SIZE - dm_rx_used(st)) {
		dm_rx_overflow(chip, st);
		return;
	}

	switch (chip->faults.rx_hdr) {
	case EMU_RX_HDR_READY:
		ready = DM_BAD_READY;
		break;
	case EMU_RX_HDR_STATUS:
		hdr_status |= DM_RSR_CE;
		break;
	case EMU_RX_HDR_LEN_ZERO:
		hdr_len = 0;
		break;
	case EMU_RX_HDR_LEN_SHORT:
		hdr_len = DM_BAD_LEN_SHORT;
		break;
	case EMU_RX_HDR_LEN_LONG:
		hdr_len = DM_BAD_LEN_LONG;
		break;
	case EMU_RX_HDR_LEN_RING:
		hdr_len = DM_BAD_LEN_RING;
		break;
	case EMU_RX_HDR_OK:
		break;
	}
	chip->faults.rx_hdr = EMU_RX_HDR_OK;

	if (!fcs_ok)
		fcs = ~fcs;
	put_unaligned_le32(fcs, fcs_bytes);

	dm_rx_put(st, ready);
	dm_rx_put(st, hdr_status);
	dm_rx_put(st, hdr_len);
	dm_rx_put(st, hdr_len >> 8);
	for (i = 0; i < len; i++)
		dm_rx_put(st, frame[i]);
	for (i = 0; i < DM_FCS_LEN; i++)
		dm_rx_put(st, fcs_bytes[i]);
	/* a wide bus reads whole words: the next header starts after them */
	for (i = stored; i < need; i++)
		dm_rx_put(st, 0);
	st->sram[st->rwpa] = 0;

	st->reg[DM_RSR] = status;
	st->nsr &= ~DM_NSR_RXOV;
	st->isr |= DM_ISR_PRS;
	chip->cnt.rx_stored++;
	dm_pause_xoff(chip, st);
}

static void dm_wire_rx(struct emu_chip *chip, const u8 *frame,
		       unsigned int len, bool fcs_ok)
{
	struct dm_state *st = dm_state(chip);
	u8 rcr = st->reg[DM_RCR];
	u8 status = 0;

	chip->cnt.rx_frames++;
	if (!(rcr & DM_RCR_RXEN) || !st->link) {
		chip->cnt.rx_drop_disabled++;
		return;
	}
	if (len < ETH_ALEN || (len < DM_FRAME_MIN && !(rcr & DM_RCR_RUNT))) {
		chip->cnt.rx_drop_runt++;
		return;
	}
	if (len < DM_FRAME_MIN)
		status |= DM_RSR_RF;
	if (len > DM_FRAME_MAX && (rcr & DM_RCR_DIS_LONG)) {
		chip->cnt.rx_drop_long++;
		return;
	}
	if (!fcs_ok) {
		if (rcr & DM_RCR_DIS_CRC) {
			chip->cnt.rx_drop_crc++;
			return;
		}
		status |= DM_RSR_CE;
	}
	if (dm_rx_mac_ctrl(chip, st, frame, len))
		return;
	if (!dm_rx_accept(st, frame)) {
		chip->cnt.rx_drop_filtered++;
		return;
	}
	if (is_multicast_ether_addr(frame))
		status |= DM_RSR_MF;

	dm_rx_store(chip, st, frame, len, fcs_ok, status);
	dm_irq_update(chip, st);
}

/* TX */

static u16 dm_tx_next(u16 p)
{
	p = (p + 1) & DM_SRAM_MASK;
	return p == DM_TX_END ? 0 : p;
}

static unsigned int dm_tx_build(struct dm_state *st,
				const struct dm_tx_slot *slot)
{
	u8 pad_dis = slot->index ? DM_TCR_PAD_DIS2 : DM_TCR_PAD_DIS1;
	u8 crc_dis = slot->index ? DM_TCR_CRC_DIS2 : DM_TCR_CRC_DIS1;
	unsigned int len = slot->len;
	u8 tcr = st->reg[DM_TCR];
	unsigned int i, p;

	for (i = 0, p = slot->start; i < len; i++, p = (p + 1) % DM_TX_END)
		st->txbuf[i] = st->sram[p];
	if (tcr & crc_dis)
		len = len > DM_FCS_LEN ? len - DM_FCS_LEN : 0;
	if (!(tcr & pad_dis) && len < DM_FRAME_MIN) {
		memset(&st->txbuf[len], 0, DM_FRAME_MIN - len);
		len = DM_FRAME_MIN;
	}
	dm_tx_csum(st, st->txbuf, len);
	return len;
}

static void dm_tx_complete(struct dm_state *st, u8 tsr)
{
	u8 index = st->txq[0].index;

	st->txq[0] = st->txq[1];
	st->txq_len--;
	st->tsr[index] = tsr;
	st->nsr |= index ? DM_NSR_TX2END : DM_NSR_TX1END;
	st->isr |= DM_ISR_PTS;
}

/* Start the oldest request unless one is on the wire. */
static void dm_tx_kick(struct emu_chip *chip, struct dm_state *st)
{
	unsigned int len;

	while (st->txq_len && !st->tx_busy) {
		if (chip->faults.tx_stuck) {
			st->tx_busy = true;
			st->tx_hung = true;
			return;
		}
		if (!st->link) {
			dm_tx_complete(st, DM_TSR_NC);
			continue;
		}
		len = dm_tx_build(st, &st->txq[0]);
		if (chip->host->wire_tx(chip, st->txbuf, len)) {
			st->tx_busy = true;
			return;
		}
		dm_tx_complete(st, 0);
	}
}

static void dm_tx_request(struct emu_chip *chip, struct dm_state *st)
{
	struct dm_tx_slot *slot;
	unsigned int skip;

	if (st->txq_len == DM_TX_SLOTS) {
		chip->cnt.tx_rejected++;
		/* drop this frame, stay in step (strict: fall out of step) */
		if (!chip->strict) {
			skip = min_t(u16, st->txpl, DM_TX_END);
			skip = round_up(skip, st->width);
			st->trpa = (st->trpa % DM_TX_END + skip) % DM_TX_END;
		}
		return;
	}
	slot = &st->txq[st->txq_len++];
	slot->start = st->trpa % DM_TX_END;
	slot->len = min_t(u16, st->txpl, DM_TX_END);
	slot->index = st->tx_index;
	if (dm_dm9000_way(chip, st))
		st->tx_index ^= 1;
	/* a wide bus wrote the frame in whole words: the next starts after */
	st->trpa = (slot->start + round_up(slot->len, st->width)) % DM_TX_END;
	dm_tx_kick(chip, st);
}

static void dm_tx_auto(struct emu_chip *chip, struct dm_state *st)
{
	unsigned int written;

	/* the DM9000's 0x30 is ETXCSR: no auto-transmit */
	if (st->dm9000 || !(st->reg[DM_ATCR] & DM_ATCR_AUTO_TX) || !st->txpl ||
	    st->txq_len == DM_TX_SLOTS)
		return;
	written = (st->mwr - st->trpa + DM_TX_END) % DM_TX_END;
	if (written >= st->txpl)
		dm_tx_request(chip, st);
}

static void dm_tx_done(struct emu_chip *chip)
{
	struct dm_state *st = dm_state(chip);

	if (!st->tx_busy || st->tx_hung || chip->faults.tx_stuck)
		return;
	st->tx_busy = false;
	dm_tx_complete(st, 0);
	dm_tx_kick(chip, st);
	dm_irq_update(chip, st);
}

/* Reset */

static void dm_regs_reset(struct dm_state *st)
{
	memset(st->reg, 0, sizeof(st->reg));
	st->reg[DM_BPTR] = DM_RESET_BPTR;
	st->reg[DM_FCTR] = DM_RESET_FCTR;
	st->reg[DM_EPAR] = FIELD_PREP(DM_EPAR_PHY, DM_PHY_ADDR);
	st->reg[DM_GPCR] = DM_RESET_GPCR;
	st->reg[DM_GPR] = DM_GPR_PHY_OFF;
	st->reg[DM_VIDL] = DM_VID & 0xff;
	st->reg[DM_VIDH] = DM_VID >> 8;
	st->reg[DM_PIDL] = (st->dm9000 ? DM9000_PID : DM_PID) & 0xff;
	st->reg[DM_PIDH] = (st->dm9000 ? DM9000_PID : DM_PID) >> 8;
	st->reg[DM_CHIPR] = st->dm9000 ? DM9000_CHIPR_B : DM_CHIP_REV;

	st->mwr = 0;
	st->trpa = 0;
	st->txpl = 0;
	st->isr = 0;
	st->imr = 0;
	st->nsr = DM_NSR_TX1END | DM_NSR_TX2END;
	st->rocr = 0;
	memset(st->tsr, 0, sizeof(st->tsr));
	st->txq_len = 0;
	st->tx_index = 0;
	st->tx_busy = false;
	st->tx_hung = false;
	st->xoff = false;
	dm_rx_flush(st);
}

static void dm_soft_reset(struct emu_chip *chip, struct dm_state *st)
{
	u8 keep[DM_GPR + 1 - DM_PAR];

	memcpy(keep, &st->reg[DM_PAR], sizeof(keep));
	dm_regs_reset(st);
	memcpy(&st->reg[DM_PAR], keep, sizeof(keep));
	if (chip->strict)
		memset(&st->reg[DM_MAR], 0, DM_GPCR - DM_MAR);
	chip->cnt.resets++;
	dm_link_update(chip, st);
	if (dm_dm9000_way(chip, st))
		dm_irq_polarity(chip, st);
}

/* Power-on of a DM9051, or of a DM9000 (@dm9000) strapped for @width. */
static void dm_power_up(struct emu_chip *chip, bool dm9000, u8 width)
{
	struct dm_state *st = dm_state(chip);
	bool irq = st->irq;

	/* a power cycle drops the line (priv starts zeroed) */
	memset(st, 0, sizeof(*st));
	st->dm9000 = dm9000;
	st->width = width;
	if (irq)
		chip->host->set_irq(chip, false);
	dm_eeprom_init(chip, st);
	dm_phy_reset(st);
	dm_regs_reset(st);
	dm_load_par(st);
	dm_link_update(chip, st);
	if (dm_dm9000_way(chip, st))
		dm_irq_polarity(chip, st);
}

static void dm_power_on(struct emu_chip *chip)
{
	dm_power_up(chip, false, 1);
}

/* Registers */

/*
 * RWPA as a read sees it: with the rwpa_lead fault, that many bytes
 * further on along the RX ring, for one read of RWPAL then RWPAH (the
 * write pointer of a frame still arriving, or a read torn by one that
 * was stored between the two bytes).
 */
static u16 dm_rwpa_read(struct emu_chip *chip, struct dm_state *st,
			bool high, bool peek)
{
	u32 lead = chip->faults.rwpa_lead % DM_RX_SIZE;
	u16 p = DM_RX_START + (st->rwpa - DM_RX_START + lead) % DM_RX_SIZE;

	if (high && !peek)
		chip->faults.rwpa_lead = 0;
	return p;
}

/* A register's value; @peek: without the side effects a read has. */
static u8 dm_reg_read(struct emu_chip *chip, struct dm_state *st, u8 addr,
		      bool peek)
{
	u8 v;

	switch (addr) {
	case DM_NCR:
		v = st->reg[DM_NCR];
		return st->link && st->fdx ? v | DM_NCR_FDX : v;
	case DM_NSR:
		v = st->nsr;
		if (st->link)
			v |= st->speed100 ? DM_NSR_LINKST :
					    DM_NSR_LINKST | DM_NSR_SPEED;
		if (dm_rx_used(st))
			v |= DM_NSR_RXRDY;
		if (dm_dm9000_way(chip, st) && !peek)
			st->nsr &= ~(DM_NSR_TX1END | DM_NSR_TX2END);
		return v;
	case DM_TCR:
		v = st->reg[DM_TCR];
		return st->txq_len ? v | DM_TCR_TXREQ : v;
	case DM_TSR1:
	case DM_TSR2:
		return st->tsr[addr - DM_TSR1];
	case DM_ROCR:
		v = st->rocr;
		if (!peek)
			st->rocr = 0;
		return v;
	case DM_TRPAL:
		return st->trpa;
	case DM_TRPAH:
		return st->trpa >> 8;
	case DM_RWPAL:
		return dm_rwpa_read(chip, st, false, peek);
	case DM_RWPAH:
		return dm_rwpa_read(chip, st, true, peek) >> 8;
	case DM_MRRL:
		return st->mrr;
	case DM_MRRH:
		return st->mrr >> 8;
	case DM_MWRL:
		return st->mwr;
	case DM_MWRH:
		return st->mwr >> 8;
	case DM_TXPLL:
		return st->txpl;
	case DM_TXPLH:
		return st->txpl >> 8;
	case DM_ISR:
		if (st->dm9000)
			return st->isr | FIELD_PREP(DM9000_ISR_IOMODE,
						    dm9000_iomode(st));
		return chip->strict ? st->isr | DM_ISR_MBS : st->isr;
	case DM_IMR:
		return st->imr;
	default:
		return st->reg[addr];
	}
}

static void dm_set_lo(u16 *p, u8 val)
{
	*p = (*p & 0xff00) | val;
}

static void dm_set_hi(u16 *p, u8 val)
{
	*p = (*p & 0x00ff) | val << 8;
}

static void dm_reg_write(struct emu_chip *chip, struct dm_state *st,
			 u8 addr, u8 val)
{
	switch (addr) {
	case DM_NCR:
		if (val & DM_NCR_RST)
			dm_soft_reset(chip, st);
		else
			st->reg[DM_NCR] = val & ~DM_NCR_FDX;
		break;
	case DM_NSR:
		st->nsr &= ~(val & (DM_NSR_WAKEST | DM_NSR_TX2END |
				    DM_NSR_TX1END));
		break;
	case DM_TCR:
		st->reg[DM_TCR] = val & ~DM_TCR_TXREQ;
		if (val & DM_TCR_TXREQ)
			dm_tx_request(chip, st);
		break;
	case DM_TSR1:
	case DM_TSR2:
	case DM_RSR:
	case DM_ROCR:
	case DM_TRPAL:
	case DM_TRPAH:
	case DM_RWPAL:
	case DM_RWPAH:
	case DM_VIDL:
	case DM_VIDH:
	case DM_PIDL:
	case DM_PIDH:
	case DM_CHIPR:
		break;
	case DM_EPCR:
		st->reg[DM_EPCR] = val & ~DM_EPCR_ERRE;
		dm_ep_command(chip, st, val);
		break;
	case DM_GPR:
		st->reg[DM_GPR] = val;
		dm_link_update(chip, st);
		break;
	case DM_INTCR:
		st->reg[DM_INTCR] = val;
		dm_irq_polarity(chip, st);
		break;
	case DM_MPTRCR:
		if (val & DM_MPTRCR_RST_TX) {
			st->mwr = 0;
			st->trpa = 0;
		}
		if (val & DM_MPTRCR_RST_RX)
			dm_rx_flush(st);
		break;
	case DM_MRRL:
		dm_set_lo(&st->mrr, val);
		break;
	case DM_MRRH:
		dm_set_hi(&st->mrr, val);
		break;
	case DM_MWRL:
		dm_set_lo(&st->mwr, val);
		break;
	case DM_MWRH:
		dm_set_hi(&st->mwr, val);
		break;
	case DM_TXPLL:
		dm_set_lo(&st->txpl, val);
		break;
	case DM_TXPLH:
		dm_set_hi(&st->txpl, val);
		break;
	case DM_ISR:
		st->isr &= ~(val & DM_ISR_STATUS);
		break;
	case DM_IMR:
		if (dm_dm9000_way(chip, st) && (val & DM_IMR_PAR) &&
		    !(st->imr & DM_IMR_PAR))
			dm_set_hi(&st->mrr, DM_RX_START >> 8);
		st->imr = val;
		break;
	default:
		st->reg[addr] = val;
		break;
	}
}

static u8 dm_peek(struct emu_chip *chip, unsigned int addr)
{
	return dm_reg_read(chip, dm_state(chip), addr & 0x7f, true);
}

/* SPI */

/* A data byte beyond the first on a normal register, in strict mode. */
static bool dm_burst_refused(struct emu_chip *chip, struct dm_state *st)
{
	if (!st->ndata || !chip->strict)
		return false;
	if (!st->burst_err) {
		st->burst_err = true;
		chip->cnt.spi_errors++;
	}
	return true;
}

static u8 dm_data_read(struct emu_chip *chip, struct dm_state *st, u8 addr)
{
	u8 v;

	switch (addr) {
	case DM_MRCMDX:
	case DM_MRCMDX1:
		return st->sram[st->mrr & DM_SRAM_MASK];
	case DM_MRCMD:
		v = st->sram[st->mrr & DM_SRAM_MASK];
		st->mrr = dm_rx_read_next(st, st->mrr);
		return v;
	}
	if (dm_burst_refused(chip, st))
		return 0xff;
	return dm_reg_read(chip, st, addr, false);
}

static void dm_data_write(struct emu_chip *chip, struct dm_state *st,
			  u8 addr, u8 val)
{
	switch (addr) {
	case DM_MWCMD:
		st->sram[st->mwr & DM_SRAM_MASK] = val;
		st->mwr = dm_tx_next(st->mwr);
		dm_tx_auto(chip, st);
		return;
	case DM_MWCMDX:
		st->sram[st->mwr & DM_SRAM_MASK] = val;
		return;
	case DM_MRCMDX:
	case DM_MRCMDX1:
	case DM_MRCMD:
		return;
	}
	if (dm_burst_refused(chip, st))
		return;
	dm_reg_write(chip, st, addr, val);
}

/*
 * The data path a command uses, for the host's per-path counters: the RX
 * memory ports, the RX read pointer and RX status; the TX memory ports, the
 * TX write pointer, the packet length, TCR and TX status.
 */
static u8 dm_cmd_path(u8 cmd)
{
	switch (FIELD_GET(DM_CMD_ADDR, cmd)) {
	case DM_MRCMDX:
	case DM_MRCMDX1:
	case DM_MRCMD:
	case DM_MRRL:
	case DM_MRRH:
	case DM_RSR:
	case DM_ROCR:
		return EMU_PATH_RX;
	case DM_MWCMDX:
	case DM_MWCMD:
	case DM_MWRL:
	case DM_MWRH:
	case DM_TXPLL:
	case DM_TXPLH:
	case DM_TCR:
	case DM_TSR1:
	case DM_TSR2:
		return EMU_PATH_TX;
	}
	return 0;
}

static u8 dm_spi_byte(struct emu_chip *chip, u8 in)
{
	struct dm_state *st = dm_state(chip);
	u8 addr, out = 0;

	if (!st->have_cmd) {
		st->cmd = in;
		st->have_cmd = true;
		chip->path |= dm_cmd_path(in);
		st->ndata = 0;
		st->burst_err = false;
		return 0;
	}
	addr = FIELD_GET(DM_CMD_ADDR, st->cmd);
	if (st->cmd & DM_CMD_WRITE)
		dm_data_write(chip, st, addr, in);
	else
		out = dm_data_read(chip, st, addr);
	st->ndata++;
	return out;
}

static void dm_cs_assert(struct emu_chip *chip)
{
	struct dm_state *st = dm_state(chip);

	st->selected = true;
	st->have_cmd = false;
}

static void dm_xfer(struct emu_chip *chip, const u8 *tx, u8 *rx,
		    unsigned int len)
{
	struct dm_state *st = dm_state(chip);

	emu_spi_bytes(chip, st->selected, tx, rx, len, dm_spi_byte);
	dm_irq_update(chip, st);
}

static void dm_cs_deassert(struct emu_chip *chip)
{
	struct dm_state *st = dm_state(chip);

	st->selected = false;
	st->have_cmd = false;
	dm_pause_xon(chip, st);
	dm_irq_update(chip, st);
}

static void dm_link_change(struct emu_chip *chip, bool up)
{
	struct dm_state *st = dm_state(chip);

	chip->link_up = up;
	dm_link_update(chip, st);
	dm_irq_update(chip, st);
}

/* DM9000: the index and data ports of the parallel bus */

/* The register @index selects, in the DM9051's numbering; DM_NREGS: none. */
static unsigned int dm9000_reg(u8 index)
{
	if (index < DM9000_REG_END)
		return index;
	if (index >= DM9000_MEM_INDEX)
		return index - DM9000_MEM_OFFSET;
	return DM_NREGS;
}

static u8 dm9000_path(u8 index)
{
	unsigned int reg = dm9000_reg(index);

	return reg == DM_NREGS ? 0 : dm_cmd_path(reg);
}

/* One bus cycle of the data port: @st->width bytes, little-endian. */
static u32 dm9000_cycle_read(struct emu_chip *chip, struct dm_state *st)
{
	unsigned int reg = dm9000_reg(st->index), i;
	u16 p = st->mrr;
	u32 v = 0;

	switch (reg) {
	case DM_MRCMDX:
	case DM_MRCMDX1:
		for (i = 0; i < st->width; i++, p = dm_rx_read_next(st, p))
			v |= (u32)st->sram[p & DM_SRAM_MASK] << (8 * i);
		return v;
	case DM_MRCMD:
		for (i = 0; i < st->width; i++) {
			v |= (u32)st->sram[st->mrr & DM_SRAM_MASK] << (8 * i);
			st->mrr = dm_rx_read_next(st, st->mrr);
		}
		return v;
	case DM_NREGS:
		return 0;
	}
	return dm_reg_read(chip, st, reg, false);
}

static void dm9000_cycle_write(struct emu_chip *chip, struct dm_state *st,
			       u32 val)
{
	unsigned int reg = dm9000_reg(st->index), i;
	u16 p = st->mwr;

	switch (reg) {
	case DM_MWCMD:
		for (i = 0; i < st->width; i++) {
			st->sram[st->mwr & DM_SRAM_MASK] = val >> (8 * i);
			st->mwr = dm_tx_next(st->mwr);
		}
		return;
	case DM_MWCMDX:
		for (i = 0; i < st->width; i++, p = dm_tx_next(p))
			st->sram[p & DM_SRAM_MASK] = val >> (8 * i);
		return;
	case DM_MRCMDX:
	case DM_MRCMDX1:
	case DM_MRCMD:
	case DM_NREGS:
		return;
	}
	dm_reg_write(chip, st, reg, val);
}

static unsigned long dm9000_io_read(struct emu_chip *chip, unsigned int port,
				    unsigned int size)
{
	struct dm_state *st = dm_state(chip);
	unsigned long v;
	unsigned int i;

	if (chip->faults.dead) {
		for (v = 0, i = 0; i < size; i++)
			v = v << 8 | chip->faults.dead_byte;
		return v;
	}
	if (port == EMU_PORT_INDEX) {
		v = st->index;
	} else {
		chip->path |= dm9000_path(st->index);
		v = dm9000_cycle_read(chip, st);
		dm_pause_xon(chip, st);
		dm_irq_update(chip, st);
	}
	if (size <= st->width)
		return v & GENMASK(8 * size - 1, 0);
	/* no data lines above the chip's width: they float high */
	chip->cnt.spi_errors++;
	return v | GENMASK(8 * size - 1, 8 * st->width);
}

static void dm9000_io_write(struct emu_chip *chip, unsigned int port,
			    unsigned int size, unsigned long val)
{
	struct dm_state *st = dm_state(chip);

	if (chip->faults.dead)
		return;
	if (size > st->width)
		chip->cnt.spi_errors++;
	chip->path |= dm9000_path(port == EMU_PORT_INDEX ? val : st->index);
	if (port == EMU_PORT_INDEX) {
		st->index = val;
		return;
	}
	dm9000_cycle_write(chip, st, val);
	dm_pause_xon(chip, st);
	dm_irq_update(chip, st);
}

static void dm9000_power_on(struct emu_chip *chip)
{
	u8 width = chip->bus_width;

	dm_power_up(chip, true, width == 1 || width == 4 ? width : 2);
}

const struct emu_model_ops emu_dm9000_model = {
	.name = "dm9000",
	.priv_size = sizeof(struct dm_state),
	.power_on = dm9000_power_on,
	.wire_rx = dm_wire_rx,
	.tx_done = dm_tx_done,
	.link_change = dm_link_change,
	.timer = dm_timer,
	.peek = dm_peek,
	.io_read = dm9000_io_read,
	.io_write = dm9000_io_write,
	/* INTCR resets to active high (DM9000 notes) */
	.irq_type = IRQ_TYPE_LEVEL_HIGH,
};
EXPORT_SYMBOL_GPL(emu_dm9000_model);

const struct emu_model_ops emu_dm9051_model = {
	.name = "dm9051",
	.priv_size = sizeof(struct dm_state),
	.power_on = dm_power_on,
	.cs_assert = dm_cs_assert,
	.xfer = dm_xfer,
	.cs_deassert = dm_cs_deassert,
	.wire_rx = dm_wire_rx,
	.tx_done = dm_tx_done,
	.link_change = dm_link_change,
	.timer = dm_timer,
	.peek = dm_peek,
};
EXPORT_SYMBOL_GPL(emu_dm9051_model);
