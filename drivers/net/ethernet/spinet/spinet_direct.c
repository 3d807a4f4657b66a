// SPDX-License-Identifier: GPL-2.0
/*
 * spinet core, memory-mapped chips: the textbook NAPI path.
 *
 * A chip whose registers are memory-mapped (&spinet_chip.mmio) needs no
 * bus owner: an access takes nanoseconds and never sleeps, so each context
 * drives the chip itself, and the chip serialises its register accesses
 * with a spinlock of its own (spinet.h):
 * - the hard IRQ handler masks the chip's interrupts (one register write)
 *   and schedules NAPI;
 * - the NAPI poll acknowledges the chip's status, reclaims the frames it
 *   sent, reads at most its budget of frames straight into skbs for GRO,
 *   and unmasks the chip only after napi_complete_done();
 * - ndo_start_xmit writes each frame into the chip, which sends it; the
 *   queue stops while the chip holds &spinet_chip.tx_depth frames and the
 *   poll wakes it when it reclaims one; BQL completes on the chip's
 *   transmit-done, as on any NIC;
 * - what may sleep (reset after a fault or a TX timeout, the receive
 *   filter, the station address, flow control) runs in a work item under
 *   &spinet.bus_lock, as the bus owner does it for an SPI chip.
 * Documentation/design.md has the context table.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/skbuff.h>

#include "spinet_priv.h"

/* Hard IRQ: mask the chip and hand over to NAPI. */
static irqreturn_t spinet_direct_hardirq(int irq, void *data)
{
	struct spinet *sn = data;

	WRITE_ONCE(sn->irq_seen, true);
	sn->chip->ops->irq_mask(sn, false);
	spinet_stat_add(sn, SPINET_STAT_IRQS, 1);
	if (!napi_schedule_prep(&sn->napi)) {
		/*
		 * NAPI is running or disabled, and the chip was masked
		 * before: a line that fires anyway is not the chip's doing.
		 * IRQ_NONE lets genirq shut a line that does so for ever.
		 */
		spinet_stat_add(sn, SPINET_STAT_IRQS_NONE, 1);
		return IRQ_NONE;
	}
	__napi_schedule(&sn->napi);
	return IRQ_HANDLED;
}

/* The work item does what the bus owner would; NAPI does the rest. */
static void spinet_direct_wake(struct spinet *sn)
{
	queue_work(system_wq, &sn->direct_work);
}

static bool spinet_direct_deliver(struct spinet *sn, struct sk_buff *skb)
{
	napi_gro_receive(&sn->napi, skb);
	return true;
}

/*
 * The chip finished frames: count them, complete them for BQL, and wake
 * the queue. Under the TX queue's lock, which xmit holds too, so that the
 * lengths in @tx_len and the queue state have one writer at a time.
 */
static void spinet_direct_reclaim(struct spinet *sn)
{
	struct netdev_queue *txq = netdev_get_tx_queue(sn->ndev, 0);
	unsigned int pkts = 0, bytes = 0, len;
	int n;

	__netif_tx_lock(txq, smp_processor_id());
	n = sn->chip->ops->tx_done(sn);
	while (n-- > 0 && sn->tx_tail != sn->tx_head) {
		len = sn->tx_len[sn->tx_tail++ % SPINET_TX_DEPTH_MAX];
		pkts++;
		bytes += len;
	}
	if (pkts) {
		spinet_stat_add(sn, SPINET_STAT_TX_PACKETS, pkts);
		spinet_stat_add(sn, SPINET_STAT_TX_BYTES, bytes);
		netdev_tx_completed_queue(txq, pkts, bytes);
		if (netif_tx_queue_stopped(txq) &&
		    sn->tx_head - sn->tx_tail < sn->chip->tx_depth)
			netif_tx_wake_queue(txq);
	}
	__netif_tx_unlock(txq);
}

static int spinet_direct_poll(struct napi_struct *napi, int budget)
{
	struct spinet *sn = container_of(napi, struct spinet, napi);
	const struct spinet_chip_ops *ops = sn->chip->ops;
	int done = 0, ret;
	u32 ev = 0;

	ret = ops->irq_status(sn, &ev);
	if (ret) {
		spinet_bus_error(sn, ret);
		ev = 0;
	} else if (ev) {
		sn->bus_errors = 0;	/* the chip answers */
	}
	if (ev & SPINET_EV_TX)
		spinet_direct_reclaim(sn);
	if (ev & SPINET_EV_LINK)
		phy_mac_interrupt(sn->phydev);
	/*
	 * The ready byte, not the status, says whether frames wait: one that
	 * came after the status was acknowledged is read now, and its
	 * interrupt finds nothing after the unmask (harmless).
	 */
	if (!ret && budget) {
		ret = ops->rx(sn, budget);
		if (ret > 0)
			done = ret;
	}
	/* A fault asked for a reset: the work item does it. */
	if (READ_ONCE(sn->work))
		spinet_direct_wake(sn);
	if (done < budget && napi_complete_done(napi, done))
		ops->irq_mask(sn, true);
	return done;
}

static netdev_tx_t spinet_direct_xmit(struct sk_buff *skb,
				      struct net_device *ndev)
{
	struct netdev_queue *txq = netdev_get_tx_queue(ndev, 0);
	struct spinet *sn = netdev_priv(ndev);
	unsigned int len = skb->len;
	int ret;

	skb_tx_timestamp(skb);
	ret = sn->chip->ops->tx(sn, skb);
	if (unlikely(ret == -EBUSY)) {
		/* The queue stops before the chip fills: never reached. */
		netdev_warn_once(ndev, "chip TX full with the queue running\n");
		netif_tx_stop_queue(txq);
		return NETDEV_TX_BUSY;
	}
	if (unlikely(ret)) {
		spinet_stat_add(sn, SPINET_STAT_TX_DROPPED, 1);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	sn->tx_len[sn->tx_head++ % SPINET_TX_DEPTH_MAX] = len;
	netdev_tx_sent_queue(txq, len);
	dev_consume_skb_any(skb);
	/* The poll reclaims under this queue's lock: no race to close. */
	if (sn->tx_head - sn->tx_tail >= sn->chip->tx_depth)
		netif_tx_stop_queue(txq);
	return NETDEV_TX_OK;
}

/*
 * Reset and restore the chip with NAPI and the queue stopped, so that
 * neither touches it half-programmed; frames it held are gone.
 */
static void spinet_direct_restart(struct spinet *sn, bool timeout)
{
	struct net_device *ndev = sn->ndev;
	unsigned int lost;

	napi_disable(&sn->napi);
	netif_tx_disable(ndev);
	spinet_restart(sn, timeout);
	lost = sn->tx_head - sn->tx_tail;
	if (lost)
		spinet_stat_add(sn, SPINET_STAT_TX_DROPPED, lost);
	sn->tx_head = 0;
	sn->tx_tail = 0;
	netdev_tx_reset_queue(netdev_get_tx_queue(ndev, 0));
	napi_enable(&sn->napi);
	netif_tx_wake_all_queues(ndev);
}

/**
 * spinet_direct_work() - the work of a memory-mapped chip that may sleep
 * @work: &spinet.direct_work
 *
 * Takes the SPINET_WORK_* bits as the bus owner does: a reset (after a
 * fault or a TX timeout) first, then the filter, address and flow control;
 * whatever asks for the chip's status or frames schedules NAPI, which
 * also unmasks the chip.
 *
 * Context: process (a work item); takes &spinet.bus_lock.
 */
void spinet_direct_work(struct work_struct *work)
{
	struct spinet *sn = container_of(work, struct spinet, direct_work);
	unsigned long todo;
	bool poll;

	mutex_lock(&sn->bus_lock);
	if (!sn->running) {
		mutex_unlock(&sn->bus_lock);
		return;
	}
	todo = xchg(&sn->work, 0);
	if (sn->dead)
		todo &= SPINET_WORK_RESETS;
	if (todo & SPINET_WORK_RESETS) {
		spinet_direct_restart(sn, todo & BIT(SPINET_WORK_TIMEOUT));
		todo &= ~SPINET_WORK_RESTORED;
		todo |= BIT(SPINET_WORK_RX);
	}
	if ((todo & BIT(SPINET_WORK_MAC)) && spinet_program_mac(sn))
		spinet_bus_error(sn, -EIO);
	if ((todo & BIT(SPINET_WORK_FILTER)) && spinet_program_filter(sn))
		spinet_bus_error(sn, -EIO);
	if ((todo & BIT(SPINET_WORK_PAUSE)) && spinet_program_pause(sn))
		spinet_bus_error(sn, -EIO);
	poll = !sn->dead &&
	       (todo & (BIT(SPINET_WORK_IRQ) | BIT(SPINET_WORK_STATUS) |
			BIT(SPINET_WORK_RX) | BIT(SPINET_WORK_TX)));
	mutex_unlock(&sn->bus_lock);
	if (poll)
		spinet_napi_kick(sn);
}

static const struct net_device_ops spinet_direct_netdev_ops = {
	.ndo_open		= spinet_open,
	.ndo_stop		= spinet_stop,
	.ndo_start_xmit		= spinet_direct_xmit,
	.ndo_set_rx_mode	= spinet_set_rx_mode,
	.ndo_set_mac_address	= spinet_set_mac_address,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_tx_timeout		= spinet_tx_timeout,
	.ndo_get_stats64	= spinet_get_stats64,
	.ndo_eth_ioctl		= phy_do_ioctl_running,
};

const struct spinet_engine spinet_direct_engine = {
	.ndo		= &spinet_direct_netdev_ops,
	.poll		= spinet_direct_poll,
	.hardirq	= spinet_direct_hardirq,
	.wake		= spinet_direct_wake,
	.deliver	= spinet_direct_deliver,
};
