// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by spinet's KUnit suites on the emulator: each suite
 * creates emulated chips through the emulator's test API, the driver
 * (spinet.ko, loaded first) binds to them as it would on a board, and the
 * suite judges what the driver did by the emulator's registers and
 * counters, read without side effects.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/platform_device.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/spi/spi.h>
#include <net/sch_generic.h>

#include "emu_kunit.h"

/**
 * emu_peek() - one register of an emulated chip, without side effects
 * @emu: the chip
 * @reg: the register, in the model's peek numbering
 *
 * Context: any; takes the chip's lock with interrupts off.
 * Return: the register's value.
 */
u8 emu_peek(struct emu_dev *emu, unsigned int reg)
{
	return emu_chip_peek(&emu->chip, reg);
}

/**
 * emu_peek_n() - consecutive registers of an emulated chip, at one time
 * @emu: the chip
 * @reg: the first register
 * @buf: receives them
 * @n: how many
 *
 * Context: any; takes the chip's lock with interrupts off.
 */
void emu_peek_n(struct emu_dev *emu, unsigned int reg, u8 *buf,
		unsigned int n)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&emu->chip.lock, flags);
	for (i = 0; i < n; i++)
		buf[i] = emu->chip.model->peek(&emu->chip, reg + i);
	spin_unlock_irqrestore(&emu->chip.lock, flags);
}

/**
 * emu_counters() - a snapshot of an emulated chip's counters
 * @emu: the chip
 * @c: receives them
 *
 * Context: any; takes the chip's lock with interrupts off.
 */
void emu_counters(struct emu_dev *emu, struct emu_counters *c)
{
	unsigned long flags;

	spin_lock_irqsave(&emu->chip.lock, flags);
	*c = emu->chip.cnt;
	spin_unlock_irqrestore(&emu->chip.lock, flags);
}

static void emu_destroy_action(void *emu)
{
	emu_test_destroy(emu);
}

/**
 * sn_chip_new() - a new emulated chip with spinet bound to it
 * @test: the test; the chip goes away when it ends, or earlier with
 *	kunit_release_action()
 * @model: the emulator's model ("dm9051", "w5500", "dm9000")
 * @driver: the driver that must have bound ("spinet-dm9051"...)
 *
 * Auto-negotiation completes at once, to keep the suites fast.
 *
 * Context: process; sleeps. Fails the test if the driver did not bind.
 * Return: the chip.
 */
struct sn_chip *sn_chip_new(struct kunit *test, const char *model,
			    const char *driver)
{
	struct device_driver *drv;
	struct emu_dev *emu;
	unsigned long flags;
	struct sn_chip *c;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	emu = emu_test_create(model);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, emu);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test,
							   emu_destroy_action,
							   emu));
	c->emu = emu;
	spin_lock_irqsave(&emu->chip.lock, flags);
	emu->chip.an_delay_ms = 0;
	spin_unlock_irqrestore(&emu->chip.lock, flags);

	/*
	 * The probe ran synchronously when the emulator added the device:
	 * an SPI device, or a memory-mapped chip's platform device.
	 */
	c->dev = emu->pdev ? &emu->pdev->dev : &emu->spi->dev;
	drv = c->dev->driver;
	KUNIT_ASSERT_NOT_NULL_MSG(test, drv, "no driver bound to %s",
				  dev_name(c->dev));
	KUNIT_ASSERT_STREQ(test, drv->name, driver);
	c->sn = dev_get_drvdata(c->dev);
	KUNIT_ASSERT_NOT_NULL(test, c->sn);
	c->ndev = c->sn->ndev;
	KUNIT_ASSERT_NOT_NULL(test, c->ndev);
	return c;
}

/**
 * sn_open() - bring a chip's interface up, as "ip link set up" does
 * @test: the test, failed if it does not come up
 * @c: the chip
 *
 * Context: process; takes the RTNL.
 */
void sn_open(struct kunit *test, struct sn_chip *c)
{
	int ret;

	rtnl_lock();
	ret = dev_open(c->ndev, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "dev_open(%s)", c->ndev->name);
}

/**
 * sn_close() - take a chip's interface down
 * @c: the chip
 *
 * Context: process; takes the RTNL.
 */
void sn_close(struct sn_chip *c)
{
	rtnl_lock();
	dev_close(c->ndev);
	rtnl_unlock();
}

/**
 * sn_quiet_mtu() - an MTU below IPv6's minimum, so that no frame but the
 *	test's own crosses the cable
 * @test: the test, failed if the MTU is refused
 * @c: the chip
 *
 * Context: process; takes the RTNL.
 */
void sn_quiet_mtu(struct kunit *test, struct sn_chip *c)
{
	int ret;

	rtnl_lock();
	ret = dev_set_mtu(c->ndev, EMU_QUIET_MTU);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, ret, 0);
}

static int sn_capture_rcv(struct sk_buff *skb, struct net_device *ndev,
			  struct packet_type *pt, struct net_device *orig)
{
	struct sn_capture *cap = container_of(pt, struct sn_capture, pt);
	unsigned int len = skb->len + ETH_HLEN;

	spin_lock_bh(&cap->lock);
	cap->count++;
	cap->len = 0;
	if (len <= sizeof(cap->frame) && skb_mac_header_was_set(skb) &&
	    skb_mac_offset(skb) == -ETH_HLEN) {
		memcpy(cap->frame, skb_mac_header(skb), ETH_HLEN);
		if (!skb_copy_bits(skb, 0, cap->frame + ETH_HLEN, skb->len))
			cap->len = len;
	}
	spin_unlock_bh(&cap->lock);
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static void sn_capture_remove(void *data)
{
	struct sn_capture *cap = data;

	dev_remove_pack(&cap->pt);
}

/**
 * sn_capture_new() - receive the test's EtherType on a chip's interface
 * @test: the test; the receiver goes away when it ends (registered after
 *	its chip, so removed before the chip is destroyed)
 * @c: the chip
 *
 * Context: process.
 * Return: the receiver.
 */
struct sn_capture *sn_capture_new(struct kunit *test, struct sn_chip *c)
{
	struct sn_capture *cap;

	cap = kunit_kzalloc(test, sizeof(*cap), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cap);
	spin_lock_init(&cap->lock);
	cap->pt.type = htons(EMU_ETH_P_TEST);
	cap->pt.dev = c->ndev;
	cap->pt.func = sn_capture_rcv;
	dev_add_pack(&cap->pt);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test,
							   sn_capture_remove,
							   cap));
	return cap;
}

/**
 * sn_capture_count() - frames a receiver got so far
 * @cap: the receiver
 *
 * Context: process or softirq.
 * Return: the count.
 */
unsigned int sn_capture_count(struct sn_capture *cap)
{
	unsigned int n;

	spin_lock_bh(&cap->lock);
	n = cap->count;
	spin_unlock_bh(&cap->lock);
	return n;
}

/**
 * sn_pair_ready() - frames can go both ways between two chips
 * @a: one chip
 * @b: the other
 *
 * Context: any.
 * Return: true once both have carrier and a real qdisc attached.
 */
bool sn_pair_ready(struct sn_chip *a, struct sn_chip *b)
{
	return netif_carrier_ok(a->ndev) && !qdisc_tx_is_noop(a->ndev) &&
	       netif_carrier_ok(b->ndev) && !qdisc_tx_is_noop(b->ndev);
}

/**
 * sn_send() - queue one frame of the test's EtherType for transmission
 * @from: the chip that sends it
 * @frame: the frame, from its destination address on, without FCS
 * @len: its length
 *
 * Context: process.
 * Return: what dev_queue_xmit() returned, or -ENOMEM.
 */
int sn_send(struct sn_chip *from, const u8 *frame, unsigned int len)
{
	struct sk_buff *skb;

	skb = alloc_skb(len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, frame, len);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb->protocol = htons(EMU_ETH_P_TEST);
	skb->dev = from->ndev;
	return dev_queue_xmit(skb);
}

/**
 * sn_chip_destroy() - remove a chip made by sn_chip_new() before the test
 *	ends, as pulling it off the board would (its cable goes too)
 * @test: the test
 * @c: the chip
 *
 * Context: process; sleeps.
 */
void sn_chip_destroy(struct kunit *test, struct sn_chip *c)
{
	kunit_release_action(test, emu_destroy_action, c->emu);
}

/**
 * sn_stat() - one of a driver's ethtool statistics, by name
 * @test: the test, which fails if there is no such statistic
 * @ndev: the interface
 * @name: the statistic's name, as ethtool -S prints it
 *
 * Context: process context; takes the RTNL.
 * Return: its value, or 0 if there is none.
 */
u64 sn_stat(struct kunit *test, struct net_device *ndev, const char *name)
{
	const struct ethtool_ops *ops = ndev->ethtool_ops;
	struct ethtool_stats st = {};
	u64 *vals, val = 0;
	bool found = false;
	u8 *names;
	int i, n;

	n = ops->get_sset_count(ndev, ETH_SS_STATS);
	KUNIT_ASSERT_GT(test, n, 0);
	names = kunit_kcalloc(test, n, ETH_GSTRING_LEN, GFP_KERNEL);
	vals = kunit_kcalloc(test, n, sizeof(*vals), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, names);
	KUNIT_ASSERT_NOT_NULL(test, vals);
	st.n_stats = n;
	rtnl_lock();
	ops->get_strings(ndev, ETH_SS_STATS, names);
	ops->get_ethtool_stats(ndev, &st, vals);
	rtnl_unlock();
	for (i = 0; i < n; i++) {
		if (!strcmp(names + i * ETH_GSTRING_LEN, name)) {
			val = vals[i];
			found = true;
		}
	}
	KUNIT_EXPECT_TRUE_MSG(test, found, "no statistic %s", name);
	return val;
}
