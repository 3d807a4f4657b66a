// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the receive filter: what the core asks of a chip
 * (spinet_filter_build() on a real net_device) and what the Davicom
 * backends program for it (davicom_filter(): RCR and the 64-bin hash).
 *
 * The expected hash bins come from a bitwise reflected CRC-32 written
 * here, not from the kernel's CRC code nor the driver's helpers.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>

#include "spinet_davicom.h"
#include "spinet_priv.h"
#include "spinet_kunit.h"

/* RCR (register 05h) bits, from the DM9051 datasheet. */
#define FLT_RCR_DIS_LONG	0x20
#define FLT_RCR_DIS_CRC		0x10
#define FLT_RCR_ALL		0x08
#define FLT_RCR_PRMSC		0x02
#define FLT_RCR_RXEN		0x01
#define FLT_RCR_BASE		(FLT_RCR_DIS_LONG | FLT_RCR_DIS_CRC | \
				 FLT_RCR_RXEN)

#define FLT_MAR_BYTES		8
#define FLT_MAX_GROUPS		(SPINET_MC_MAX + 1)

static const u8 flt_bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/**
 * spinet_kunit_hash_bin() - a Davicom hash bin, computed independently
 * @addr: a MAC address, 6 bytes
 *
 * The low six bits of the CRC-32 (polynomial 0xedb88320, reflected,
 * initial value all ones, no final inversion) of the six address bytes,
 * least significant bit first, one bit at a time: neither the kernel's
 * CRC code nor the driver's helpers are used.
 *
 * Context: any.
 * Return: the bin, 0 to 63.
 */
unsigned int spinet_kunit_hash_bin(const u8 *addr)
{
	u32 crc = 0xffffffff;
	unsigned int i, bit;

	for (i = 0; i < ETH_ALEN; i++) {
		crc ^= addr[i];
		for (bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ ((crc & 1) ? 0xedb88320 : 0);
	}
	return crc & (SPINET_KUNIT_HASH_BINS - 1);
}

static void flt_set_bin(u8 *mar, unsigned int bin)
{
	mar[bin / 8] |= BIT(bin % 8);
}

/* Group @i of generated set @set: 01:00:5e:<set>:<i hi>:<i lo>. */
static void flt_group(u8 *addr, unsigned int set, unsigned int i)
{
	static const u8 base[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x00 };

	ether_addr_copy(addr, base);
	addr[3] = set;
	addr[4] = i >> 8;
	addr[5] = i;
}

/* The test's own CRC against bins known from zlib's CRC-32. */
struct crc_case {
	const char *name;
	u8 addr[ETH_ALEN];
	unsigned int bin;
};

static const struct crc_case crc_cases[] = {
	{ "broadcast", { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, 63 },
	{ "ipv4 all-hosts", { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }, 62 },
	{ "mdns ipv4", { 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb }, 60 },
	{ "ipv6 all-nodes", { 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 }, 31 },
	{ "stp", { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 }, 38 },
	{ "all zeroes", { 0 }, 28 },
};

static void crc_desc(const struct crc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(crc, crc_cases, crc_desc);

static void spinet_filter_crc_test(struct kunit *test)
{
	const struct crc_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, spinet_kunit_hash_bin(c->addr), c->bin);
}

/*
 * davicom_filter(): @n groups, from @mc or (when NULL) generated; @count
 * is what mc_count says, which may exceed the array.
 */
struct davicom_case {
	const char *name;
	bool promisc;
	bool allmulti;
	unsigned int n;
	const u8 (*mc)[ETH_ALEN];
	unsigned int count;
	u8 rcr;
};

static const u8 known_groups[][ETH_ALEN] = {
	{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },
	{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb },
	{ 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 },
	{ 0x33, 0x33, 0xff, 0x00, 0x00, 0x01 },
	{ 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 },
};

static const u8 bcast_group[][ETH_ALEN] = {
	{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
};

static const struct davicom_case davicom_cases[] = {
	{ "no groups: broadcast only", false, false, 0, NULL, 0,
	  FLT_RCR_BASE },
	{ "one group", false, false, 1, known_groups, 1, FLT_RCR_BASE },
	{ "five known groups", false, false, ARRAY_SIZE(known_groups),
	  known_groups, ARRAY_SIZE(known_groups), FLT_RCR_BASE },
	{ "broadcast listed as a group", false, false, 1, bcast_group, 1,
	  FLT_RCR_BASE },
	{ "SPINET_MC_MAX generated groups", false, false, SPINET_MC_MAX,
	  NULL, SPINET_MC_MAX, FLT_RCR_BASE },
	{ "mc_count beyond the array is capped", false, false, SPINET_MC_MAX,
	  NULL, SPINET_MC_MAX + 7, FLT_RCR_BASE },
	{ "promisc", true, false, 0, NULL, 0,
	  FLT_RCR_BASE | FLT_RCR_PRMSC | FLT_RCR_ALL },
	{ "promisc ignores the groups", true, false, 3, known_groups, 3,
	  FLT_RCR_BASE | FLT_RCR_PRMSC | FLT_RCR_ALL },
	{ "allmulti", false, true, 0, NULL, 0, FLT_RCR_BASE | FLT_RCR_ALL },
	{ "allmulti ignores the groups", false, true, 3, known_groups, 3,
	  FLT_RCR_BASE | FLT_RCR_ALL },
	{ "promisc and allmulti", true, true, 0, NULL, 0,
	  FLT_RCR_BASE | FLT_RCR_PRMSC | FLT_RCR_ALL },
};

static void davicom_desc(const struct davicom_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(davicom, davicom_cases, davicom_desc);

static void spinet_filter_davicom_test(struct kunit *test)
{
	u8 mar[FLT_MAR_BYTES], want[FLT_MAR_BYTES] = {};
	const struct davicom_case *c = test->param_value;
	struct spinet_rx_filter *f;
	unsigned int i, bin;
	u8 rcr;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_LE(test, c->n, SPINET_MC_MAX);
	f->promisc = c->promisc;
	f->allmulti = c->allmulti;
	f->mc_count = c->count;
	for (i = 0; i < c->n; i++) {
		if (c->mc)
			ether_addr_copy(f->mc[i], c->mc[i]);
		else
			flt_group(f->mc[i], 1, i);
	}

	if (c->promisc || c->allmulti) {
		memset(want, 0xff, sizeof(want));
	} else {
		flt_set_bin(want, spinet_kunit_hash_bin(flt_bcast));
		for (i = 0; i < c->n; i++)
			flt_set_bin(want, spinet_kunit_hash_bin(f->mc[i]));
	}

	/* Stale bytes in the caller's buffer must all be overwritten. */
	memset(mar, 0x5a, sizeof(mar));
	rcr = davicom_filter(f, mar);

	KUNIT_EXPECT_EQ(test, rcr, c->rcr);
	/* Whatever else, the MAC receives, and drops long and bad frames. */
	KUNIT_EXPECT_EQ(test, rcr & FLT_RCR_BASE, FLT_RCR_BASE);
	for (i = 0; i < FLT_MAR_BYTES; i++)
		KUNIT_EXPECT_EQ_MSG(test, mar[i], want[i],
				    "MAR%u: got %02x, want %02x", i, mar[i],
				    want[i]);
	/* Broadcast is always accepted: bin 63 is always set. */
	KUNIT_EXPECT_TRUE(test, mar[7] & 0x80);
	if (!c->promisc && !c->allmulti) {
		/* Every listed group's bin is set, and no other but 63. */
		for (bin = 0; bin < SPINET_KUNIT_HASH_BINS; bin++) {
			bool listed = bin == 63;

			for (i = 0; i < c->n; i++)
				if (spinet_kunit_hash_bin(f->mc[i]) == bin)
					listed = true;
			KUNIT_EXPECT_EQ_MSG(test,
					    !!(mar[bin / 8] & BIT(bin % 8)),
					    listed, "bin %u", bin);
		}
	}
}

/* spinet_filter_build() on a net_device with @n groups and @flags. */
struct build_case {
	const char *name;
	unsigned int flags;
	unsigned int n;
	bool dup;
	bool promisc;
	bool allmulti;
	unsigned int count;
};

static const struct build_case build_cases[] = {
	{ "no groups", 0, 0, false, false, false, 0 },
	{ "one group", 0, 1, false, false, false, 1 },
	{ "three groups", 0, 3, false, false, false, 3 },
	{ "a group added twice counts once", 0, 2, true, false, false, 2 },
	{ "SPINET_MC_MAX groups", 0, SPINET_MC_MAX, false, false, false,
	  SPINET_MC_MAX },
	{ "SPINET_MC_MAX + 1 groups: allmulti", 0, SPINET_MC_MAX + 1, false,
	  false, true, 0 },
	{ "IFF_PROMISC", IFF_PROMISC, 3, false, true, false, 0 },
	{ "IFF_ALLMULTI", IFF_ALLMULTI, 3, false, false, true, 0 },
	{ "IFF_PROMISC and IFF_ALLMULTI", IFF_PROMISC | IFF_ALLMULTI, 0,
	  false, true, true, 0 },
	{ "IFF_PROMISC with too many groups", IFF_PROMISC,
	  SPINET_MC_MAX + 1, false, true, true, 0 },
};

static void build_desc(const struct build_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(build, build_cases, build_desc);

static void flt_free_netdev(void *data)
{
	struct net_device *ndev = data;

	dev_mc_flush(ndev);
	free_netdev(ndev);
}

static void spinet_filter_build_test(struct kunit *test)
{
	const struct build_case *c = test->param_value;
	u8 (*groups)[ETH_ALEN];
	struct spinet_rx_filter *f;
	struct net_device *ndev;
	unsigned int i, j, hits;
	int ret = 0;

	KUNIT_ASSERT_LE(test, c->n, FLT_MAX_GROUPS);
	groups = kunit_kcalloc(test, FLT_MAX_GROUPS, ETH_ALEN, GFP_KERNEL);
	f = kunit_kmalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, groups);
	KUNIT_ASSERT_NOT_NULL(test, f);
	ndev = alloc_etherdev(0);
	KUNIT_ASSERT_NOT_NULL(test, ndev);
	/*
	 * register_netdevice() initialises the address list lock; this
	 * device is never registered, so that nothing else (IPv6's own
	 * groups) joins its list.
	 */
	spin_lock_init(&ndev->addr_list_lock);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test,
							   flt_free_netdev,
							   ndev));

	for (i = 0; i < c->n; i++)
		flt_group(groups[i], 2, i);
	rtnl_lock();
	for (i = 0; i < c->n && !ret; i++)
		ret = dev_mc_add(ndev, groups[i]);
	if (c->dup && !ret)
		ret = dev_mc_add(ndev, groups[0]);
	ndev->flags |= c->flags;
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_ASSERT_EQ(test, netdev_mc_count(ndev), c->n);

	/* Stale contents must not survive. */
	memset(f, 0xa5, sizeof(*f));
	netif_addr_lock_bh(ndev);
	spinet_filter_build(ndev, f);
	netif_addr_unlock_bh(ndev);

	KUNIT_EXPECT_EQ(test, f->promisc, c->promisc);
	KUNIT_EXPECT_EQ(test, f->allmulti, c->allmulti);
	KUNIT_EXPECT_EQ(test, f->mc_count, c->count);
	/* Every group is listed exactly once... */
	for (i = 0; i < c->count; i++) {
		hits = 0;
		for (j = 0; j < f->mc_count && j < SPINET_MC_MAX; j++)
			hits += ether_addr_equal(f->mc[j], groups[i]);
		KUNIT_EXPECT_EQ_MSG(test, hits, 1, "group %pM listed %u times",
				    groups[i], hits);
	}
	/* ...and the entries past the count are cleared. */
	for (i = min_t(unsigned int, f->mc_count, SPINET_MC_MAX);
	     i < SPINET_MC_MAX; i++)
		KUNIT_EXPECT_TRUE_MSG(test, is_zero_ether_addr(f->mc[i]),
				      "entry %u is %pM", i, f->mc[i]);
}

static struct kunit_case spinet_filter_test_cases[] = {
	KUNIT_CASE_PARAM(spinet_filter_crc_test, crc_gen_params),
	KUNIT_CASE_PARAM(spinet_filter_davicom_test, davicom_gen_params),
	KUNIT_CASE_PARAM(spinet_filter_build_test, build_gen_params),
	{}
};

static struct kunit_suite spinet_filter_test_suite = {
	.name = "spinet_filter",
	.test_cases = spinet_filter_test_cases,
};

kunit_test_suite(spinet_filter_test_suite);
