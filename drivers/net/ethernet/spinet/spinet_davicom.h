/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Davicom DM9000 family (DM9051 on SPI, DM9000 on a memory bus): facts and
 * helpers the chip backends share. The facts and their sources are in
 * Documentation/chip-assumptions.md.
 */
#ifndef _SPINET_DAVICOM_H
#define _SPINET_DAVICOM_H

#include <linux/bits.h>
#include <linux/if_ether.h>
#include <linux/types.h>

/* RSR and the status byte of the RX header share this layout. */
#define DAVICOM_RSR_RF		BIT(7)	/* runt frame */
#define DAVICOM_RSR_MF		BIT(6)	/* multicast frame: not an error */
#define DAVICOM_RSR_LCS		BIT(5)	/* late collision seen */
#define DAVICOM_RSR_RWTO	BIT(4)	/* receive watchdog time-out */
#define DAVICOM_RSR_PLE		BIT(3)	/* physical layer error */
#define DAVICOM_RSR_AE		BIT(2)	/* alignment error */
#define DAVICOM_RSR_CE		BIT(1)	/* CRC error */
#define DAVICOM_RSR_FOE		BIT(0)	/* RX FIFO overflow */
#define DAVICOM_RSR_ERRORS	(GENMASK(7, 0) & ~DAVICOM_RSR_MF)

/* Values of the first byte of an RX header. */
#define DAVICOM_RX_EMPTY_BYTE	0x00
#define DAVICOM_RX_READY_BYTE	0x01

/* The 64-bin multicast hash lives in MAR0..MAR7. */
#define DAVICOM_HASH_BINS	64
#define DAVICOM_HASH_BYTES	(DAVICOM_HASH_BINS / BITS_PER_BYTE)

/* Shortest frame the MAC stores when runts are not passed, FCS included. */
#define DAVICOM_RX_MIN_LEN	(ETH_ZLEN + ETH_FCS_LEN)

/**
 * struct davicom_rx_hdr - header the chip stores before each received frame
 * @ready: %DAVICOM_RX_READY_BYTE when a frame follows,
 *	%DAVICOM_RX_EMPTY_BYTE when the RX ring holds no complete frame
 * @status: receive status, RSR layout
 * @len: length of the frame that follows, including its 4-byte FCS
 */
struct davicom_rx_hdr {
	u8 ready;
	u8 status;
	__le16 len;
} __packed;

/**
 * enum davicom_rx_verdict - what an RX header says about the ring
 * @DAVICOM_RX_OK: a good frame follows
 * @DAVICOM_RX_EMPTY: no complete frame in the ring
 * @DAVICOM_RX_BAD_READY: the ready byte is neither 0 nor 1: the read
 *	pointer is out of step with the ring
 * @DAVICOM_RX_BAD_STATUS: the status byte has an error bit set
 * @DAVICOM_RX_BAD_LENGTH: the length is below a minimum frame or above the
 *	largest frame the driver accepts
 */
enum davicom_rx_verdict {
	DAVICOM_RX_OK,
	DAVICOM_RX_EMPTY,
	DAVICOM_RX_BAD_READY,
	DAVICOM_RX_BAD_STATUS,
	DAVICOM_RX_BAD_LENGTH,
};

enum davicom_rx_verdict davicom_rx_check(const struct davicom_rx_hdr *hdr,
					 unsigned int max_len);
unsigned int davicom_hash_bin(const u8 *addr);

#endif /* _SPINET_DAVICOM_H */
