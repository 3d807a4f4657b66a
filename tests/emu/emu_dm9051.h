/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinet's chip emulator: the Davicom DM9051 model's register map, shared
 * by the model and its KUnit suite. Facts from the chip notes
 * (dm9051.md); nothing here comes from a driver header.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_EMU_DM9051_H
#define _SPINET_EMU_DM9051_H

#include <linux/bits.h>
#include <linux/types.h>

/* SPI command byte: bit 7 = write, bits 6:0 = address */
#define DM_CMD_WRITE		BIT(7)
#define DM_CMD_ADDR		GENMASK(6, 0)

/* Registers */
#define DM_NCR			0x00
#define DM_NSR			0x01
#define DM_TCR			0x02
#define DM_TSR1			0x03
#define DM_TSR2			0x04
#define DM_RCR			0x05
#define DM_RSR			0x06
#define DM_ROCR			0x07
#define DM_BPTR			0x08
#define DM_FCTR			0x09
#define DM_FCR			0x0a
#define DM_EPCR			0x0b
#define DM_EPAR			0x0c
#define DM_EPDRL		0x0d
#define DM_EPDRH		0x0e
#define DM_WCR			0x0f
#define DM_PAR			0x10
#define DM_MAR			0x16
#define DM_GPCR			0x1e
#define DM_GPR			0x1f
#define DM_TRPAL		0x22
#define DM_TRPAH		0x23
#define DM_RWPAL		0x24
#define DM_RWPAH		0x25
#define DM_VIDL			0x28
#define DM_VIDH			0x29
#define DM_PIDL			0x2a
#define DM_PIDH			0x2b
#define DM_CHIPR		0x2c
#define DM_TCR2			0x2d
#define DM_ATCR			0x30
#define DM_INTCR		0x39
#define DM_PPCR			0x3d
#define DM_MPTRCR		0x55
#define DM_LMCR			0x57
#define DM_MBNDRY		0x5e
#define DM_MRCMDX		0x70
#define DM_MRCMDX1		0x71
#define DM_MRCMD		0x72
#define DM_MWCMDX		0x76
#define DM_MWCMD		0x78
#define DM_MRRL			0x74
#define DM_MRRH			0x75
#define DM_MWRL			0x7a
#define DM_MWRH			0x7b
#define DM_TXPLL		0x7c
#define DM_TXPLH		0x7d
#define DM_ISR			0x7e
#define DM_IMR			0x7f
#define DM_NREGS		0x80

#define DM_NCR_WAKEEN		BIT(6)
#define DM_NCR_FDX		BIT(3)
#define DM_NCR_LBK		GENMASK(2, 1)
#define DM_NCR_RST		BIT(0)

#define DM_NSR_SPEED		BIT(7)
#define DM_NSR_LINKST		BIT(6)
#define DM_NSR_WAKEST		BIT(5)
#define DM_NSR_TX2END		BIT(3)
#define DM_NSR_TX1END		BIT(2)
#define DM_NSR_RXOV		BIT(1)
#define DM_NSR_RXRDY		BIT(0)

#define DM_TCR_PAD_DIS2		BIT(4)
#define DM_TCR_CRC_DIS2		BIT(3)
#define DM_TCR_PAD_DIS1		BIT(2)
#define DM_TCR_CRC_DIS1		BIT(1)
#define DM_TCR_TXREQ		BIT(0)

#define DM_TSR_NC		BIT(5)

#define DM_RCR_DIS_LONG		BIT(5)
#define DM_RCR_DIS_CRC		BIT(4)
#define DM_RCR_ALL		BIT(3)
#define DM_RCR_RUNT		BIT(2)
#define DM_RCR_PRMSC		BIT(1)
#define DM_RCR_RXEN		BIT(0)

#define DM_RSR_RF		BIT(7)
#define DM_RSR_MF		BIT(6)
#define DM_RSR_CE		BIT(1)

#define DM_ROCR_OVF		BIT(7)
#define DM_ROCR_COUNT		GENMASK(6, 0)

#define DM_EPCR_REEP		BIT(5)
#define DM_EPCR_WEP		BIT(4)
#define DM_EPCR_EPOS		BIT(3)
#define DM_EPCR_ERPRR		BIT(2)
#define DM_EPCR_ERPRW		BIT(1)
#define DM_EPCR_ERRE		BIT(0)

#define DM_EPAR_PHY		GENMASK(7, 6)
#define DM_EPAR_REG		GENMASK(5, 0)

#define DM_FCTR_HWOT		GENMASK(7, 4)
#define DM_FCTR_LWOT		GENMASK(3, 0)

#define DM_FCR_TXPEN		BIT(5)
#define DM_FCR_BKPA		BIT(4)
#define DM_FCR_BKPM		BIT(3)
#define DM_FCR_FLCE		BIT(0)

#define DM_INTCR_POL_LOW	BIT(0)

#define DM_GPR_PHY_OFF		BIT(0)
#define DM_ATCR_AUTO_TX		BIT(7)

#define DM_MPTRCR_RST_TX	BIT(1)
#define DM_MPTRCR_RST_RX	BIT(0)

#define DM_ISR_MBS		BIT(7)
#define DM_ISR_LNKCHG		BIT(5)
#define DM_ISR_ROOS		BIT(3)
#define DM_ISR_ROS		BIT(2)
#define DM_ISR_PTS		BIT(1)
#define DM_ISR_PRS		BIT(0)
/* the status bits, each acknowledged by writing 1 */
#define DM_ISR_STATUS		(DM_ISR_LNKCHG | DM_ISR_ROOS | DM_ISR_ROS | \
				 DM_ISR_PTS | DM_ISR_PRS)

#define DM_IMR_PAR		BIT(7)
#define DM_IMR_LNKCHGI		BIT(5)
#define DM_IMR_UDRUNI		BIT(4)
#define DM_IMR_ROOI		BIT(3)
#define DM_IMR_ROI		BIT(2)
#define DM_IMR_PTI		BIT(1)
#define DM_IMR_PRI		BIT(0)

/* Identification */
#define DM_VID			0x0a46
#define DM_PID			0x9051
#define DM_CHIP_REV		0x1b

/*
 * The DM9000 (the memory-mapped sibling): its own ID, the DM9000B's
 * revision, and the registers and bits it has that the DM9051 model
 * otherwise only stores. Its indexes 0x00-0x3f are the DM9051's; its
 * memory ports, ISR and IMR sit at 0xf0-0xff, where the DM9051 has them
 * at 0x70-0x7f.
 */
#define DM9000_PID		0x9000
#define DM9000_CHIPR_B		0x1a
#define DM9000_REG_END		0x40
#define DM9000_MEM_INDEX	0xf0
#define DM9000_MEM_OFFSET	0x80
#define DM9000_TCCR		0x31
#define DM9000_RCSR		0x32
#define DM9000_TCCR_UDP		BIT(2)
#define DM9000_TCCR_TCP		BIT(1)
#define DM9000_TCCR_IP		BIT(0)
#define DM9000_RCSR_UDP_BAD	BIT(7)
#define DM9000_RCSR_TCP_BAD	BIT(6)
#define DM9000_RCSR_IP_BAD	BIT(5)
#define DM9000_RCSR_UDP		BIT(4)
#define DM9000_RCSR_TCP		BIT(3)
#define DM9000_RCSR_IP		BIT(2)
#define DM9000_RCSR_CSUM	BIT(1)
/* ISR bits 7:6: the I/O mode the chip's strap pins chose */
#define DM9000_ISR_IOMODE	GENMASK(7, 6)
#define DM9000_IOMODE_16	0
#define DM9000_IOMODE_32	1
#define DM9000_IOMODE_8		2

/* SRAM: 3 KB TX area, 13 KB RX ring */
#define DM_SRAM_SIZE		0x4000
#define DM_TX_END		0x0c00
#define DM_RX_START		0x0c00
#define DM_RX_SIZE		(DM_SRAM_SIZE - DM_RX_START)
#define DM_RX_HDR_LEN		4
#define DM_RX_READY		0x01
#define DM_FCS_LEN		4
/* frames without FCS: shortest legal, longest DIS_LONG passes */
#define DM_FRAME_MIN		60
#define DM_FRAME_MAX		1518

/* Internal PHY, MDIO address 1 */
#define DM_PHY_ADDR		1
#define DM_PHY_ID1		0x0181
#define DM_PHY_ID2		0xb8a0
#define DM_PHY_DSCR		0x10
#define DM_PHY_DSCSR		0x11
#define DM_PHY_10BTCSR		0x12
#define DM_PHY_NREGS		32

#define DM_EEPROM_WORDS		64

/* Values the RX header fault knobs store */
#define DM_BAD_READY		0x02
#define DM_BAD_LEN_SHORT	10
#define DM_BAD_LEN_LONG		2500
#define DM_BAD_LEN_RING		0x4000

struct emu_chip;

u8 emu_dm9051_hash_bin(const u8 *addr);
u8 emu_dm9051_intcr(struct emu_chip *chip);

#endif /* _SPINET_EMU_DM9051_H */
