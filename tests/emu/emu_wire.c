// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: the cable. Each direction is a queue of frames in
 * flight, paced at the link speed (preamble, FCS, padding to the minimum
 * frame and the inter-frame gap included), delivered from a hard-IRQ
 * hrtimer when their last bit arrives. The far end is another emulated
 * chip or a plain netdev of the emulator's own ("peer"), so that one end of
 * a test can be known-good kernel code.
 *
 * 802.3x flow control: a chip that honours a PAUSE frame holds its own
 * wire: what is queued is re-timed to start when the pause ends, including
 * a frame already on the wire (a simplification), and the chip's
 * transmission completes that much later. The peer netdev always honours
 * PAUSE frames and never sends them.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/unaligned.h>

#include "emu_priv.h"

/* Preamble and start delimiter, FCS, inter-frame gap, in bytes. */
#define EMU_WIRE_OVERHEAD	(8 + ETH_FCS_LEN + 12)
#define EMU_WIRE_MIN_FRAME	(ETH_ZLEN)
/* Frames the peer netdev may have in flight before it stops its queue. */
#define EMU_PEER_QUEUE_STOP	64
#define EMU_PEER_QUEUE_WAKE	32

/**
 * struct emu_peer - a plain netdev at the far end of a chip's cable
 * @dev: the chip it is cabled to
 * @ndev: the netdev
 * @wire: frames from the netdev towards the chip
 */
struct emu_peer {
	struct emu_dev *dev;
	struct net_device *ndev;
	struct emu_wire wire;
};

/*
 * @due: when the frame's last bit arrives
 * @host: a frame the chip's host asked for (its completion is awaited),
 *	not a control frame the chip generated
 */
struct emu_wire_cb {
	ktime_t due;
	bool host;
};

static struct emu_wire_cb *emu_wire_cb(struct sk_buff *skb)
{
	return (struct emu_wire_cb *)skb->cb;
}

static u64 emu_wire_ns(const struct emu_wire *w, unsigned int len)
{
	unsigned int bytes = max(len, EMU_WIRE_MIN_FRAME) + EMU_WIRE_OVERHEAD;

	return div_u64((u64)bytes * 8 * 1000, w->mbps);
}

/*
 * Queue @skb on the wire; it arrives when its last bit does.
 * Return: ns from now until the sender's transmission is complete.
 */
static u64 emu_wire_send(struct emu_wire *w, struct sk_buff *skb)
{
	u64 ns = emu_wire_ns(w, skb->len);
	ktime_t now = ktime_get();
	unsigned long flags;
	bool first;

	spin_lock_irqsave(&w->lock, flags);
	if (ktime_before(w->busy_until, now))
		w->busy_until = now;
	if (ktime_before(w->busy_until, w->pause_until))
		w->busy_until = w->pause_until;
	w->busy_until = ktime_add_ns(w->busy_until, ns);
	emu_wire_cb(skb)->due = w->busy_until;
	first = skb_queue_empty(&w->queue);
	__skb_queue_tail(&w->queue, skb);
	if (first)
		hrtimer_start(&w->timer, w->busy_until, HRTIMER_MODE_ABS_HARD);
	ns = ktime_to_ns(ktime_sub(w->busy_until, now));
	spin_unlock_irqrestore(&w->lock, flags);
	return ns;
}

/* Take the next frame that has arrived, or arm the timer for it. */
static struct sk_buff *emu_wire_next(struct emu_wire *w, bool *more)
{
	struct sk_buff *skb;

	spin_lock(&w->lock);
	skb = skb_peek(&w->queue);
	*more = false;
	if (skb && ktime_after(emu_wire_cb(skb)->due, ktime_get())) {
		hrtimer_set_expires(&w->timer, emu_wire_cb(skb)->due);
		*more = true;
		skb = NULL;
	} else if (skb) {
		__skb_unlink(skb, &w->queue);
	}
	spin_unlock(&w->lock);
	return skb;
}

/*
 * Hold the wire for @quanta pause quanta (512 bit times each) from now, or
 * release it (0): re-time every queued frame. Return: the new arrival of
 * the last frame the host awaits, or 0 if none is queued.
 */
static ktime_t emu_wire_pause(struct emu_wire *w, u16 quanta)
{
	u64 ns = div_u64((u64)quanta * 512 * 1000, w->mbps);
	ktime_t now = ktime_get(), t, host_due = 0;
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&w->lock, flags);
	w->pause_until = ktime_add_ns(now, ns);
	t = w->pause_until;
	skb_queue_walk(&w->queue, skb) {
		t = ktime_add_ns(t, emu_wire_ns(w, skb->len));
		emu_wire_cb(skb)->due = t;
		if (emu_wire_cb(skb)->host)
			host_due = t;
	}
	w->busy_until = t;
	skb = skb_peek(&w->queue);
	if (skb)
		hrtimer_start(&w->timer, emu_wire_cb(skb)->due,
			      HRTIMER_MODE_ABS_HARD);
	spin_unlock_irqrestore(&w->lock, flags);
	return host_due;
}

/* The pause time of a PAUSE frame (IEEE 802.3 annex 31B), or -1. */
static int emu_wire_pause_time(const u8 *frame, unsigned int len)
{
	if (len < ETH_HLEN + 4 ||
	    get_unaligned_be16(frame + 2 * ETH_ALEN) != ETH_P_PAUSE ||
	    get_unaligned_be16(frame + ETH_HLEN) != 0x0001)
		return -1;
	return get_unaligned_be16(frame + ETH_HLEN + 2);
}

static void emu_wire_purge(struct emu_wire *w)
{
	unsigned long flags;

	hrtimer_cancel(&w->timer);
	spin_lock_irqsave(&w->lock, flags);
	__skb_queue_purge(&w->queue);
	spin_unlock_irqrestore(&w->lock, flags);
}

static void emu_wire_setup(struct emu_wire *w,
			   enum hrtimer_restart (*fn)(struct hrtimer *))
{
	spin_lock_init(&w->lock);
	skb_queue_head_init(&w->queue);
	hrtimer_init(&w->timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_HARD);
	w->timer.function = fn;
	w->mbps = 100;
}

static void emu_deliver_to_chip(struct emu_dev *dst, struct sk_buff *skb)
{
	struct emu_chip *chip = &dst->chip;
	unsigned long flags;

	spin_lock_irqsave(&chip->lock, flags);
	if (chip->link_up)
		chip->model->wire_rx(chip, skb->data, skb->len, true);
	spin_unlock_irqrestore(&chip->lock, flags);
	dev_consume_skb_any(skb);
}

static void emu_deliver_to_peer(struct emu_peer *peer, struct sk_buff *skb)
{
	int quanta = emu_wire_pause_time(skb->data, skb->len);
	struct net_device *ndev = peer->ndev;

	if (quanta >= 0) {
		emu_wire_pause(&peer->wire, quanta);
		dev_consume_skb_any(skb);
		return;
	}
	if (!netif_running(ndev) || !netif_carrier_ok(ndev)) {
		DEV_STATS_INC(ndev, rx_dropped);
		dev_kfree_skb_any(skb);
		return;
	}
	skb->protocol = eth_type_trans(skb, ndev);
	DEV_STATS_INC(ndev, rx_packets);
	DEV_STATS_ADD(ndev, rx_bytes, skb->len + ETH_HLEN);
	netif_rx(skb);
}

/* Frames leaving a chip arrive at its peer chip or peer netdev. */
static enum hrtimer_restart emu_chip_wire_timer(struct hrtimer *timer)
{
	struct emu_dev *dev = container_of(timer, struct emu_dev, wire.timer);
	u64 t0 = emu_cpu_start(dev);
	struct sk_buff *skb;
	bool more;

	while ((skb = emu_wire_next(&dev->wire, &more))) {
		struct emu_dev *peer = READ_ONCE(dev->peer);
		struct net_device *ndev = READ_ONCE(dev->peer_ndev);

		if (peer)
			emu_deliver_to_chip(peer, skb);
		else if (ndev)
			emu_deliver_to_peer(netdev_priv(ndev), skb);
		else
			dev_kfree_skb_any(skb);
	}
	emu_cpu_since(dev, t0);
	return more ? HRTIMER_RESTART : HRTIMER_NORESTART;
}

/* Frames leaving a peer netdev arrive at its chip. */
static enum hrtimer_restart emu_peer_wire_timer(struct hrtimer *timer)
{
	struct emu_peer *peer = container_of(timer, struct emu_peer,
					     wire.timer);
	u64 t0 = emu_cpu_start(peer->dev);
	struct sk_buff *skb;
	bool more;

	while ((skb = emu_wire_next(&peer->wire, &more)))
		emu_deliver_to_chip(peer->dev, skb);
	if (netif_queue_stopped(peer->ndev) &&
	    skb_queue_len(&peer->wire.queue) < EMU_PEER_QUEUE_WAKE)
		netif_wake_queue(peer->ndev);
	emu_cpu_since(peer->dev, t0);
	return more ? HRTIMER_RESTART : HRTIMER_NORESTART;
}

/**
 * emu_wire_tx() - a chip puts a frame on its cable
 * @dev: the sending chip
 * @frame: the frame, FCS excluded
 * @len: its length
 * @host: the chip's host asked for it (false: a control frame the chip
 *	generated itself, such as a PAUSE)
 *
 * Context: any; the chip's lock is held.
 * Return: ns until the chip's transmission is complete.
 */
u64 emu_wire_tx(struct emu_dev *dev, const u8 *frame, unsigned int len,
		bool host)
{
	struct sk_buff *skb;

	if (!dev->chip.link_up)
		return emu_wire_ns(&dev->wire, len);
	skb = alloc_skb(len + NET_IP_ALIGN, GFP_ATOMIC);
	if (!skb)
		return emu_wire_ns(&dev->wire, len);
	skb_reserve(skb, NET_IP_ALIGN);
	skb_put_data(skb, frame, len);
	emu_wire_cb(skb)->host = host;
	return emu_wire_send(&dev->wire, skb);
}
EXPORT_SYMBOL_GPL(emu_wire_tx);

/**
 * emu_wire_pause_chip() - a chip honours a PAUSE frame
 * @dev: the chip
 * @quanta: pause time in 512-bit-time quanta; 0 resumes
 *
 * The chip's queued frames are re-timed and the transmission the model
 * awaits completes when its frame now arrives.
 *
 * Context: any; the chip's lock is held.
 */
void emu_wire_pause_chip(struct emu_dev *dev, u16 quanta)
{
	ktime_t due = emu_wire_pause(&dev->wire, quanta);

	if (due)
		hrtimer_start(&dev->tx_timer, due, HRTIMER_MODE_ABS_HARD);
}
EXPORT_SYMBOL_GPL(emu_wire_pause_chip);

static void emu_chip_link(struct emu_dev *dev, bool up)
{
	struct emu_chip *chip = &dev->chip;
	unsigned long flags;

	spin_lock_irqsave(&chip->lock, flags);
	if (chip->link_up != up) {
		chip->link_up = up;
		chip->model->link_change(chip, up);
	}
	spin_unlock_irqrestore(&chip->lock, flags);
}

/**
 * emu_wire_set_link() - plug or pull a chip's cable
 * @dev: the chip
 * @up: plug (both ends see link) or pull
 *
 * Context: process, under the emulator's configuration mutex.
 */
void emu_wire_set_link(struct emu_dev *dev, bool up)
{
	up = up && (dev->peer || dev->peer_ndev);
	emu_chip_link(dev, up);
	if (dev->peer)
		emu_chip_link(dev->peer, up);
	if (dev->peer_ndev) {
		if (up)
			netif_carrier_on(dev->peer_ndev);
		else
			netif_carrier_off(dev->peer_ndev);
	}
}

/**
 * emu_wire_init() - give a chip its outgoing wire
 * @dev: the chip
 *
 * Context: process.
 */
void emu_wire_init(struct emu_dev *dev)
{
	emu_wire_setup(&dev->wire, emu_chip_wire_timer);
}

/**
 * emu_wire_exit() - drop a chip's frames in flight
 * @dev: the chip, no longer connected to anything
 *
 * Context: process.
 */
void emu_wire_exit(struct emu_dev *dev)
{
	emu_wire_purge(&dev->wire);
}

static netdev_tx_t emu_peer_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct emu_peer *peer = netdev_priv(ndev);
	unsigned long flags;
	u64 t0;

	if (skb_linearize(skb) || !netif_carrier_ok(ndev)) {
		DEV_STATS_INC(ndev, tx_dropped);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	/* Like any MAC, pad short frames to the minimum on the wire. */
	if (eth_skb_pad(skb)) {
		DEV_STATS_INC(ndev, tx_dropped);
		return NETDEV_TX_OK;
	}
	DEV_STATS_INC(ndev, tx_packets);
	DEV_STATS_ADD(ndev, tx_bytes, skb->len);
	skb_orphan(skb);
	emu_wire_cb(skb)->host = true;
	/* The cable's own time, interrupts off: see emu_cpu_since(). */
	local_irq_save(flags);
	t0 = emu_cpu_start(peer->dev);
	emu_wire_send(&peer->wire, skb);
	if (skb_queue_len(&peer->wire.queue) >= EMU_PEER_QUEUE_STOP)
		netif_stop_queue(ndev);
	emu_cpu_since(peer->dev, t0);
	local_irq_restore(flags);
	return NETDEV_TX_OK;
}

static int emu_peer_open(struct net_device *ndev)
{
	netif_start_queue(ndev);
	return 0;
}

static int emu_peer_stop(struct net_device *ndev)
{
	netif_stop_queue(ndev);
	return 0;
}

static const struct net_device_ops emu_peer_ops = {
	.ndo_open = emu_peer_open,
	.ndo_stop = emu_peer_stop,
	.ndo_start_xmit = emu_peer_xmit,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

/**
 * emu_peer_add() - cable a chip to a new plain netdev ("<chip>peer")
 * @dev: the chip, not connected to anything
 *
 * Context: process, under the emulator's configuration mutex.
 * Return: 0, or a negative errno.
 */
int emu_peer_add(struct emu_dev *dev)
{
	struct net_device *ndev;
	struct emu_peer *peer;
	int ret;

	ndev = alloc_etherdev(sizeof(*peer));
	if (!ndev)
		return -ENOMEM;
	snprintf(ndev->name, IFNAMSIZ, "%speer", dev->name);
	ndev->netdev_ops = &emu_peer_ops;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = ETH_DATA_LEN;
	eth_hw_addr_random(ndev);
	peer = netdev_priv(ndev);
	peer->dev = dev;
	peer->ndev = ndev;
	emu_wire_setup(&peer->wire, emu_peer_wire_timer);
	netif_carrier_off(ndev);
	ret = register_netdev(ndev);
	if (ret) {
		free_netdev(ndev);
		return ret;
	}
	WRITE_ONCE(dev->peer_ndev, ndev);
	return 0;
}

/**
 * emu_peer_remove() - unplug and remove a chip's peer netdev
 * @dev: the chip
 *
 * Context: process, under the emulator's configuration mutex.
 */
void emu_peer_remove(struct emu_dev *dev)
{
	struct net_device *ndev = dev->peer_ndev;
	struct emu_peer *peer;

	if (!ndev)
		return;
	emu_wire_set_link(dev, false);
	WRITE_ONCE(dev->peer_ndev, NULL);
	/* A delivery already running finishes before the purge returns. */
	emu_wire_purge(&dev->wire);
	unregister_netdev(ndev);
	peer = netdev_priv(ndev);
	emu_wire_purge(&peer->wire);
	free_netdev(ndev);
}
