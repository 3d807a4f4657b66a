/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinet's chip emulator: the interface between a chip model and the host
 * that carries it (a virtual SPI controller, an interrupt line, a cable).
 *
 * The emulator is test infrastructure and includes no spinet header: it
 * models the chips from their documented behaviour, so that spinet and the
 * mainline drivers can both be judged against it.
 *
 * A model is a state machine with no knowledge of Linux's SPI core: the host
 * feeds it chip-select edges and bytes, and frames from the wire; the model
 * answers with bytes, drives its interrupt line and puts frames on the wire
 * through the host ops. KUnit drives a model through the same calls with a
 * fake host.
 */
#ifndef _SPINET_EMU_H
#define _SPINET_EMU_H

#include <linux/bits.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct emu_chip;

/*
 * Which of the chip's data paths an SPI command used, for the per-path
 * counters (&emu_chip.path): receive (RX memory and its state) or transmit.
 * Commands that touch neither (interrupt status and mask, PHY, setup) set
 * nothing.
 */
#define EMU_PATH_RX	BIT(0)
#define EMU_PATH_TX	BIT(1)

/*
 * The ports of a memory-mapped chip (&emu_model_ops.io_read, io_write): the
 * chip's CMD pin, which a board wires to an address line, picks the index
 * (CMD low) or the data port (CMD high).
 */
#define EMU_PORT_INDEX	0
#define EMU_PORT_DATA	1

/**
 * struct emu_counters - what a chip saw, for tests to compare with drivers
 *
 * A memory-mapped chip counts each bus access (a read or a write of either
 * port) as one message of one transfer and one chip-select assertion, its
 * bytes as the access's size, its errors as accesses wider than the chip's
 * data bus; its bus time is 0 (the CPU's own accesses are the cost).
 *
 * @spi_messages: SPI messages addressed to the chip
 * @spi_transfers: transfers within those messages
 * @spi_cs_asserts: chip-select assertions (a message may have several)
 * @spi_bytes_tx: bytes the host sent to the chip
 * @spi_bytes_rx: bytes the chip sent to the host
 * @spi_errors: transfers failed by a fault knob or a broken constraint
 * @spi_rx_messages: messages that used the chip's receive path and not the
 *	transmit path (the model sets %EMU_PATH_RX in &emu_chip.path: RX
 *	memory, its pointers, RX status)
 * @spi_rx_cs_asserts: chip-select assertions of those messages
 * @spi_rx_bytes: bytes clocked in those messages
 * @spi_rx_bus_ns: bus time charged for those messages (0 in "instant")
 * @spi_tx_messages: messages that used the transmit path and not the
 *	receive path (%EMU_PATH_TX: TX memory, its pointers, the packet
 *	length, TCR, TX status). A message that used both, or neither
 *	(interrupt status, PHY, setup), counts in neither
 * @spi_tx_cs_asserts: chip-select assertions of those messages
 * @spi_tx_bytes: bytes clocked in those messages
 * @spi_tx_bus_ns: bus time charged for those messages
 * @spi_bus_ns: bus time charged for every message
 * @irq_raised: times the interrupt line went from idle to asserted
 * @tx_frames: frames the chip put on the wire for the host (MAC control
 *	frames it generated itself are not counted here)
 * @tx_pause: PAUSE frames the chip generated (flow control)
 * @rx_pause: PAUSE frames that arrived and were consumed by the MAC
 * @tx_bytes: bytes of those frames, FCS excluded
 * @tx_rejected: transmit requests the chip ignored because its transmit
 *	queue was full
 * @rx_frames: frames that arrived from the wire (before filtering)
 * @rx_stored: frames stored in the chip's RX memory for the host
 * @rx_drop_full: frames dropped because RX memory was full (overflow)
 * @rx_drop_filtered: frames the address filter rejected
 * @rx_drop_crc: frames dropped for a bad FCS
 * @rx_drop_runt: frames dropped as shorter than 64 bytes
 * @rx_drop_long: frames dropped as longer than the chip accepts
 * @rx_drop_disabled: frames dropped because the receiver was off
 * @resets: software resets of the chip
 */
struct emu_counters {
	u64 spi_messages;
	u64 spi_transfers;
	u64 spi_cs_asserts;
	u64 spi_bytes_tx;
	u64 spi_bytes_rx;
	u64 spi_errors;
	u64 spi_rx_messages;
	u64 spi_rx_cs_asserts;
	u64 spi_rx_bytes;
	u64 spi_rx_bus_ns;
	u64 spi_tx_messages;
	u64 spi_tx_cs_asserts;
	u64 spi_tx_bytes;
	u64 spi_tx_bus_ns;
	u64 spi_bus_ns;
	u64 irq_raised;
	u64 tx_frames;
	u64 tx_pause;
	u64 rx_pause;
	u64 tx_bytes;
	u64 tx_rejected;
	u64 rx_frames;
	u64 rx_stored;
	u64 rx_drop_full;
	u64 rx_drop_filtered;
	u64 rx_drop_crc;
	u64 rx_drop_runt;
	u64 rx_drop_long;
	u64 rx_drop_disabled;
	u64 resets;
};

/**
 * enum emu_rx_hdr_fault - how to corrupt the next RX header a chip stores
 * @EMU_RX_HDR_OK: no corruption
 * @EMU_RX_HDR_READY: a ready byte that is neither 0 nor 1
 * @EMU_RX_HDR_STATUS: an error bit in the status byte
 * @EMU_RX_HDR_LEN_ZERO: length 0
 * @EMU_RX_HDR_LEN_SHORT: a length below a minimum Ethernet header
 * @EMU_RX_HDR_LEN_LONG: a length above any legal frame
 * @EMU_RX_HDR_LEN_RING: a length larger than the whole RX ring
 */
enum emu_rx_hdr_fault {
	EMU_RX_HDR_OK,
	EMU_RX_HDR_READY,
	EMU_RX_HDR_STATUS,
	EMU_RX_HDR_LEN_ZERO,
	EMU_RX_HDR_LEN_SHORT,
	EMU_RX_HDR_LEN_LONG,
	EMU_RX_HDR_LEN_RING,
};

/**
 * struct emu_faults - fault knobs a model honours
 * @rx_hdr: corrupt the header of the next stored frame this way, then
 *	return to %EMU_RX_HDR_OK
 * @tx_stuck: accept transmit requests but never complete them
 * @rx_full: behave as if RX memory were full: drop and count every frame
 * @dead: the chip stops answering: every byte it sends reads @dead_byte
 * @dead_byte: 0xff (pulled-up MISO) or 0x00
 * @phy_absent: the chip's PHY does not answer: every MDIO read returns 0xffff
 *	and writes are lost (a PHY held in reset, or a board without one)
 * @rwpa_lead: the next read of the RX write pointer (DM9051: RWPAL, then
 *	RWPAH) returns it this many bytes further on, then 0 again
 */
struct emu_faults {
	enum emu_rx_hdr_fault rx_hdr;
	bool tx_stuck;
	bool rx_full;
	bool dead;
	u8 dead_byte;
	bool phy_absent;
	u32 rwpa_lead;
};

/**
 * struct emu_host_ops - services the host gives a model
 * @set_irq: the chip's interrupt output changed: @asserted is the logical
 *	state (the host applies polarity and trigger type)
 * @wire_tx: put a frame on the wire; @frame excludes the FCS, which the
 *	host does not need. Return: the time in ns until the chip may report
 *	the transmission complete; 0 means complete now, and the model
 *	completes it itself before returning. Otherwise the host calls
 *	&emu_model_ops.tx_done later, never from within @wire_tx.
 *
 * @set_irq_polarity: the chip's interrupt pin is now active low (@low) or
 *	active high; called at power-on, at reset and whenever the chip's
 *	polarity setting changes. A model without it is taken to be wired
 *	with the polarity the trigger type expects.
 * @wire_tx_ctrl: put a MAC control frame the chip generated itself (an
 *	802.3x PAUSE) on the wire. @frame excludes the FCS. It is not a host
 *	transmission: no completion follows and it is not counted as one.
 * @timer_start: call &emu_model_ops.timer once @ns from now; a later
 *	call replaces an earlier one. Without it (a fake host) a model does
 *	at once what would take time, such as auto-negotiation.
 * @pause_tx: a PAUSE frame arrived and the chip honours it: hold this
 *	chip's own transmissions for @quanta times 512 bit times from now;
 *	0 resumes at once. A frame already on the wire is held too (the
 *	emulator's simplification).
 *
 * All are called with &emu_chip.lock held and must not sleep. All but the
 * first two may be NULL in a fake host.
 */
struct emu_host_ops {
	void (*set_irq)(struct emu_chip *chip, bool asserted);
	u64 (*wire_tx)(struct emu_chip *chip, const u8 *frame,
		       unsigned int len);
	void (*set_irq_polarity)(struct emu_chip *chip, bool low);
	void (*wire_tx_ctrl)(struct emu_chip *chip, const u8 *frame,
			     unsigned int len);
	void (*pause_tx)(struct emu_chip *chip, u16 quanta);
	void (*timer_start)(struct emu_chip *chip, u64 ns);
};

/**
 * struct emu_model_ops - a chip model
 * @name: the chip's name, as used for the SPI modalias ("dm9051")
 * @priv_size: bytes of private state the host allocates for the model
 * @power_on: put the chip in its power-on state; called once, before use
 * @cs_assert: chip select went active: a new command begins
 * @xfer: @len bytes clocked while selected; @tx is what the host sends
 *	(NULL: the host sends zeroes), @rx receives what the chip sends back
 *	(NULL: discarded). Called as often as the host likes within one
 *	selection: a command may be split over several calls. A model may set
 *	&emu_chip.path bits for the data path each command uses.
 * @cs_deassert: chip select went inactive: the command ends
 * @wire_rx: a frame arrived from the wire; @frame excludes the FCS;
 *	@fcs_ok false means it arrived with a bad FCS
 * @tx_done: the transmission the model started last is complete
 * @link_change: the cable was plugged (@up) or pulled
 * @timer: (optional) the time the model asked for with
 *	&emu_host_ops.timer_start has come
 * @peek: (optional) register @addr's value, without the side effects a
 *	read from the host would have; for tests and debugfs
 * @io_read: a memory-mapped chip (one the host puts on no SPI bus, and
 *	whose @cs_assert, @xfer and @cs_deassert are NULL): one bus read of
 *	@size bytes (1, 2 or 4) from @port (%EMU_PORT_INDEX or
 *	%EMU_PORT_DATA); returns what the data lines carry. A model may set
 *	&emu_chip.path bits for the data path the access used.
 * @io_write: one bus write of @size bytes of @val to @port
 * @irq_type: the trigger type "add" gives the chip's line (the one its
 *	pin's reset polarity fits); 0: level low
 *
 * Every op is called with &emu_chip.lock held, in any context, and must
 * not sleep.
 */
struct emu_model_ops {
	const char *name;
	size_t priv_size;
	void (*power_on)(struct emu_chip *chip);
	void (*cs_assert)(struct emu_chip *chip);
	void (*xfer)(struct emu_chip *chip, const u8 *tx, u8 *rx,
		     unsigned int len);
	void (*cs_deassert)(struct emu_chip *chip);
	void (*wire_rx)(struct emu_chip *chip, const u8 *frame,
			unsigned int len, bool fcs_ok);
	void (*tx_done)(struct emu_chip *chip);
	void (*link_change)(struct emu_chip *chip, bool up);
	void (*timer)(struct emu_chip *chip);
	u8 (*peek)(struct emu_chip *chip, unsigned int addr);
	unsigned long (*io_read)(struct emu_chip *chip, unsigned int port,
				 unsigned int size);
	void (*io_write)(struct emu_chip *chip, unsigned int port,
			 unsigned int size, unsigned long val);
	unsigned int irq_type;
};

/**
 * struct emu_chip - one emulated chip
 * @lock: protects everything below and the model's private state; taken
 *	with interrupts off, as ops run from timers in hard-IRQ context
 * @model: the chip model
 * @host: the host's services
 * @priv: the model's state (@model->priv_size bytes)
 * @host_priv: the host's own pointer
 * @strict: every behaviour the chip documentation marks unknown takes its
 *	most hostile plausible form (Documentation/emulator.md lists them)
 * @link_up: the cable is plugged and the far end is up
 * @an_delay_ms: how long auto-negotiation takes (silicon: 1.5 to 3 s);
 *	0: at once
 * @mac: the MAC address the chip's EEPROM holds at power-on; all zeroes:
 *	the model picks a locally administered one (ff:ff:ff:ff:ff:ff models
 *	a blank EEPROM)
 * @bus_width: a memory-mapped chip's data bus width in bytes (1, 2 or 4),
 *	as the board straps it; 0: the model's default. Read at power-on.
 * @faults: fault knobs
 * @path: the data paths (%EMU_PATH_RX, %EMU_PATH_TX) the commands of the
 *	current SPI message used: the host clears it before a message, the
 *	model sets bits as it decodes commands, the host counts the message
 *	after it
 * @cnt: counters
 */
struct emu_chip {
	spinlock_t lock; /* see above */
	const struct emu_model_ops *model;
	const struct emu_host_ops *host;
	void *priv;
	void *host_priv;
	bool strict;
	bool link_up;
	u32 an_delay_ms;
	u8 mac[6];
	u8 bus_width;
	struct emu_faults faults;
	u8 path;
	struct emu_counters cnt;
};

u8 emu_chip_peek(struct emu_chip *chip, unsigned int addr);
void emu_spi_bytes(struct emu_chip *chip, bool selected, const u8 *tx, u8 *rx,
		   unsigned int len, u8 (*byte)(struct emu_chip *chip, u8 in));

extern const struct emu_model_ops emu_dm9051_model;
extern const struct emu_model_ops emu_w5500_model;
extern const struct emu_model_ops emu_dm9000_model;

#endif /* _SPINET_EMU_H */
