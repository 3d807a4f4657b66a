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

#include "spinet.h"

/* Registers of the DM9000 family (DM9051 and DM9000 share the map). */
#define DAVICOM_NCR		0x00
#define DAVICOM_NCR_RST		BIT(0)
#define DAVICOM_NSR		0x01
#define DAVICOM_TCR		0x02
#define DAVICOM_TCR_TXREQ	BIT(0)
#define DAVICOM_TSR1		0x03
#define DAVICOM_RCR		0x05
#define DAVICOM_RCR_DIS_LONG	BIT(5)
#define DAVICOM_RCR_DIS_CRC	BIT(4)
#define DAVICOM_RCR_ALL		BIT(3)
#define DAVICOM_RCR_PRMSC	BIT(1)
#define DAVICOM_RCR_RXEN	BIT(0)
#define DAVICOM_RSR		0x06
#define DAVICOM_ROCR		0x07
#define DAVICOM_ROCR_WRAP	BIT(7)
#define DAVICOM_ROCR_COUNT	GENMASK(6, 0)
#define DAVICOM_FCR		0x0a
#define DAVICOM_FCR_TXPEN	BIT(5)
#define DAVICOM_FCR_BKPM	BIT(3)
#define DAVICOM_FCR_FLCE	BIT(0)
#define DAVICOM_EPCR		0x0b
#define DAVICOM_EPCR_EPOS	BIT(3)
#define DAVICOM_EPCR_ERPRR	BIT(2)
#define DAVICOM_EPCR_ERPRW	BIT(1)
#define DAVICOM_EPCR_ERRE	BIT(0)
#define DAVICOM_EPAR		0x0c
#define DAVICOM_EPAR_PHY	GENMASK(7, 6)
#define DAVICOM_EPAR_REG	GENMASK(5, 0)
#define DAVICOM_EPDRL		0x0d
#define DAVICOM_EPDRH		0x0e
#define DAVICOM_PAR		0x10	/* 6 bytes */
#define DAVICOM_MAR		0x16	/* 8 bytes */
#define DAVICOM_GPR		0x1f
#define DAVICOM_GPR_PHY_DOWN	BIT(0)
#define DAVICOM_RWPAL		0x24	/* RX write pointer, low byte */
#define DAVICOM_RWPAH		0x25
#define DAVICOM_VIDL		0x28
#define DAVICOM_VIDH		0x29
#define DAVICOM_PIDL		0x2a
#define DAVICOM_PIDH		0x2b
#define DAVICOM_VID		0x0a46
#define DAVICOM_MWCMD		0x78
#define DAVICOM_TXPLL		0x7c
#define DAVICOM_TXPLH		0x7d
#define DAVICOM_ISR		0x7e
#define DAVICOM_ISR_MBS		BIT(7)
#define DAVICOM_ISR_LNKCHG	BIT(5)
#define DAVICOM_ISR_ROOS	BIT(3)
#define DAVICOM_ISR_ROS		BIT(2)
#define DAVICOM_ISR_PTS		BIT(1)
#define DAVICOM_ISR_PRS		BIT(0)
#define DAVICOM_ISR_STATUS	GENMASK(5, 0)
#define DAVICOM_IMR		0x7f
#define DAVICOM_IMR_PAR		BIT(7)
#define DAVICOM_IMR_LNKCHGI	BIT(5)
#define DAVICOM_IMR_ROOI	BIT(3)
#define DAVICOM_IMR_ROI		BIT(2)
#define DAVICOM_IMR_PTI		BIT(1)
#define DAVICOM_IMR_PRI		BIT(0)

/* The broadcast address hashes to bin 63: the MAC passes it through MAR. */
#define DAVICOM_HASH_BCAST_BIN	63

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
enum spinet_rx_err davicom_rx_status_err(u8 status);
u8 davicom_fcr(bool rx, bool tx);
u8 davicom_epar(int phy, int reg);
unsigned int davicom_hash_bin(const u8 *addr);
u8 davicom_filter(const struct spinet_rx_filter *f, u8 *mar);

#endif /* _SPINET_DAVICOM_H */
