/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinet core internals, shared by the core's files only; chips use
 * spinet.h.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_PRIV_H
#define _SPINET_PRIV_H

#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

#include "spinet.h"
#include "spinet_ring.h"

#define SPINET_RX_RING		64	/* frames read but not yet polled */
#define SPINET_TX_RING		64	/* frames queued but not yet written */
#define SPINET_RX_BATCH		16	/* frames read per pass */
#define SPINET_TX_BATCH		16	/* frames written per pass */
#define SPINET_TX_WAKE		(SPINET_TX_RING / 4)
#define SPINET_GSO_MAX_SEGS	4	/* frames a GSO skb: 2 ms of bus */
#define SPINET_OWNER_PASSES	16	/* passes per bus-owner wake-up */
#define SPINET_BUS_ERR_RESET	8	/* bus errors in a row before a reset */
#define SPINET_TX_TIMEOUT	(2 * HZ)
#define SPINET_EDGE_POLL	(HZ / 10)	/* quiet edge line: poll */

/* Work for the bus owner, bits of &spinet.work. */
enum spinet_work {
	SPINET_WORK_IRQ,	/* the chip interrupted */
	SPINET_WORK_STATUS,	/* read the chip's status, line masked */
	SPINET_WORK_TX,		/* frames wait in the TX ring */
	SPINET_WORK_RX,		/* read more frames (batch cut short) */
	SPINET_WORK_RX_RESUME,	/* the RX ring drained: unmask RX */
	SPINET_WORK_FILTER,	/* program the receive filter */
	SPINET_WORK_MAC,	/* program the station address */
	SPINET_WORK_PAUSE,	/* program flow control */
	SPINET_WORK_RESET,	/* reset the chip and restore it */
	SPINET_WORK_TIMEOUT,	/* the TX watchdog fired */
};

/* Work a reset does anyway: it programs the filter, address and pause. */
#define SPINET_WORK_RESTORED	(BIT(SPINET_WORK_FILTER) | \
				 BIT(SPINET_WORK_MAC) | BIT(SPINET_WORK_PAUSE))
/* Work that asks for a reset. */
#define SPINET_WORK_RESETS	(BIT(SPINET_WORK_RESET) | \
				 BIT(SPINET_WORK_TIMEOUT))

/**
 * struct spinet_engine - how the core drives a chip: through a bus owner
 *	(chips on a bus that sleeps) or directly (memory-mapped chips)
 * @ndo: the net_device ops (ndo_start_xmit differs)
 * @poll: the NAPI poll
 * @hardirq: the hard IRQ handler
 * @thread: the IRQ thread, or NULL
 * @irqflags: request_threaded_irq() flags
 * @wake: have the work in &spinet.work done
 * @deliver: hand a frame the chip's @rx read to the stack; false if it
 *	was dropped (counted)
 */
struct spinet_engine {
	const struct net_device_ops *ndo;
	int (*poll)(struct napi_struct *napi, int budget);
	irq_handler_t hardirq;
	irq_handler_t thread;
	unsigned long irqflags;
	void (*wake)(struct spinet *sn);
	bool (*deliver)(struct spinet *sn, struct sk_buff *skb);
};

/* Counters: the standard ones first, then the core's own for ethtool -S. */
enum spinet_stat {
	SPINET_STAT_RX_PACKETS,
	SPINET_STAT_RX_BYTES,
	SPINET_STAT_TX_PACKETS,
	SPINET_STAT_TX_BYTES,
	SPINET_STAT_RX_CRC,
	SPINET_STAT_RX_LENGTH,
	SPINET_STAT_RX_FRAME,
	SPINET_STAT_RX_FIFO,
	SPINET_STAT_RX_OVER,
	SPINET_STAT_RX_DROPPED,
	SPINET_STAT_RX_MULTICAST,
	SPINET_STAT_TX_ERRORS,
	SPINET_STAT_TX_DROPPED,
	SPINET_STAT_TX_TIMEOUTS,
	SPINET_STAT_BUS_ERRORS,
	SPINET_STAT_CHIP_RESETS,
	SPINET_STAT_RX_RING_FULL,
	SPINET_STAT_TX_CHIP_BUSY,
	SPINET_STAT_IRQS,
	SPINET_STAT_IRQS_NONE,
	SPINET_STAT_OWNER_RUNS,
	SPINET_STAT_NUM
};

/**
 * struct spinet - one device: the core's state
 * @ndev: the net_device this is the private area of
 * @dev: the bus device (SPI device) it was probed from
 * @chip: the chip's description and ops
 * @chip_priv: the chip's private data, &spinet_chip.priv_size bytes
 * @engine: the bus owner's (SPI) or the direct one (memory-mapped)
 * @irq: interrupt number; its thread is the bus owner
 * @napi: drains @rxr into the stack
 * @bus_lock: serialises every access to the chip: the bus owner's passes,
 *	MDIO from phylib and ethtool, the register dump, open, stop
 * @running: the interface is up and the chip started; written under
 *	@bus_lock, read by the bus owner under it
 * @dead: a reset failed: the chip is left alone, its interrupt disabled,
 *	but for a reset every second; under @bus_lock
 * @bus_errors: bus errors and interrupts without a cause since the chip
 *	last raised one with a cause (or was reset); under @bus_lock (the
 *	bus owner, or a PHY read that failed); for a memory-mapped chip,
 *	written by the NAPI poll and by a reset, which disables NAPI first
 * @mdio_last: what each register of the chip's PHY read as last, the answer
 *	to a read that fails on the bus; under @bus_lock
 * @work: SPINET_WORK_* bits: set by anyone, taken by the bus owner (or,
 *	for a memory-mapped chip, by @direct_work)
 * @direct_work: memory-mapped chips: does in process context what may
 *	sleep (reset, filter, address, flow control)
 * @rx_blocked: the RX ring was full and the chip's RX interrupt is masked;
 *	set by the bus owner, cleared by whoever wins test_and_clear_bit()
 * @rxr: frames read from the chip; produced by the bus owner, consumed by
 *	NAPI
 * @txr: frames to send; produced by ndo_start_xmit (under the TX queue
 *	lock), consumed by the bus owner
 * @tx_len: memory-mapped chips: lengths of the frames the chip holds, in
 *	order; under the TX queue's lock (xmit, and the poll's reclaim)
 * @tx_head: frames the chip took (index into @tx_len, modulo its size)
 * @tx_tail: frames the chip finished
 * @cfg_lock: protects @filter, @mac and the pause settings between the
 *	contexts that change them (ndo_set_rx_mode in atomic context,
 *	ndo_set_mac_address, ethtool, phylib's link callback) and the bus
 *	owner, which copies them before programming the chip
 * @filter: receive filter to program
 * @mac: station address to program
 * @pause_autoneg: flow control follows autonegotiation
 * @pause_rx: honour PAUSE frames (requested)
 * @pause_tx: send PAUSE frames (requested)
 * @fc_rx: honour PAUSE frames (resolved for the current link)
 * @fc_tx: send PAUSE frames (resolved for the current link)
 * @link: last link state seen by the link callback; phylib's lock
 * @speed: last speed seen by the link callback
 * @duplex: last duplex seen by the link callback
 * @retry: retries a reset that failed, a second later
 * @edge_poll: on an edge-triggered line, reads the status when no
 *	interrupt came for SPINET_EDGE_POLL (spinet_edge_poll())
 * @irq_seen: an interrupt came since the last @edge_poll; set by the hard
 *	IRQ handler, cleared by @edge_poll
 * @mdio: the chip's MDIO bus
 * @phydev: the chip's internal PHY
 * @link_poll: phylib polls the PHY (&spinet_chip.link_poll, or the chip
 *	said so at probe with spinet_link_poll())
 * @msg_enable: netif_msg_* bits (ethtool msglvl)
 * @stats_lock: serialises the writers of @stats: one at a time for a chip
 *	with a bus owner, several at once for a memory-mapped chip (xmit,
 *	NAPI, the hard IRQ handler, a reset)
 * @syncp: guards @stats for 32-bit readers
 * @stats: counters, SPINET_STAT_NUM then the chip's
 */
struct spinet {
	struct net_device *ndev;
	struct device *dev;
	const struct spinet_chip *chip;
	void *chip_priv;
	const struct spinet_engine *engine;
	int irq;
	struct napi_struct napi;

	struct mutex bus_lock;	/* see @bus_lock above */
	bool running;
	bool dead;
	unsigned int bus_errors;
	u16 mdio_last[32];
	unsigned long work;
	struct work_struct direct_work;
	unsigned long rx_blocked;

	struct spinet_ring rxr;
	struct spinet_ring txr;
	unsigned int tx_len[SPINET_TX_DEPTH_MAX];
	unsigned int tx_head;
	unsigned int tx_tail;

	spinlock_t cfg_lock;	/* see @cfg_lock above */
	struct spinet_rx_filter filter;
	u8 mac[ETH_ALEN];
	bool pause_autoneg;
	bool pause_rx;
	bool pause_tx;
	bool fc_rx;
	bool fc_tx;
	int link;
	int speed;
	int duplex;

	struct delayed_work retry;
	struct timer_list edge_poll;
	bool irq_seen;
	struct mii_bus *mdio;
	struct phy_device *phydev;
	bool link_poll;
	u32 msg_enable;

	spinlock_t stats_lock;	/* see @stats_lock above */
	struct u64_stats_sync syncp;
	u64_stats_t *stats;
};

void spinet_stat_add(struct spinet *sn, unsigned int idx, u64 n);
void spinet_napi_kick(struct spinet *sn);
int spinet_open(struct net_device *ndev);
int spinet_stop(struct net_device *ndev);
void spinet_set_rx_mode(struct net_device *ndev);
int spinet_set_mac_address(struct net_device *ndev, void *addr);
void spinet_tx_timeout(struct net_device *ndev, unsigned int txqueue);
void spinet_get_stats64(struct net_device *ndev,
			struct rtnl_link_stats64 *s);
void spinet_restart(struct spinet *sn, bool timeout);
void spinet_bus_error(struct spinet *sn, int ret);
int spinet_program_filter(struct spinet *sn);
int spinet_program_mac(struct spinet *sn);
int spinet_program_pause(struct spinet *sn);
u64 spinet_stat_read(struct spinet *sn, unsigned int idx);
void spinet_kick(struct spinet *sn, enum spinet_work work);
void spinet_adjust_link(struct net_device *ndev);
void spinet_filter_build(struct net_device *ndev, struct spinet_rx_filter *f);

extern const struct ethtool_ops spinet_ethtool_ops;
extern const struct spinet_engine spinet_direct_engine;
void spinet_direct_work(struct work_struct *work);
extern const char spinet_stat_names[SPINET_STAT_NUM][ETH_GSTRING_LEN];

#endif /* _SPINET_PRIV_H */
