/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinet: the interface between the chip-independent core and a chip.
 *
 * The core owns the net_device, NAPI, the RX and TX rings, flow control,
 * statistics, ethtool, phylib and recovery. A chip is one file: a
 * &struct spinet_chip (limits and names) and its &struct spinet_chip_ops.
 * Documentation/design.md describes the contexts and the locking.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_H
#define _SPINET_H

#include <linux/bits.h>
#include <linux/ethtool.h>
#include <linux/if_ether.h>
#include <linux/types.h>

struct device;
struct net_device;
struct sk_buff;
struct spinet;

/* Events a chip reports from &spinet_chip_ops.irq_status. */
#define SPINET_EV_RX		BIT(0)	/* frames wait in the chip */
#define SPINET_EV_TX		BIT(1)	/* a transmission finished */
#define SPINET_EV_LINK		BIT(2)	/* the internal PHY's link changed */
#define SPINET_EV_AGAIN		BIT(3)	/* status still set: read it again */

/* The most frames a memory-mapped chip holds (&spinet_chip.tx_depth). */
#define SPINET_TX_DEPTH_MAX	4

/* The most multicast addresses the core hands to a chip; beyond: all-multi. */
#define SPINET_MC_MAX		32

/**
 * struct spinet_rx_filter - what the chip should accept
 * @promisc: every frame
 * @allmulti: every group-addressed frame
 * @mc_count: number of entries in @mc (unused when @allmulti or @promisc)
 * @mc: multicast addresses to accept; broadcast is always accepted
 */
struct spinet_rx_filter {
	bool promisc;
	bool allmulti;
	unsigned int mc_count;
	u8 mc[SPINET_MC_MAX][ETH_ALEN];
};

/**
 * enum spinet_rx_err - receive errors a chip reports with spinet_rx_error()
 * @SPINET_RX_ERR_CRC: frame check sequence wrong (rx_crc_errors)
 * @SPINET_RX_ERR_LENGTH: impossible length in a header (rx_length_errors)
 * @SPINET_RX_ERR_FRAME: header out of step or framing error (rx_frame_errors)
 * @SPINET_RX_ERR_FIFO: the chip's FIFO overran within a frame (rx_fifo_errors)
 * @SPINET_RX_ERR_OVER: frames the chip dropped for lack of memory
 *	(rx_over_errors)
 */
enum spinet_rx_err {
	SPINET_RX_ERR_CRC,
	SPINET_RX_ERR_LENGTH,
	SPINET_RX_ERR_FRAME,
	SPINET_RX_ERR_FIFO,
	SPINET_RX_ERR_OVER,
};

/**
 * struct spinet_chip_ops - what a chip does for the core
 *
 * A chip on a bus that sleeps (SPI): every op is called in process
 * context with the bus mutex held: by the bus owner, or by probe, open,
 * stop, MDIO and the register dump, which take the mutex between its
 * passes. An op may sleep and do bus I/O, and needs no locking of its own
 * for the chip's registers and its private state.
 *
 * A memory-mapped chip (&spinet_chip.mmio): there is no bus owner, and the
 * ops are called where the work is. @irq_mask from the hard IRQ handler and
 * from NAPI; @irq_status, @rx and @tx_done from the NAPI poll (@tx_done
 * under the TX queue's lock, so never beside @tx); @tx from
 * ndo_start_xmit; the others in process context with the bus mutex held,
 * @reset with NAPI and the TX queue stopped. Such a chip serialises its
 * own register accesses (a spinlock taken with interrupts off, held for
 * at most one frame) and sleeps only in @probe, @reset, @stop and the MDIO
 * ops, never with that lock held. Documentation/design.md has the table.
 *
 * Ops return 0 or a negative errno; a bus error (-EIO, -ETIMEDOUT...) is
 * counted by the core, which resets the chip after several in a row.
 *
 * @probe: identify the chip (an ID mismatch returns -ENODEV with a message
 *	naming what was read), prepare its interrupt pin, leave its
 *	interrupts masked and its PHY powered down; copy the address stored
 *	in the chip (from its EEPROM) to @mac, or zeroes if it has none.
 *	Called once, before the net_device is registered.
 * @reset: reset the chip and program its base configuration with the PHY
 *	powered, receive and interrupts still off. Used by open and by
 *	recovery; the core then calls @set_mac, @set_filter, @set_pause and
 *	@start.
 * @start: enable the chip's interrupts. Receive is enabled by @set_filter.
 * @stop: disable receive and interrupts, power the PHY down.
 * @irq_status: read and acknowledge the chip's interrupt status; set
 *	SPINET_EV_* in @events (0 if the chip did not interrupt).
 * @rx: read at most @budget frames, handing each to spinet_rx_frame() (the
 *	core guarantees room for @budget frames). Return the number read, or
 *	a negative errno if an operation failed (frames handed over before
 *	it go up all the same). A header that makes no sense is reported with
 *	spinet_rx_error() and spinet_request_reset(), and ends the batch.
 * @rx_irq: mask (@enable false) or unmask the chip's receive interrupt,
 *	while the core's RX ring is full. SPI chips only.
 * @irq_mask: memory-mapped chips: mask (@enable false) or unmask every
 *	interrupt of the chip, with one register write.
 * @tx: copy one frame to the chip and have it sent. Return 0 when the
 *	chip holds the frame (the core frees the skb), -EBUSY when the chip
 *	has no room (the core keeps the skb and retries after the next
 *	SPINET_EV_TX, which the chip must then raise), or another negative
 *	errno (the frame is dropped).
 * @tx_flush: optional: start frames @tx left waiting in the chip; -EBUSY
 *	as for @tx. Called when the core's TX ring is empty or @tx said
 *	-EBUSY, and on SPINET_EV_TX. SPI chips only.
 * @tx_done: memory-mapped chips: return how many of the frames @tx took
 *	the chip has finished sending since the last call (in the order @tx
 *	took them), and start the next one waiting. The core completes them
 *	(counters, BQL) and wakes the queue. Called after SPINET_EV_TX.
 * @set_mac: program the station address.
 * @set_filter: program the receive filter and enable receive.
 * @set_pause: program 802.3x flow control: honour received PAUSE frames
 *	(@rx), send them when the chip's memory fills (@tx). NULL for a chip
 *	without flow control: ethtool -A is refused and the PHY advertises
 *	no pause.
 * @mdio_read: read PHY register @reg of the PHY at @addr; return the value
 *	or a negative errno. A chip whose PHY is not on MDIO presents its PHY
 *	status as Clause 22 registers here, so that phylib drives it.
 * @mdio_write: write PHY register @reg of the PHY at @addr.
 * @get_regs: fill @buf (&spinet_chip.regs_len bytes) with a register dump
 *	for ethtool -d, reading nothing that clears on read.
 */
struct spinet_chip_ops {
	int (*probe)(struct spinet *sn, u8 *mac);
	int (*reset)(struct spinet *sn);
	int (*start)(struct spinet *sn);
	void (*stop)(struct spinet *sn);
	int (*irq_status)(struct spinet *sn, u32 *events);
	int (*rx)(struct spinet *sn, unsigned int budget);
	int (*rx_irq)(struct spinet *sn, bool enable);
	void (*irq_mask)(struct spinet *sn, bool enable);
	int (*tx)(struct spinet *sn, struct sk_buff *skb);
	int (*tx_flush)(struct spinet *sn);
	int (*tx_done)(struct spinet *sn);
	int (*set_mac)(struct spinet *sn, const u8 *addr);
	int (*set_filter)(struct spinet *sn, const struct spinet_rx_filter *f);
	int (*set_pause)(struct spinet *sn, bool rx, bool tx);
	int (*mdio_read)(struct spinet *sn, int addr, int reg);
	int (*mdio_write)(struct spinet *sn, int addr, int reg, u16 val);
	int (*get_regs)(struct spinet *sn, void *buf);
};

/**
 * struct spinet_chip - a chip's description: names and limits
 * @name: chip name, for messages and ethtool -i
 * @ops: the chip's operations
 * @priv_size: size of the chip's private data (spinet_chip_priv())
 * @max_mtu: largest MTU the chip's memory and length filter allow
 * @max_spi_hz: fastest SPI clock the chip supports (SPI chips)
 * @mmio: the chip's registers are memory-mapped: the core drives it
 *	directly from the hard IRQ handler, NAPI and ndo_start_xmit instead of
 *	through a bus owner (see &struct spinet_chip_ops)
 * @tx_depth: memory-mapped chips: frames the chip holds at once (sent and
 *	waiting); the TX queue stops while it holds that many, at most
 *	%SPINET_TX_DEPTH_MAX
 * @phy_addr: MDIO address of the internal PHY
 * @link_poll: the chip raises no interrupt when its link changes
 *	(SPINET_EV_LINK never comes): phylib polls the PHY once a second
 * @regs_len: bytes in the ethtool -d dump
 * @regs_version: version word of the dump (the chip's ID)
 * @n_stats: number of chip-specific counters
 * @stat_names: their ethtool -S names
 */
struct spinet_chip {
	const char *name;
	const struct spinet_chip_ops *ops;
	size_t priv_size;
	unsigned int max_mtu;
	u32 max_spi_hz;
	bool mmio;
	unsigned int tx_depth;
	int phy_addr;
	bool link_poll;
	unsigned int regs_len;
	u32 regs_version;
	unsigned int n_stats;
	const char (*stat_names)[ETH_GSTRING_LEN];
};

struct spi_device;
int spinet_spi_setup(struct spi_device *spi, const struct spinet_chip *chip);
int spinet_probe(struct device *dev, int irq, const struct spinet_chip *chip);
void spinet_remove(struct device *dev);
int spinet_spi_probe(struct spi_device *spi);
void spinet_spi_remove(struct spi_device *spi);

/* System sleep, for a bus driver's .driver.pm (pm_sleep_ptr()). */
extern const struct dev_pm_ops spinet_pm_ops;

void *spinet_chip_priv(struct spinet *sn);
struct device *spinet_dev(struct spinet *sn);
struct net_device *spinet_netdev(struct spinet *sn);

struct sk_buff *spinet_rx_alloc(struct spinet *sn, unsigned int len);
void spinet_rx_frame(struct spinet *sn, struct sk_buff *skb);
void spinet_rx_error(struct spinet *sn, enum spinet_rx_err err,
		     unsigned int n);
void spinet_chip_stat_add(struct spinet *sn, unsigned int idx, u64 n);
void spinet_request_reset(struct spinet *sn);
void spinet_link_poll(struct spinet *sn);

#endif /* _SPINET_H */
