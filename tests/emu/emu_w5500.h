/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinet's chip emulator: the WIZnet W5500 model's register map, shared by
 * the model and its KUnit suite. Facts from the chip notes (w5500.md);
 * nothing here comes from a driver header.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_EMU_W5500_H
#define _SPINET_EMU_W5500_H

#include <linux/bits.h>
#include <linux/types.h>

/* SPI frame: offset (16 bits, MSB first), control byte, data */
#define W5_HDR_LEN		3
#define W5_CTRL_BSB		GENMASK(7, 3)
#define W5_CTRL_RWB		BIT(2)
#define W5_CTRL_OM		GENMASK(1, 0)
#define W5_BSB_COMMON		0
/* socket n: registers 4n + 1, TX buffer 4n + 2, RX buffer 4n + 3 */
#define W5_BSB_KIND(bsb)	((bsb) & 3)
#define W5_BSB_SOCK(bsb)	((bsb) >> 2)
#define W5_KIND_REGS		1
#define W5_KIND_TXBUF		2
#define W5_KIND_RXBUF		3

/* Common registers */
#define W5_MR			0x00
#define W5_SHAR			0x09
#define W5_INTLEVEL		0x13
#define W5_IR			0x15
#define W5_IMR			0x16
#define W5_SIR			0x17
#define W5_SIMR			0x18
#define W5_RTR			0x19
#define W5_RCR			0x1b
#define W5_PHYCFGR		0x2e
#define W5_VERSIONR		0x39
#define W5_COMMON_LEN		0x40

#define W5_MR_RST		BIT(7)
#define W5_IR_STATUS		GENMASK(7, 4)

#define W5_PHYCFGR_RST		BIT(7)
#define W5_PHYCFGR_OPMD		BIT(6)
#define W5_PHYCFGR_OPMDC	GENMASK(5, 3)
#define W5_PHYCFGR_DPX		BIT(2)
#define W5_PHYCFGR_SPD		BIT(1)
#define W5_PHYCFGR_LNK		BIT(0)
#define W5_OPMDC_10HD		0
#define W5_OPMDC_10FD		1
#define W5_OPMDC_100HD		2
#define W5_OPMDC_100FD		3
#define W5_OPMDC_100FD_AN	4
#define W5_OPMDC_DOWN		6
#define W5_OPMDC_ALL_AN		7

#define W5_VERSION		0x04
#define W5_RTR_RESET		0x07d0
#define W5_RCR_RESET		0x08

/* Socket registers */
#define W5_SN_MR		0x00
#define W5_SN_CR		0x01
#define W5_SN_IR		0x02
#define W5_SN_SR		0x03
#define W5_SN_RXBUF_SIZE	0x1e
#define W5_SN_TXBUF_SIZE	0x1f
#define W5_SN_TX_FSR		0x20
#define W5_SN_TX_RD		0x22
#define W5_SN_TX_WR		0x24
#define W5_SN_RX_RSR		0x26
#define W5_SN_RX_RD		0x28
#define W5_SN_RX_WR		0x2a
#define W5_SN_IMR		0x2c
#define W5_SOCK_LEN		0x30

#define W5_SN_MR_MFEN		BIT(7)
#define W5_SN_MR_BCASTB		BIT(6)
#define W5_SN_MR_MMB		BIT(5)
#define W5_SN_MR_MIP6B		BIT(4)
#define W5_SN_MR_PROTO		GENMASK(3, 0)
#define W5_PROTO_MACRAW		0x04

#define W5_CR_OPEN		0x01
#define W5_CR_CLOSE		0x10
#define W5_CR_SEND		0x20
#define W5_CR_RECV		0x40

#define W5_SN_IR_SEND_OK	BIT(4)
#define W5_SN_IR_TIMEOUT	BIT(3)
#define W5_SN_IR_RECV		BIT(2)
#define W5_SN_IR_ALL		GENMASK(4, 0)

#define W5_SR_CLOSED		0x00
#define W5_SR_MACRAW		0x42

#define W5_SOCKETS		8
#define W5_MEM_SIZE		0x4000	/* 16 KB TX, 16 KB RX */
#define W5_BUF_RESET_KB		2
#define W5_RX_HDR_LEN		2
#define W5_FRAME_MIN		60
#define W5_FRAME_MAX		1514

/* Values the RX header fault knobs store (the length field, header included) */
#define W5_BAD_LEN_SHORT	10
#define W5_BAD_LEN_LONG		2500
#define W5_BAD_LEN_RING		0x8000

/* The model's debugfs "regs" view: common 0x00-0x3f, socket 0 at 0x40 */
#define W5_PEEK_SOCK0		0x40

#endif /* _SPINET_EMU_W5500_H */
