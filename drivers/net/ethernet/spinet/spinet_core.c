// SPDX-License-Identifier: GPL-2.0
/*
 * spinet core: the chip-independent half of every spinet driver.
 *
 * For a chip on a bus that sleeps (SPI), one context owns the bus: the
 * thread of the chip's threaded interrupt.
 * The hard handler only notes the interrupt and wakes it (IRQF_ONESHOT
 * keeps the line masked meanwhile); everyone else who needs the chip sets
 * a work bit and wakes it with irq_wake_thread(). The thread reads frames
 * into the RX ring, which NAPI drains into GRO without touching the bus,
 * and writes frames from the TX ring, which ndo_start_xmit fills. MDIO and
 * the register dump take the same bus mutex between the owner's passes.
 * Documentation/design.md has the context table and the barrier pairs.
 * A memory-mapped chip has no bus owner: spinet_direct.c drives it.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/of_net.h>
#include <linux/phy.h>
#include <linux/pm.h>
#include <linux/property.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>

#include "spinet_compat.h"
#include "spinet_priv.h"

/**
 * spinet_stat_add() - add to a counter
 * @sn: the device
 * @idx: SPINET_STAT_* or SPINET_STAT_NUM + a chip counter's index
 * @n: amount
 *
 * Context: any.
 */
void spinet_stat_add(struct spinet *sn, unsigned int idx, u64 n)
{
	unsigned long flags;

	spin_lock_irqsave(&sn->stats_lock, flags);
	u64_stats_update_begin(&sn->syncp);
	u64_stats_add(&sn->stats[idx], n);
	u64_stats_update_end(&sn->syncp);
	spin_unlock_irqrestore(&sn->stats_lock, flags);
}

/**
 * spinet_stat_read() - read a counter
 * @sn: the device
 * @idx: as for spinet_stat_add()
 *
 * Context: any.
 * Return: the counter's value.
 */
u64 spinet_stat_read(struct spinet *sn, unsigned int idx)
{
	unsigned int start;
	u64 v;

	do {
		start = u64_stats_fetch_begin(&sn->syncp);
		v = u64_stats_read(&sn->stats[idx]);
	} while (u64_stats_fetch_retry(&sn->syncp, start));
	return v;
}

/**
 * spinet_chip_stat_add() - add to one of the chip's own counters
 * @sn: the device
 * @idx: index into &spinet_chip.stat_names
 * @n: amount
 *
 * Context: a chip op.
 */
void spinet_chip_stat_add(struct spinet *sn, unsigned int idx, u64 n)
{
	if (!WARN_ON_ONCE(idx >= sn->chip->n_stats))
		spinet_stat_add(sn, SPINET_STAT_NUM + idx, n);
}

/**
 * spinet_kick() - give the bus owner work
 * @sn: the device
 * @work: what to do
 *
 * Setting a bit that is already set wakes nobody: the owner has not taken
 * it yet and will see it.
 *
 * Context: any.
 */
void spinet_kick(struct spinet *sn, enum spinet_work work)
{
	if (!test_and_set_bit(work, &sn->work))
		sn->engine->wake(sn);
}

static void spinet_owner_wake(struct spinet *sn)
{
	irq_wake_thread(sn->irq, sn);
}

/**
 * spinet_request_reset() - ask for a full chip reset
 * @sn: the device
 *
 * The bus owner resets the chip and restores its configuration after the
 * current operation.
 *
 * Context: any.
 */
void spinet_request_reset(struct spinet *sn)
{
	spinet_kick(sn, SPINET_WORK_RESET);
}

/**
 * spinet_link_poll() - have phylib poll the PHY
 * @sn: the device
 *
 * For a chip that turns out, once identified, to raise no interrupt when
 * its link changes (as &spinet_chip.link_poll says for a whole chip).
 *
 * Context: the chip's &spinet_chip_ops.probe.
 */
void spinet_link_poll(struct spinet *sn)
{
	sn->link_poll = true;
}

/**
 * spinet_chip_priv() - the chip's private data
 * @sn: the device
 *
 * Context: any.
 * Return: &spinet_chip.priv_size zeroed bytes, allocated at probe.
 */
void *spinet_chip_priv(struct spinet *sn)
{
	return sn->chip_priv;
}

/**
 * spinet_dev() - the bus device the chip was probed from
 * @sn: the device
 *
 * Context: any.
 * Return: the device (for a chip on SPI, its spi_device's).
 */
struct device *spinet_dev(struct spinet *sn)
{
	return sn->dev;
}

/**
 * spinet_netdev() - the chip's network device
 * @sn: the device
 *
 * Context: any.
 * Return: the net_device.
 */
struct net_device *spinet_netdev(struct spinet *sn)
{
	return sn->ndev;
}

/**
 * spinet_rx_alloc() - allocate an skb for a received frame
 * @sn: the device
 * @len: bytes the chip will write into it
 *
 * A failure is counted in rx_dropped: the chip must still read the frame
 * out of its memory (into a scratch buffer) and go on.
 *
 * Context: a chip's &spinet_chip_ops.rx.
 * Return: an skb with room for @len bytes, or NULL.
 */
struct sk_buff *spinet_rx_alloc(struct spinet *sn, unsigned int len)
{
	struct sk_buff *skb = netdev_alloc_skb_ip_align(sn->ndev, len);

	if (!skb)
		spinet_stat_add(sn, SPINET_STAT_RX_DROPPED, 1);
	return skb;
}

/**
 * spinet_rx_frame() - hand a received frame to the core
 * @sn: the device
 * @skb: the frame, from the destination address to the end of the payload
 *	(no FCS)
 *
 * Context: a chip's &spinet_chip_ops.rx, within its budget.
 */
void spinet_rx_frame(struct spinet *sn, struct sk_buff *skb)
{
	unsigned int len = skb->len;
	bool group;

	skb->protocol = eth_type_trans(skb, sn->ndev);
	group = skb->pkt_type == PACKET_MULTICAST ||
		skb->pkt_type == PACKET_BROADCAST;
	/* Once delivered, the skb is not touched again here. */
	if (!sn->engine->deliver(sn, skb))
		return;
	spinet_stat_add(sn, SPINET_STAT_RX_PACKETS, 1);
	spinet_stat_add(sn, SPINET_STAT_RX_BYTES, len);
	if (group)
		spinet_stat_add(sn, SPINET_STAT_RX_MULTICAST, 1);
}

/* The bus owner's frames wait in the RX ring for NAPI. */
static bool spinet_owner_deliver(struct spinet *sn, struct sk_buff *skb)
{
	if (WARN_ON_ONCE(!spinet_ring_push(&sn->rxr, skb))) {
		/* The core gave the chip room for its whole budget. */
		dev_kfree_skb_any(skb);
		spinet_stat_add(sn, SPINET_STAT_RX_DROPPED, 1);
		return false;
	}
	return true;
}

/**
 * spinet_rx_error() - count receive errors the chip found
 * @sn: the device
 * @err: which kind
 * @n: how many
 *
 * Context: a chip op.
 */
void spinet_rx_error(struct spinet *sn, enum spinet_rx_err err, unsigned int n)
{
	static const u8 stat[] = {
		[SPINET_RX_ERR_CRC] = SPINET_STAT_RX_CRC,
		[SPINET_RX_ERR_LENGTH] = SPINET_STAT_RX_LENGTH,
		[SPINET_RX_ERR_FRAME] = SPINET_STAT_RX_FRAME,
		[SPINET_RX_ERR_FIFO] = SPINET_STAT_RX_FIFO,
		[SPINET_RX_ERR_OVER] = SPINET_STAT_RX_OVER,
	};

	if (!WARN_ON_ONCE(err >= ARRAY_SIZE(stat)))
		spinet_stat_add(sn, stat[err], n);
}

/**
 * spinet_napi_kick() - schedule NAPI from process context
 * @sn: the device
 *
 * Softirqs run at local_bh_enable().
 *
 * Context: process.
 */
void spinet_napi_kick(struct spinet *sn)
{
	local_bh_disable();
	napi_schedule(&sn->napi);
	local_bh_enable();
}

/*
 * NAPI made room: if the owner blocked RX on a full ring, resume it. The
 * full barrier pairs with the one in spinet_do_rx() after it sets
 * rx_blocked: either NAPI sees the flag, or the owner sees the room.
 */
static void spinet_rx_maybe_resume(struct spinet *sn)
{
	/* Pairs with smp_mb__after_atomic() in spinet_do_rx(). */
	smp_mb();
	if (test_bit(0, &sn->rx_blocked) &&
	    spinet_ring_count(&sn->rxr) <= SPINET_RX_RING / 2 &&
	    test_and_clear_bit(0, &sn->rx_blocked))
		spinet_kick(sn, SPINET_WORK_RX_RESUME);
}

static int spinet_poll(struct napi_struct *napi, int budget)
{
	struct spinet *sn = container_of(napi, struct spinet, napi);
	struct sk_buff *skb;
	int done = 0;

	while (done < budget && (skb = spinet_ring_pop(&sn->rxr))) {
		napi_gro_receive(napi, skb);
		done++;
	}
	if (done)
		spinet_rx_maybe_resume(sn);
	/*
	 * A frame the owner pushes after the loop is not lost: its
	 * napi_schedule() either finds NAPI idle again, or marks it missed
	 * and napi_complete_done() returns false and NAPI polls again.
	 */
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

/* Read a batch of frames, or block RX while the ring is full. */
static int spinet_do_rx(struct spinet *sn)
{
	const struct spinet_chip_ops *ops = sn->chip->ops;
	unsigned int room;
	int ret;

	if (test_bit(0, &sn->rx_blocked))
		return 0;
	room = spinet_ring_room(&sn->rxr);
	if (!room) {
		ret = ops->rx_irq(sn, false);
		if (ret)
			return ret;
		spinet_stat_add(sn, SPINET_STAT_RX_RING_FULL, 1);
		set_bit(0, &sn->rx_blocked);
		/* Pairs with smp_mb() in spinet_rx_maybe_resume(). */
		smp_mb__after_atomic();
		if (spinet_ring_count(&sn->rxr) > SPINET_RX_RING / 2 ||
		    !test_and_clear_bit(0, &sn->rx_blocked))
			return 0;
		/* NAPI drained the ring without seeing the flag. */
		ret = ops->rx_irq(sn, true);
		if (ret)
			return ret;
		room = spinet_ring_room(&sn->rxr);
	}
	ret = ops->rx(sn, min_t(unsigned int, room, SPINET_RX_BATCH));
	/* Frames read before an error go up all the same. */
	if (ret < 0 && spinet_ring_count(&sn->rxr))
		spinet_napi_kick(sn);
	if (ret <= 0)
		return ret;
	spinet_napi_kick(sn);
	if (ret == min_t(unsigned int, room, SPINET_RX_BATCH))
		set_bit(SPINET_WORK_RX, &sn->work);	/* more may wait */
	return 0;
}

/*
 * Frames left the TX ring: report them to BQL and wake the queue. The full
 * barrier pairs with the one in spinet_start_xmit() after it stops the
 * queue: either xmit sees the room made here, or this sees the stopped
 * queue.
 */
static void spinet_tx_done(struct spinet *sn, unsigned int pkts,
			   unsigned int bytes)
{
	struct netdev_queue *txq = netdev_get_tx_queue(sn->ndev, 0);

	local_bh_disable();
	netdev_tx_completed_queue(txq, pkts, bytes);
	/* Pairs with smp_mb() in spinet_start_xmit(). */
	smp_mb();
	if (netif_tx_queue_stopped(txq) &&
	    SPINET_TX_RING - spinet_ring_count(&sn->txr) >= SPINET_TX_WAKE)
		netif_tx_wake_queue(txq);
	local_bh_enable();
}

/* Write frames from the TX ring to the chip until it is full. */
static int spinet_do_tx(struct spinet *sn)
{
	const struct spinet_chip_ops *ops = sn->chip->ops;
	unsigned int pkts = 0, len;
	struct sk_buff *skb;
	int ret = 0;

	while (pkts < SPINET_TX_BATCH && (skb = spinet_ring_peek(&sn->txr))) {
		ret = ops->tx(sn, skb);
		if (ret == -EBUSY) {
			spinet_stat_add(sn, SPINET_STAT_TX_CHIP_BUSY, 1);
			break;
		}
		spinet_ring_pop(&sn->txr);
		pkts++;
		len = skb->len;
		if (ret) {
			spinet_stat_add(sn, SPINET_STAT_TX_DROPPED, 1);
			dev_kfree_skb_any(skb);
		} else {
			spinet_stat_add(sn, SPINET_STAT_TX_PACKETS, 1);
			spinet_stat_add(sn, SPINET_STAT_TX_BYTES, len);
			dev_consume_skb_any(skb);
		}
		/*
		 * Each frame as it goes: completions in batches would teach
		 * BQL a limit of two batches, all of it queueing delay.
		 */
		spinet_tx_done(sn, 1, len);
		if (ret)
			break;
	}
	if (!ret && ops->tx_flush)
		ret = ops->tx_flush(sn);
	if (spinet_ring_count(&sn->txr) && ret != -EBUSY)
		set_bit(SPINET_WORK_TX, &sn->work);
	return ret == -EBUSY ? 0 : ret;
}

/* Copy what the other contexts asked for, under their lock. */
static void spinet_cfg_snapshot(struct spinet *sn, struct spinet_rx_filter *f,
				u8 *mac, bool *fc_rx, bool *fc_tx)
{
	spin_lock_bh(&sn->cfg_lock);
	if (f)
		*f = sn->filter;
	if (mac)
		ether_addr_copy(mac, sn->mac);
	if (fc_rx) {
		*fc_rx = sn->fc_rx;
		*fc_tx = sn->fc_tx;
	}
	spin_unlock_bh(&sn->cfg_lock);
}

int spinet_program_filter(struct spinet *sn)
{
	struct spinet_rx_filter *f;
	int ret;

	/* Too big for the stack of a thread that may be deep in SPI. */
	f = kmalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	spinet_cfg_snapshot(sn, f, NULL, NULL, NULL);
	ret = sn->chip->ops->set_filter(sn, f);
	kfree(f);
	return ret;
}

int spinet_program_mac(struct spinet *sn)
{
	u8 mac[ETH_ALEN];

	spinet_cfg_snapshot(sn, NULL, mac, NULL, NULL);
	return sn->chip->ops->set_mac(sn, mac);
}

int spinet_program_pause(struct spinet *sn)
{
	bool rx, tx;

	if (!sn->chip->ops->set_pause)
		return 0;	/* no flow control */
	spinet_cfg_snapshot(sn, NULL, NULL, &rx, &tx);
	return sn->chip->ops->set_pause(sn, rx, tx);
}

/* Reset the chip and program everything; bus_lock held. */
static int spinet_chip_up(struct spinet *sn)
{
	const struct spinet_chip_ops *ops = sn->chip->ops;
	int ret;

	ret = ops->reset(sn);
	if (!ret)
		ret = spinet_program_mac(sn);
	if (!ret)
		ret = spinet_program_filter(sn);
	if (!ret)
		ret = spinet_program_pause(sn);
	if (!ret)
		ret = ops->start(sn);
	clear_bit(0, &sn->rx_blocked);
	sn->bus_errors = 0;
	return ret;
}

/*
 * Reset the chip and restore it, after a TX timeout (@timeout: counted) or
 * a fault; bus_lock held. A chip that does not come
 * back (a reset fails, or it does not read as itself) is left alone: its
 * interrupt disabled, as a line it cannot acknowledge would fire without
 * end, and its PHY read as having no link, so that phylib takes the
 * carrier down. A reset is tried again every second, and the first that
 * works gives the line back and has phylib read the PHY again.
 */
void spinet_restart(struct spinet *sn, bool timeout)
{
	int ret;

	if (timeout) {
		spinet_stat_add(sn, SPINET_STAT_TX_TIMEOUTS, 1);
		spinet_stat_add(sn, SPINET_STAT_TX_ERRORS, 1);
	}
	spinet_stat_add(sn, SPINET_STAT_CHIP_RESETS, 1);
	if (!sn->dead)
		netif_warn(sn, hw, sn->ndev, "resetting the chip\n");
	ret = spinet_chip_up(sn);
	if (!ret && sn->dead) {
		sn->dead = false;
		enable_irq(sn->irq);
		netif_info(sn, hw, sn->ndev, "the chip answers again\n");
		phy_mac_interrupt(sn->phydev);
	} else if (ret && !sn->dead) {
		netif_err(sn, hw, sn->ndev,
			  "chip reset failed (%pe), retrying every second\n",
			  ERR_PTR(ret));
		sn->dead = true;
		disable_irq_nosync(sn->irq);
		phy_mac_interrupt(sn->phydev);
	}
	if (ret)
		schedule_delayed_work(&sn->retry, HZ);
}

static void spinet_retry_work(struct work_struct *work)
{
	struct spinet *sn = container_of(to_delayed_work(work), struct spinet,
					 retry);

	spinet_request_reset(sn);
}

/*
 * A failed operation, or an interrupt without a cause: the chip may not be
 * answering. SPINET_BUS_ERR_RESET of them in a row, that is with no
 * interrupt with a cause between them, reset the chip.
 */
static void spinet_suspect(struct spinet *sn)
{
	if (++sn->bus_errors >= SPINET_BUS_ERR_RESET) {
		sn->bus_errors = 0;
		set_bit(SPINET_WORK_RESET, &sn->work);
	}
}

/* Count a failed operation. */
void spinet_bus_error(struct spinet *sn, int ret)
{
	spinet_stat_add(sn, SPINET_STAT_BUS_ERRORS, 1);
	netif_dbg(sn, hw, sn->ndev, "bus error %pe\n", ERR_PTR(ret));
	spinet_suspect(sn);
}

#define SPINET_DO(sn, call) ({					\
	int __ret = (call);					\
	if (__ret)						\
		spinet_bus_error(sn, __ret);			\
	__ret;							\
})

/* One pass of the bus owner over the work it took. */
static bool spinet_own_pass(struct spinet *sn, unsigned long work)
{
	const struct spinet_chip_ops *ops = sn->chip->ops;
	bool handled = work & ~BIT(SPINET_WORK_IRQ);
	u32 ev = 0;

	/* A chip that does not answer is only reset (spinet_restart()). */
	if (sn->dead)
		work &= SPINET_WORK_RESETS;
	if (work & SPINET_WORK_RESETS) {
		spinet_restart(sn, work & BIT(SPINET_WORK_TIMEOUT));
		if (sn->dead)
			return handled;
		work &= ~(SPINET_WORK_RESTORED | BIT(SPINET_WORK_RX_RESUME));
		work |= BIT(SPINET_WORK_RX) | BIT(SPINET_WORK_TX);
	}
	/* A status read answers an interrupt that came meanwhile too. */
	if ((work & BIT(SPINET_WORK_STATUS)) &&
	    test_and_clear_bit(SPINET_WORK_IRQ, &sn->work))
		work |= BIT(SPINET_WORK_IRQ);
	if (work & (BIT(SPINET_WORK_IRQ) | BIT(SPINET_WORK_STATUS))) {
		bool irq = work & BIT(SPINET_WORK_IRQ);

		if (irq)
			spinet_stat_add(sn, SPINET_STAT_IRQS, 1);
		if (SPINET_DO(sn, ops->irq_status(sn, &ev))) {
			ev = 0;
		} else if (ev) {
			sn->bus_errors = 0;	/* the chip answers */
		} else if (irq) {
			spinet_stat_add(sn, SPINET_STAT_IRQS_NONE, 1);
			spinet_suspect(sn);
		}
		handled |= ev;
	}
	if (work & BIT(SPINET_WORK_MAC))
		SPINET_DO(sn, spinet_program_mac(sn));
	if (work & BIT(SPINET_WORK_FILTER))
		SPINET_DO(sn, spinet_program_filter(sn));
	if (work & BIT(SPINET_WORK_PAUSE))
		SPINET_DO(sn, spinet_program_pause(sn));
	if (ev & SPINET_EV_LINK)
		phy_mac_interrupt(sn->phydev);
	/* An edge-triggered line will not fire for status still set. */
	if (ev & SPINET_EV_AGAIN)
		set_bit(SPINET_WORK_IRQ, &sn->work);
	if (work & BIT(SPINET_WORK_RX_RESUME))
		SPINET_DO(sn, ops->rx_irq(sn, true));
	if ((ev & SPINET_EV_RX) ||
	    (work & (BIT(SPINET_WORK_RX) | BIT(SPINET_WORK_RX_RESUME))))
		SPINET_DO(sn, spinet_do_rx(sn));
	if ((ev & SPINET_EV_TX) || (work & BIT(SPINET_WORK_TX)))
		SPINET_DO(sn, spinet_do_tx(sn));
	return handled;
}

static irqreturn_t spinet_hardirq(int irq, void *data)
{
	struct spinet *sn = data;

	WRITE_ONCE(sn->irq_seen, true);
	set_bit(SPINET_WORK_IRQ, &sn->work);
	return IRQ_WAKE_THREAD;
}

/*
 * An edge-triggered line loses for good an edge that goes missing (a
 * glitch, a controller that drops it): the chip's status stays set, its
 * pin stays asserted and no edge comes again. So on such a line, when no
 * interrupt came for a period, the owner reads the status anyway.
 */
static void spinet_edge_poll(struct timer_list *t)
{
	struct spinet *sn = from_timer(sn, t, edge_poll);

	if (!READ_ONCE(sn->irq_seen))
		spinet_kick(sn, SPINET_WORK_STATUS);
	WRITE_ONCE(sn->irq_seen, false);
	mod_timer(&sn->edge_poll, jiffies + SPINET_EDGE_POLL);
}

/* The bus owner: the interrupt's thread, also woken by spinet_kick(). */
static irqreturn_t spinet_irq_thread(int irq, void *data)
{
	struct irq_data *irqd = irq_get_irq_data(irq);
	struct spinet *sn = data;
	bool handled = false;
	unsigned long work;
	int pass;

	mutex_lock(&sn->bus_lock);
	if (!sn->running) {
		/* Down: the chip's interrupts are masked; open clears work. */
		mutex_unlock(&sn->bus_lock);
		return IRQ_NONE;
	}
	spinet_stat_add(sn, SPINET_STAT_OWNER_RUNS, 1);
	for (pass = 0; pass < SPINET_OWNER_PASSES; pass++) {
		work = xchg(&sn->work, 0);
		if (!work)
			break;
		/*
		 * IRQF_ONESHOT keeps a level line masked while this thread
		 * runs on after an interrupt, and with frames to move it may
		 * not return for long: read the chip's status between
		 * batches, or an RX or TX flood hides everything else it has
		 * to say (overflow counts past what its counter holds, TX
		 * completions, link changes). Not while the line is unmasked:
		 * the chip interrupts, and a read here would take the cause of
		 * an interrupt on its way and leave it none. genirq changes
		 * the mask under the descriptor's lock, not taken here: when
		 * an interrupt on another CPU masks the line meanwhile, the
		 * status read answers it too (spinet_own_pass()), or, read
		 * before the handler flagged it, leaves it to count as one
		 * without a cause: a stale bit costs one status read more or
		 * less, never a lost event.
		 */
		if ((work & (BIT(SPINET_WORK_RX) | BIT(SPINET_WORK_TX))) &&
		    data_race(irqd_irq_masked(irqd))) /* see above */
			work |= BIT(SPINET_WORK_STATUS);
		handled |= spinet_own_pass(sn, work);
	}
	/* Work left after the last pass: run again rather than lose it. */
	if (READ_ONCE(sn->work))
		irq_wake_thread(sn->irq, sn);
	mutex_unlock(&sn->bus_lock);
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

static netdev_tx_t spinet_start_xmit(struct sk_buff *skb,
				     struct net_device *ndev)
{
	struct netdev_queue *txq = netdev_get_tx_queue(ndev, 0);
	struct spinet *sn = netdev_priv(ndev);
	bool kick;

	if (unlikely(!spinet_ring_room(&sn->txr))) {
		/* The queue stops before the ring fills: never reached. */
		netdev_warn_once(ndev, "TX ring full with the queue running\n");
		dev_core_stats_tx_dropped_inc(ndev);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	skb_tx_timestamp(skb);
	/* Account before the owner can complete it. */
	kick = __netdev_tx_sent_queue(txq, skb->len, netdev_xmit_more());
	spinet_ring_push(&sn->txr, skb);	/* the owner's from here */
	if (!spinet_ring_room(&sn->txr)) {
		netif_tx_stop_queue(txq);
		/* Pairs with smp_mb() in spinet_tx_done(). */
		smp_mb();
		if (spinet_ring_room(&sn->txr))
			netif_tx_start_queue(txq);
		kick = true;
	}
	if (kick)
		spinet_kick(sn, SPINET_WORK_TX);
	return NETDEV_TX_OK;
}

/**
 * spinet_filter_build() - the receive filter a net_device asks for
 * @ndev: the device
 * @f: filled in
 *
 * Context: with the device's address lock held (ndo_set_rx_mode).
 */
void spinet_filter_build(struct net_device *ndev, struct spinet_rx_filter *f)
{
	struct netdev_hw_addr *ha;

	memset(f, 0, sizeof(*f));
	f->promisc = ndev->flags & IFF_PROMISC;
	f->allmulti = (ndev->flags & IFF_ALLMULTI) ||
		      netdev_mc_count(ndev) > SPINET_MC_MAX;
	if (f->promisc || f->allmulti)
		return;
	netdev_for_each_mc_addr(ha, ndev)
		ether_addr_copy(f->mc[f->mc_count++], ha->addr);
}
EXPORT_SYMBOL_IF_KUNIT(spinet_filter_build);

void spinet_set_rx_mode(struct net_device *ndev)
{
	struct spinet *sn = netdev_priv(ndev);

	spin_lock_bh(&sn->cfg_lock);
	spinet_filter_build(ndev, &sn->filter);
	spin_unlock_bh(&sn->cfg_lock);
	spinet_kick(sn, SPINET_WORK_FILTER);
}

int spinet_set_mac_address(struct net_device *ndev, void *addr)
{
	struct spinet *sn = netdev_priv(ndev);
	int ret;

	ret = eth_mac_addr(ndev, addr);
	if (ret)
		return ret;
	spin_lock_bh(&sn->cfg_lock);
	ether_addr_copy(sn->mac, ndev->dev_addr);
	spin_unlock_bh(&sn->cfg_lock);
	spinet_kick(sn, SPINET_WORK_MAC);
	return 0;
}

void spinet_tx_timeout(struct net_device *ndev, unsigned int txqueue)
{
	struct spinet *sn = netdev_priv(ndev);

	netif_err(sn, tx_err, ndev, "transmit timed out, resetting the chip\n");
	spinet_kick(sn, SPINET_WORK_TIMEOUT);
}

void spinet_get_stats64(struct net_device *ndev, struct rtnl_link_stats64 *s)
{
	struct spinet *sn = netdev_priv(ndev);
	u64 v[SPINET_STAT_TX_TIMEOUTS];
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&sn->syncp);
		for (i = 0; i < ARRAY_SIZE(v); i++)
			v[i] = u64_stats_read(&sn->stats[i]);
	} while (u64_stats_fetch_retry(&sn->syncp, start));

	s->rx_packets = v[SPINET_STAT_RX_PACKETS];
	s->rx_bytes = v[SPINET_STAT_RX_BYTES];
	s->tx_packets = v[SPINET_STAT_TX_PACKETS];
	s->tx_bytes = v[SPINET_STAT_TX_BYTES];
	s->rx_crc_errors = v[SPINET_STAT_RX_CRC];
	s->rx_length_errors = v[SPINET_STAT_RX_LENGTH];
	s->rx_frame_errors = v[SPINET_STAT_RX_FRAME];
	s->rx_fifo_errors = v[SPINET_STAT_RX_FIFO];
	s->rx_over_errors = v[SPINET_STAT_RX_OVER];
	s->rx_errors = s->rx_crc_errors + s->rx_length_errors +
		       s->rx_frame_errors + s->rx_fifo_errors +
		       s->rx_over_errors;
	s->rx_dropped = v[SPINET_STAT_RX_DROPPED];
	s->multicast = v[SPINET_STAT_RX_MULTICAST];
	s->tx_errors = v[SPINET_STAT_TX_ERRORS];
	s->tx_dropped = v[SPINET_STAT_TX_DROPPED];
}

static void spinet_purge(struct spinet *sn)
{
	struct sk_buff *skb;

	while ((skb = spinet_ring_pop(&sn->rxr)))
		dev_kfree_skb_any(skb);
	while ((skb = spinet_ring_pop(&sn->txr)))
		dev_kfree_skb_any(skb);
	/* Frames a memory-mapped chip held when it stopped: gone. */
	if (sn->tx_head != sn->tx_tail)
		spinet_stat_add(sn, SPINET_STAT_TX_DROPPED,
				sn->tx_head - sn->tx_tail);
	sn->tx_head = 0;
	sn->tx_tail = 0;
	netdev_reset_queue(sn->ndev);
	clear_bit(0, &sn->rx_blocked);
}

int spinet_open(struct net_device *ndev)
{
	struct spinet *sn = netdev_priv(ndev);
	int ret;

	napi_enable(&sn->napi);
	mutex_lock(&sn->bus_lock);
	WRITE_ONCE(sn->work, 0);
	ret = spinet_chip_up(sn);
	if (ret) {
		sn->chip->ops->stop(sn);
		mutex_unlock(&sn->bus_lock);
		napi_disable(&sn->napi);
		netdev_err(ndev, "cannot start the chip: %pe\n", ERR_PTR(ret));
		return ret;
	}
	sn->running = true;
	mutex_unlock(&sn->bus_lock);
	phy_start(sn->phydev);
	netif_tx_start_all_queues(ndev);
	if (irq_get_trigger_type(sn->irq) & IRQ_TYPE_EDGE_BOTH)
		mod_timer(&sn->edge_poll, jiffies + SPINET_EDGE_POLL);
	/* Frames may have arrived between reset and start. */
	spinet_kick(sn, SPINET_WORK_RX);
	return 0;
}

int spinet_stop(struct net_device *ndev)
{
	struct spinet *sn = netdev_priv(ndev);

	/* From here the owner leaves the rings and the queue alone. */
	mutex_lock(&sn->bus_lock);
	sn->running = false;
	sn->chip->ops->stop(sn);
	if (sn->dead) {
		sn->dead = false;
		enable_irq(sn->irq);
	}
	mutex_unlock(&sn->bus_lock);
	timer_delete_sync(&sn->edge_poll);
	cancel_delayed_work_sync(&sn->retry);
	cancel_work_sync(&sn->direct_work);
	netif_tx_disable(ndev);
	phy_stop(sn->phydev);
	napi_disable(&sn->napi);
	spinet_purge(sn);
	return 0;
}

static const struct net_device_ops spinet_netdev_ops = {
	.ndo_open		= spinet_open,
	.ndo_stop		= spinet_stop,
	.ndo_start_xmit		= spinet_start_xmit,
	.ndo_set_rx_mode	= spinet_set_rx_mode,
	.ndo_set_mac_address	= spinet_set_mac_address,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_tx_timeout		= spinet_tx_timeout,
	.ndo_get_stats64	= spinet_get_stats64,
	.ndo_eth_ioctl		= phy_do_ioctl_running,
};

static const struct spinet_engine spinet_owner_engine = {
	.ndo		= &spinet_netdev_ops,
	.poll		= spinet_poll,
	.hardirq	= spinet_hardirq,
	.thread		= spinet_irq_thread,
	.irqflags	= IRQF_ONESHOT,
	.wake		= spinet_owner_wake,
	.deliver	= spinet_owner_deliver,
};

/*
 * System sleep. An interface that is up is detached and stopped as by
 * "ip link set down": receiver off, interrupts masked, PHY powered down.
 * Everything it was configured with stays in memory, so resume brings it
 * up as open() does, reprogramming a chip that may have lost power.
 */
static int spinet_suspend(struct device *dev)
{
	struct spinet *sn = dev_get_drvdata(dev);
	struct net_device *ndev = sn->ndev;

	rtnl_lock();
	if (netif_running(ndev)) {
		netif_device_detach(ndev);
		spinet_stop(ndev);
	}
	rtnl_unlock();
	return 0;
}

static int spinet_resume(struct device *dev)
{
	struct spinet *sn = dev_get_drvdata(dev);
	struct net_device *ndev = sn->ndev;
	int ret = 0;

	rtnl_lock();
	if (netif_running(ndev)) {
		/* On failure the interface stays detached, as the chip is. */
		ret = spinet_open(ndev);
		if (!ret)
			netif_device_attach(ndev);
	}
	rtnl_unlock();
	return ret;
}

DEFINE_SIMPLE_DEV_PM_OPS(spinet_pm_ops, spinet_suspend, spinet_resume);

static int spinet_mdio_read(struct mii_bus *bus, int addr, int reg)
{
	struct spinet *sn = bus->priv;
	int ret;

	mutex_lock(&sn->bus_lock);
	/* No link while the chip does not answer (spinet_restart()). */
	ret = sn->dead ? 0 : sn->chip->ops->mdio_read(sn, addr, reg);
	if (addr == sn->chip->phy_addr && ret >= 0) {
		sn->mdio_last[reg & 31] = ret;
	} else if (ret < 0) {
		/*
		 * phylib takes a failed read for a broken PHY: it warns and
		 * halts it, the carrier off until the next open. The bus
		 * failed, not the PHY (the W5500's is polled over SPI every
		 * second): count the bus error, and answer what the register
		 * read last.
		 */
		spinet_bus_error(sn, ret);
		ret = addr == sn->chip->phy_addr ? sn->mdio_last[reg & 31] :
						   0xffff;
	}
	mutex_unlock(&sn->bus_lock);
	return ret;
}

static int spinet_mdio_write(struct mii_bus *bus, int addr, int reg, u16 val)
{
	struct spinet *sn = bus->priv;
	int ret;

	mutex_lock(&sn->bus_lock);
	ret = sn->dead ? -EIO : sn->chip->ops->mdio_write(sn, addr, reg, val);
	mutex_unlock(&sn->bus_lock);
	return ret;
}

/**
 * spinet_adjust_link() - phylib's link callback: resolve flow control
 * @ndev: the device
 *
 * Context: process, with the PHY's lock held.
 */
void spinet_adjust_link(struct net_device *ndev)
{
	struct spinet *sn = netdev_priv(ndev);
	struct phy_device *phydev = ndev->phydev;
	bool changed, rx = false, tx = false;

	if (phydev->link && phydev->duplex == DUPLEX_FULL) {
		if (sn->pause_autoneg && phydev->autoneg == AUTONEG_ENABLE) {
			phy_get_pause(phydev, &tx, &rx);
		} else {
			rx = sn->pause_rx;
			tx = sn->pause_tx;
		}
	}
	spin_lock_bh(&sn->cfg_lock);
	changed = sn->link != phydev->link || sn->speed != phydev->speed ||
		  sn->duplex != phydev->duplex || sn->fc_rx != rx ||
		  sn->fc_tx != tx;
	sn->link = phydev->link;
	sn->speed = phydev->speed;
	sn->duplex = phydev->duplex;
	sn->fc_rx = rx;
	sn->fc_tx = tx;
	spin_unlock_bh(&sn->cfg_lock);
	if (!changed)
		return;
	if (netif_msg_link(sn))
		phy_print_status(phydev);
	spinet_kick(sn, SPINET_WORK_PAUSE);
}

static int spinet_mdio_register(struct spinet *sn)
{
	const struct spinet_chip *chip = sn->chip;
	struct mii_bus *bus;
	int ret;

	bus = mdiobus_alloc();
	if (!bus)
		return -ENOMEM;
	bus->name = "spinet";
	snprintf(bus->id, MII_BUS_ID_SIZE, "spinet-%s", dev_name(sn->dev));
	bus->priv = sn;
	bus->parent = sn->dev;
	bus->read = spinet_mdio_read;
	bus->write = spinet_mdio_write;
	bus->phy_mask = ~BIT(chip->phy_addr);
	/* A chip that reports link changes spares phylib the polling. */
	bus->irq[chip->phy_addr] = sn->link_poll ? PHY_POLL :
						   PHY_MAC_INTERRUPT;
	ret = mdiobus_register(bus);
	if (ret)
		goto free_bus;
	sn->phydev = mdiobus_get_phy(bus, chip->phy_addr);
	if (!sn->phydev) {
		dev_err(sn->dev, "no PHY answers at MDIO address %d\n",
			chip->phy_addr);
		ret = -ENODEV;
		goto unregister_bus;
	}
	ret = phy_connect_direct(sn->ndev, sn->phydev, spinet_adjust_link,
				 PHY_INTERFACE_MODE_MII);
	if (ret) {
		dev_err(sn->dev, "cannot attach the PHY: %pe\n", ERR_PTR(ret));
		goto unregister_bus;
	}
	if (chip->ops->set_pause)
		phy_support_asym_pause(sn->phydev);
	/* Suspend and resume stop and start the PHY themselves. */
	sn->phydev->mac_managed_pm = true;
	sn->mdio = bus;
	return 0;

unregister_bus:
	mdiobus_unregister(bus);
free_bus:
	mdiobus_free(bus);
	return ret;
}

static void spinet_mdio_unregister(struct spinet *sn)
{
	phy_disconnect(sn->phydev);
	mdiobus_unregister(sn->mdio);
	mdiobus_free(sn->mdio);
}

/*
 * A firmware node property that is present but not a usable address: an
 * all-zero one is a placeholder a boot loader did not fill (the Raspberry
 * Pi's overlays carry one) and is passed over quietly.
 */
static bool spinet_fw_mac_bad(struct device *dev)
{
	static const char * const props[] = {
		"mac-address", "local-mac-address",
	};
	u8 mac[ETH_ALEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(props); i++) {
		if (!device_property_present(dev, props[i]))
			continue;
		if (device_property_read_u8_array(dev, props[i], mac,
						  ETH_ALEN) ||
		    !is_zero_ether_addr(mac))
			return true;
	}
	return false;
}

/* Station address: firmware node, then the chip's own, then random. */
static void spinet_pick_mac(struct spinet *sn, const u8 *chip_mac)
{
	struct net_device *ndev = sn->ndev;
	struct device *dev = sn->dev;
	int ret;

	ret = device_get_ethdev_address(dev, ndev);
	if (!ret)
		return;
	if (spinet_fw_mac_bad(dev))
		dev_warn(dev, "invalid MAC address in the device tree (%pe), ignored\n",
			 ERR_PTR(ret));
	if (is_valid_ether_addr(chip_mac)) {
		eth_hw_addr_set(ndev, chip_mac);
		return;
	}
	eth_hw_addr_random(ndev);
	dev_warn(dev, "no MAC address in the device tree or the chip's EEPROM, using random %pM\n",
		 ndev->dev_addr);
}

/**
 * spinet_spi_setup() - check and apply a chip's SPI settings
 * @spi: the SPI device, configured from its firmware node
 * @chip: the chip
 *
 * A clock above the chip's limit is lowered to it, with a warning.
 *
 * Context: process (probe).
 * Return: 0, or the error from spi_setup().
 */
int spinet_spi_setup(struct spi_device *spi, const struct spinet_chip *chip)
{
	if (!spi->max_speed_hz || spi->max_speed_hz > chip->max_spi_hz) {
		if (spi->max_speed_hz)
			dev_warn(&spi->dev, "spi-max-frequency %u Hz is above the %s's %u Hz, using %u Hz\n",
				 spi->max_speed_hz, chip->name,
				 chip->max_spi_hz, chip->max_spi_hz);
		spi->max_speed_hz = chip->max_spi_hz;
	}
	spi->bits_per_word = 8;
	return spi_setup(spi);
}

/**
 * spinet_probe() - create and register the network device for a chip
 * @dev: the bus device; its driver data becomes the &struct spinet
 * @irq: the chip's interrupt (its trigger type from the firmware node)
 * @chip: the chip
 *
 * Identifies the chip, picks the station address, registers the MDIO bus
 * and attaches the PHY, requests the interrupt and registers the net
 * device. Everything is undone on failure.
 *
 * Context: process (a bus driver's probe).
 * Return: 0, or a negative errno after a message saying what failed.
 */
int spinet_probe(struct device *dev, int irq, const struct spinet_chip *chip)
{
	u8 chip_mac[ETH_ALEN] = {};
	struct net_device *ndev;
	struct spinet *sn;
	int ret;

	if (irq <= 0)
		return dev_err_probe(dev, irq ? irq : -EINVAL,
				     "no interrupt: the device tree node needs \"interrupts\"\n");
	if (chip->mmio && (!chip->tx_depth ||
			   chip->tx_depth > SPINET_TX_DEPTH_MAX ||
			   !chip->ops->irq_mask || !chip->ops->tx_done))
		return dev_err_probe(dev, -EINVAL,
				     "%s: incomplete memory-mapped chip description\n",
				     chip->name);
	ndev = devm_alloc_etherdev(dev, sizeof(*sn));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, dev);
	sn = netdev_priv(ndev);
	sn->ndev = ndev;
	sn->dev = dev;
	sn->chip = chip;
	sn->engine = chip->mmio ? &spinet_direct_engine : &spinet_owner_engine;
	sn->irq = irq;
	sn->msg_enable = netif_msg_init(-1, NETIF_MSG_DRV | NETIF_MSG_PROBE |
					NETIF_MSG_LINK | NETIF_MSG_HW |
					NETIF_MSG_TX_ERR);
	sn->chip_priv = devm_kzalloc(dev, chip->priv_size, GFP_KERNEL);
	sn->stats = devm_kcalloc(dev, SPINET_STAT_NUM + chip->n_stats,
				 sizeof(*sn->stats), GFP_KERNEL);
	sn->rxr.slot = devm_kcalloc(dev, SPINET_RX_RING, sizeof(void *),
				    GFP_KERNEL);
	sn->txr.slot = devm_kcalloc(dev, SPINET_TX_RING, sizeof(void *),
				    GFP_KERNEL);
	if (!sn->chip_priv || !sn->stats || !sn->rxr.slot || !sn->txr.slot)
		return -ENOMEM;
	sn->rxr.size = SPINET_RX_RING;
	sn->txr.size = SPINET_TX_RING;
	mutex_init(&sn->bus_lock);
	spin_lock_init(&sn->cfg_lock);
	spin_lock_init(&sn->stats_lock);
	u64_stats_init(&sn->syncp);
	INIT_DELAYED_WORK(&sn->retry, spinet_retry_work);
	INIT_WORK(&sn->direct_work, spinet_direct_work);
	timer_setup(&sn->edge_poll, spinet_edge_poll, 0);
	sn->pause_autoneg = !!chip->ops->set_pause;
	sn->pause_rx = !!chip->ops->set_pause;
	sn->pause_tx = !!chip->ops->set_pause;
	sn->link = -1;
	sn->link_poll = chip->link_poll;
	dev_set_drvdata(dev, sn);

	mutex_lock(&sn->bus_lock);
	ret = chip->ops->probe(sn, chip_mac);
	mutex_unlock(&sn->bus_lock);
	if (ret)
		return ret;
	spinet_pick_mac(sn, chip_mac);
	ether_addr_copy(sn->mac, ndev->dev_addr);

	ndev->netdev_ops = sn->engine->ndo;
	ndev->ethtool_ops = &spinet_ethtool_ops;
	ndev->watchdog_timeo = SPINET_TX_TIMEOUT;
	ndev->max_mtu = chip->max_mtu;
	ndev->priv_flags |= IFF_LIVE_ADDR_CHANGE;
	/*
	 * The stack segments in software, and the segments of one GSO skb
	 * reach xmit flagged xmit_more, past BQL: on a link whose idle round
	 * trip is below 512 us TCP makes them 64 KB, 20 ms of a Pi's SPI bus
	 * in front of every other packet. A few frames keep GSO's saving.
	 */
	netif_set_tso_max_segs(ndev, SPINET_GSO_MAX_SEGS);
	netif_napi_add(ndev, &sn->napi, sn->engine->poll);

	ret = spinet_mdio_register(sn);
	if (ret)
		goto del_napi;
	ret = request_threaded_irq(irq, sn->engine->hardirq,
				   sn->engine->thread, sn->engine->irqflags,
				   dev_name(dev), sn);
	if (ret) {
		dev_err(dev, "cannot request interrupt %d: %pe\n", irq,
			ERR_PTR(ret));
		goto unregister_mdio;
	}
	ret = register_netdev(ndev);
	if (ret) {
		dev_err(dev, "cannot register the net device: %pe\n",
			ERR_PTR(ret));
		goto free_irq;
	}
	netif_info(sn, probe, ndev, "%s at %s, irq %d, MAC %pM\n", chip->name,
		   dev_name(dev), irq, ndev->dev_addr);
	return 0;

free_irq:
	free_irq(irq, sn);
unregister_mdio:
	spinet_mdio_unregister(sn);
del_napi:
	netif_napi_del(&sn->napi);
	return ret;
}

/**
 * spinet_remove() - unregister what spinet_probe() registered
 * @dev: the bus device
 *
 * Context: process (a bus driver's remove).
 */
void spinet_remove(struct device *dev)
{
	struct spinet *sn = dev_get_drvdata(dev);

	unregister_netdev(sn->ndev);	/* stops the interface */
	free_irq(sn->irq, sn);
	cancel_delayed_work_sync(&sn->retry);
	cancel_work_sync(&sn->direct_work);
	spinet_mdio_unregister(sn);
	netif_napi_del(&sn->napi);
}

/**
 * spinet_spi_probe() - the probe of every SPI chip driver
 * @spi: the SPI device; the driver_data of its &struct spi_device_id is
 *	the backend's &struct spinet_chip (a device-tree match finds that
 *	entry too: its compatible without the vendor prefix is the modalias)
 *
 * Context: process (the SPI driver's probe).
 * Return: 0, or a negative errno after a message saying what failed.
 */
int spinet_spi_probe(struct spi_device *spi)
{
	const struct spi_device_id *id = spi_get_device_id(spi);
	const struct spinet_chip *chip;
	int ret;

	if (!id || !id->driver_data)
		return dev_err_probe(&spi->dev, -ENODEV,
				     "no chip for modalias %s\n",
				     spi->modalias);
	chip = (const struct spinet_chip *)id->driver_data;
	ret = spinet_spi_setup(spi, chip);
	if (ret)
		return dev_err_probe(&spi->dev, ret, "SPI setup failed\n");
	return spinet_probe(&spi->dev, spi->irq, chip);
}

/**
 * spinet_spi_remove() - the remove of every SPI chip driver
 * @spi: the SPI device
 *
 * Context: process (the SPI driver's remove).
 */
void spinet_spi_remove(struct spi_device *spi)
{
	spinet_remove(&spi->dev);
}
