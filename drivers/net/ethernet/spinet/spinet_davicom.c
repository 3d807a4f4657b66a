// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by the Davicom DM9000-family backends.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/visibility.h>
#include <linux/bitfield.h>
#include <linux/crc32.h>
#include <linux/etherdevice.h>
#include <linux/module.h>

#include "spinet.h"
#include "spinet_davicom.h"

/**
 * davicom_rx_check() - judge an RX header read from the chip
 * @hdr: the four header bytes, as read
 * @max_len: the longest frame, FCS included, the driver accepts
 *
 * Every field comes from the chip and may be garbage after an SPI error or
 * a lost read pointer, so nothing in it is trusted: the caller allocates and
 * reads only after %DAVICOM_RX_OK.
 *
 * Context: any.
 * Return: %DAVICOM_RX_OK when a frame of a plausible length and without
 * error bits follows, otherwise the first problem found, in the order
 * ready byte, status, length.
 */
enum davicom_rx_verdict
davicom_rx_check(const struct davicom_rx_hdr *hdr, unsigned int max_len)
{
	unsigned int len = le16_to_cpu(hdr->len);

	if (hdr->ready == DAVICOM_RX_EMPTY_BYTE)
		return DAVICOM_RX_EMPTY;
	if (hdr->ready != DAVICOM_RX_READY_BYTE)
		return DAVICOM_RX_BAD_READY;
	if (hdr->status & DAVICOM_RSR_ERRORS)
		return DAVICOM_RX_BAD_STATUS;
	if (len < DAVICOM_RX_MIN_LEN || len > max_len)
		return DAVICOM_RX_BAD_LENGTH;
	return DAVICOM_RX_OK;
}
EXPORT_SYMBOL_IF_KUNIT(davicom_rx_check);

/**
 * davicom_rx_status_err() - which receive error a bad status byte is
 * @status: the RX header's status byte (RSR layout), with an error bit
 *
 * Context: any.
 * Return: the kind to count with spinet_rx_error(): a CRC error first,
 * then a FIFO overrun, a runt, and anything else as a framing error.
 */
enum spinet_rx_err davicom_rx_status_err(u8 status)
{
	if (status & DAVICOM_RSR_CE)
		return SPINET_RX_ERR_CRC;
	if (status & DAVICOM_RSR_FOE)
		return SPINET_RX_ERR_FIFO;
	if (status & DAVICOM_RSR_RF)
		return SPINET_RX_ERR_LENGTH;
	return SPINET_RX_ERR_FRAME;
}
EXPORT_SYMBOL_IF_KUNIT(davicom_rx_status_err);

/**
 * davicom_fcr() - the flow control register for 802.3x settings
 * @rx: honour received PAUSE frames
 * @tx: send PAUSE frames when RX memory fills (and back pressure)
 *
 * Context: any.
 * Return: the FCR value.
 */
u8 davicom_fcr(bool rx, bool tx)
{
	return (rx ? DAVICOM_FCR_FLCE : 0) |
	       (tx ? DAVICOM_FCR_TXPEN | DAVICOM_FCR_BKPM : 0);
}
EXPORT_SYMBOL_IF_KUNIT(davicom_fcr);

/**
 * davicom_epar() - the EPAR value that selects a PHY register
 * @phy: the PHY's MDIO address (the chip decodes two bits of it)
 * @reg: the register, 0 to 31
 *
 * Context: any.
 * Return: the EPAR value.
 */
u8 davicom_epar(int phy, int reg)
{
	return FIELD_PREP(DAVICOM_EPAR_PHY, phy) |
	       FIELD_PREP(DAVICOM_EPAR_REG, reg);
}
EXPORT_SYMBOL_IF_KUNIT(davicom_epar);

/**
 * davicom_hash_bin() - multicast hash bin of an Ethernet address
 * @addr: the destination address, 6 bytes
 *
 * The MAC indexes its 64-bin table with the low six bits of the reflected
 * CRC-32 of the destination address, without the final inversion, which is
 * what ether_crc_le() computes.
 *
 * Context: any.
 * Return: the bin, 0 to 63; bin n is bit n % 8 of MAR[n / 8].
 */
unsigned int davicom_hash_bin(const u8 *addr)
{
	return ether_crc_le(ETH_ALEN, addr) & (DAVICOM_HASH_BINS - 1);
}
EXPORT_SYMBOL_IF_KUNIT(davicom_hash_bin);

/**
 * davicom_filter() - receive control bits and hash table for a filter
 * @f: what to accept
 * @mar: filled with the eight hash table bytes (MAR0..MAR7)
 *
 * Broadcast is always accepted, through its hash bin; all-multicast sets
 * every bin as well as RCR.ALL, so the table never hides a group.
 *
 * Context: any.
 * Return: the RCR bits for @f: the length and CRC discards, receive
 * enable, and all-multicast or promiscuous as asked.
 */
u8 davicom_filter(const struct spinet_rx_filter *f, u8 *mar)
{
	u8 rcr = DAVICOM_RCR_DIS_LONG | DAVICOM_RCR_DIS_CRC | DAVICOM_RCR_RXEN;
	unsigned int i, bin;

	memset(mar, 0, DAVICOM_HASH_BYTES);
	if (f->promisc)
		rcr |= DAVICOM_RCR_PRMSC;
	if (f->allmulti || f->promisc) {
		rcr |= DAVICOM_RCR_ALL;
		memset(mar, 0xff, DAVICOM_HASH_BYTES);
		return rcr;
	}
	mar[DAVICOM_HASH_BCAST_BIN / 8] |= BIT(DAVICOM_HASH_BCAST_BIN % 8);
	for (i = 0; i < f->mc_count && i < SPINET_MC_MAX; i++) {
		bin = davicom_hash_bin(f->mc[i]);
		mar[bin / 8] |= BIT(bin % 8);
	}
	return rcr;
}
EXPORT_SYMBOL_IF_KUNIT(davicom_filter);
