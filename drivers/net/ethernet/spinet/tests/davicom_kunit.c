// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the Davicom helpers: RX header validation and the
 * multicast hash.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>

#include "spinet_davicom.h"

#define MAX_LEN	1522

#define RX_OK		DAVICOM_RX_OK
#define RX_EMPTY	DAVICOM_RX_EMPTY
#define RX_BAD_READY	DAVICOM_RX_BAD_READY
#define RX_BAD_STATUS	DAVICOM_RX_BAD_STATUS
#define RX_BAD_LENGTH	DAVICOM_RX_BAD_LENGTH

struct rx_check_case {
	const char *name;
	u8 ready;
	u8 status;
	u16 len;
	enum davicom_rx_verdict want;
};

static const struct rx_check_case rx_check_cases[] = {
	{ "good minimum frame", 0x01, 0x00, 64, RX_OK },
	{ "good maximum frame", 0x01, 0x00, MAX_LEN, RX_OK },
	{ "multicast bit is not an error", 0x01, DAVICOM_RSR_MF, 100, RX_OK },
	{ "empty ring", 0x00, 0x00, 0, RX_EMPTY },
	{ "empty ring ignores the rest", 0x00, 0xff, 0xffff, RX_EMPTY },
	{ "ready byte 0x02", 0x02, 0x00, 64, RX_BAD_READY },
	{ "ready byte 0xff (dead chip)", 0xff, 0xff, 0xffff, RX_BAD_READY },
	{ "crc error", 0x01, DAVICOM_RSR_CE, 64, RX_BAD_STATUS },
	{ "runt flag", 0x01, DAVICOM_RSR_RF, 64, RX_BAD_STATUS },
	{ "fifo overflow", 0x01, DAVICOM_RSR_FOE, 64, RX_BAD_STATUS },
	{ "every error bit", 0x01, DAVICOM_RSR_ERRORS, 64, RX_BAD_STATUS },
	{ "length zero", 0x01, 0x00, 0, RX_BAD_LENGTH },
	{ "length below a header", 0x01, 0x00, ETH_HLEN - 1, RX_BAD_LENGTH },
	{ "length one below minimum", 0x01, 0x00, 63, RX_BAD_LENGTH },
	{ "length one above maximum", 0x01, 0x00, MAX_LEN + 1, RX_BAD_LENGTH },
	{ "length beyond the ring", 0x01, 0x00, 0x3400, RX_BAD_LENGTH },
	{ "length 0xffff", 0x01, 0x00, 0xffff, RX_BAD_LENGTH },
};

static void rx_check_desc(const struct rx_check_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rx_check, rx_check_cases, rx_check_desc);

static void davicom_rx_check_test(struct kunit *test)
{
	const struct rx_check_case *c = test->param_value;
	struct davicom_rx_hdr hdr = {
		.ready = c->ready,
		.status = c->status,
		.len = cpu_to_le16(c->len),
	};

	KUNIT_EXPECT_EQ(test, davicom_rx_check(&hdr, MAX_LEN), c->want);
}

/* The header is four bytes on the wire, length little-endian. */
static void davicom_rx_hdr_layout_test(struct kunit *test)
{
	static const u8 raw[] = { 0x01, 0x40, 0xea, 0x05 };
	const struct davicom_rx_hdr *hdr = (const void *)raw;

	KUNIT_EXPECT_EQ(test, sizeof(*hdr), 4);
	KUNIT_EXPECT_EQ(test, hdr->ready, 0x01);
	KUNIT_EXPECT_EQ(test, hdr->status, DAVICOM_RSR_MF);
	KUNIT_EXPECT_EQ(test, le16_to_cpu(hdr->len), 1514);
	KUNIT_EXPECT_EQ(test, davicom_rx_check(hdr, 1514), DAVICOM_RX_OK);
	KUNIT_EXPECT_EQ(test, davicom_rx_check(hdr, 1513), RX_BAD_LENGTH);
}

struct hash_case {
	const char *name;
	u8 addr[ETH_ALEN];
	unsigned int bin;
};

/*
 * Expected bins computed independently of the kernel, as the low six bits
 * of the bitwise complement of zlib's CRC-32 of the address.
 */
static const struct hash_case hash_cases[] = {
	{ "broadcast", { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, 63 },
	{ "ipv4 all-hosts", { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }, 62 },
	{ "mdns ipv4", { 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb }, 60 },
	{ "ipv6 all-nodes", { 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 }, 31 },
	{ "ipv6 solicited-node", { 0x33, 0x33, 0xff, 0x00, 0x00, 0x01 }, 46 },
	{ "stp", { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 }, 38 },
	{ "all zeroes", { 0 }, 28 },
};

static void hash_desc(const struct hash_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hash, hash_cases, hash_desc);

static void davicom_hash_bin_test(struct kunit *test)
{
	const struct hash_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, davicom_hash_bin(c->addr), c->bin);
}

/*
 * A bad status byte is counted as one kind of error, the most telling
 * first: a CRC error hides the others, then a FIFO overrun, then a runt;
 * alignment, physical-layer, watchdog and late-collision errors are
 * framing errors. The multicast bit alone is no error at all, and
 * davicom_rx_check() never passes it here.
 */
static void davicom_rx_status_err_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_CE),
			SPINET_RX_ERR_CRC);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_CE |
						    DAVICOM_RSR_FOE |
						    DAVICOM_RSR_RF),
			SPINET_RX_ERR_CRC);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_FOE |
						    DAVICOM_RSR_RF),
			SPINET_RX_ERR_FIFO);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_RF |
						    DAVICOM_RSR_MF),
			SPINET_RX_ERR_LENGTH);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_AE),
			SPINET_RX_ERR_FRAME);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_PLE),
			SPINET_RX_ERR_FRAME);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_RWTO),
			SPINET_RX_ERR_FRAME);
	KUNIT_EXPECT_EQ(test, davicom_rx_status_err(DAVICOM_RSR_LCS),
			SPINET_RX_ERR_FRAME);
}

/* FCR for each pause setting, and EPAR's two address bits and register. */
static void davicom_fcr_epar_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, davicom_fcr(false, false), 0);
	KUNIT_EXPECT_EQ(test, davicom_fcr(true, false), 0x01);
	KUNIT_EXPECT_EQ(test, davicom_fcr(false, true), 0x28);
	KUNIT_EXPECT_EQ(test, davicom_fcr(true, true), 0x29);
	KUNIT_EXPECT_EQ(test, davicom_epar(1, 0), 0x40);
	KUNIT_EXPECT_EQ(test, davicom_epar(1, 31), 0x5f);
	KUNIT_EXPECT_EQ(test, davicom_epar(0, 2), 0x02);
	KUNIT_EXPECT_EQ(test, davicom_epar(3, 1), 0xc1);
}

static struct kunit_case davicom_test_cases[] = {
	KUNIT_CASE(davicom_rx_status_err_test),
	KUNIT_CASE(davicom_fcr_epar_test),
	KUNIT_CASE_PARAM(davicom_rx_check_test, rx_check_gen_params),
	KUNIT_CASE(davicom_rx_hdr_layout_test),
	KUNIT_CASE_PARAM(davicom_hash_bin_test, hash_gen_params),
	{}
};

static struct kunit_suite davicom_test_suite = {
	.name = "spinet_davicom",
	.test_cases = davicom_test_cases,
};

kunit_test_suite(davicom_test_suite);

MODULE_DESCRIPTION("KUnit tests for spinet's Davicom helpers");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
