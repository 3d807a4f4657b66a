/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by spinet's KUnit suites on the emulator (one file per
 * chip): an emulated chip with spinet bound to it, side-effect-free reads
 * of its registers and counters, and a receiver of the test's frames.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_EMU_KUNIT_H
#define _SPINET_EMU_KUNIT_H

#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/time64.h>

#include "emu_priv.h"
#include "spinet_priv.h"

#define EMU_POLL_US		5000
#define EMU_WAIT_MS		2000
#define EMU_WAIT_US		(EMU_WAIT_MS * USEC_PER_MSEC)
#define EMU_LINK_WAIT_US	(5000 * USEC_PER_MSEC)
/* Below IPV6_MIN_MTU: IPv6 stays off the interface and sends nothing. */
#define EMU_QUIET_MTU		1200
#define EMU_ETH_P_TEST		ETH_P_802_EX1
/* The longest frame the driver sends (FCS excluded), and one more byte. */
#define EMU_FRAME_MAX		VLAN_ETH_FRAME_LEN
#define EMU_FRAME_BUF		(EMU_FRAME_MAX + 1)

/**
 * struct sn_chip - one emulated chip and what the driver made of it
 * @emu: the emulated chip
 * @dev: the device the driver bound to (SPI or platform)
 * @sn: the driver's state, the device's driver data
 * @ndev: the driver's net_device
 */
struct sn_chip {
	struct emu_dev *emu;
	struct device *dev;
	struct spinet *sn;
	struct net_device *ndev;
};

/**
 * struct sn_capture - a receiver of the test's EtherType on one interface
 * @pt: the packet handler
 * @lock: protects the fields below
 * @count: frames received
 * @len: length of @frame, 0 if the last one did not fit
 * @frame: a copy of the last frame, from its destination address on
 */
struct sn_capture {
	struct packet_type pt;
	spinlock_t lock;	/* protects the fields below */
	unsigned int count;
	unsigned int len;
	u8 frame[EMU_FRAME_BUF];
};

u8 emu_peek(struct emu_dev *emu, unsigned int reg);
void emu_peek_n(struct emu_dev *emu, unsigned int reg, u8 *buf,
		unsigned int n);
void emu_counters(struct emu_dev *emu, struct emu_counters *c);
struct sn_chip *sn_chip_new(struct kunit *test, const char *model,
			    const char *driver);
void sn_chip_destroy(struct kunit *test, struct sn_chip *c);
void sn_open(struct kunit *test, struct sn_chip *c);
void sn_close(struct sn_chip *c);
void sn_quiet_mtu(struct kunit *test, struct sn_chip *c);
struct sn_capture *sn_capture_new(struct kunit *test, struct sn_chip *c);
unsigned int sn_capture_count(struct sn_capture *cap);
bool sn_pair_ready(struct sn_chip *a, struct sn_chip *b);
int sn_send(struct sn_chip *from, const u8 *frame, unsigned int len);
u64 sn_stat(struct kunit *test, struct net_device *ndev, const char *name);

#endif /* _SPINET_EMU_KUNIT_H */
