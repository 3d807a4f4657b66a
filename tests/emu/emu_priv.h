/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinet's chip emulator: the host side (virtual SPI controller, interrupt
 * line, cable), private to the emulator module.
 */
#ifndef _SPINET_EMU_PRIV_H
#define _SPINET_EMU_PRIV_H

#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/timekeeping.h>
#include <linux/skbuff.h>

#include "emu.h"

#define EMU_MAX_DEVS	8
#define EMU_NAME_LEN	16

struct emu_dev;

/**
 * struct emu_timing - what the SPI bus costs, per chip
 * @instant: no delays at all (CPU measurements)
 * @hz: SPI clock
 * @clocks_per_byte: bus clocks per byte (the Raspberry Pi's controller
 *	spends 9: 8 bits and an idle clock)
 * @msg_ns: fixed cost of one SPI message (controller and driver overhead)
 * @xfer_ns: fixed cost of each transfer within a message
 * @cs_ns: cost of a chip-select toggle inside a message when the transfer
 *	asks for none (cs_change_delay unset): the SPI core's default is 10 us
 */
struct emu_timing {
	bool instant;
	u32 hz;
	u32 clocks_per_byte;
	u32 msg_ns;
	u32 xfer_ns;
	u32 cs_ns;
};

/**
 * struct emu_spi_limits - constraints of the emulated SPI controller
 * @max_xfer: longest transfer in bytes (0: unlimited)
 * @align: buffers must be aligned to this many bytes (1: any)
 * @len_gran: transfer lengths must be a multiple of this (1: any)
 * @dma_safe: reject buffers on the stack or in vmalloc memory
 * @max_hz: highest clock the controller runs
 * @complete_hardirq: finish messages from a hard-IRQ timer, as a
 *	controller's DMA-complete interrupt does, so message completion
 *	callbacks run in hard-IRQ context
 */
struct emu_spi_limits {
	u32 max_xfer;
	u32 align;
	u32 len_gran;
	bool dma_safe;
	u32 max_hz;
	bool complete_hardirq;
};

/**
 * struct emu_irq_line - the chip's interrupt output wired to a Linux IRQ
 * @dev: owner
 * @virq: the Linux interrupt number drivers request
 * @lock: protects every field below but @virq, @timer and @dev; a raw
 *	lock, taken from irq_chip callbacks
 * @asserted: the model drives its output active
 * @polarity_known: the model reported its pin's polarity
 * @active_low: the pin is low when the output is active
 * @masked: the irq_chip masked the line
 * @pending: an edge arrived and is not delivered yet
 * @type: IRQ_TYPE_* the driver asked for
 * @t_assert: when the line last went active, for the latency figure
 * @drop_next: deliveries still to drop (fault knob)
 * @dup_next: deliveries still to duplicate (fault knob)
 * @spurious_next: deliveries still to make with nothing asserted (fault
 *	knob), one whenever the line is unmasked
 * @timer: delivers in hard-IRQ context, outside every emulator lock
 * @delivered: interrupts delivered to the handler
 * @dropped: deliveries dropped by the fault knob
 * @latency_max_ns: longest time from assertion to delivery
 * @latency_sum_ns: sum of those times, for the mean
 * @latency_n: how many times were summed
 */
struct emu_irq_line {
	struct emu_dev *dev;
	unsigned int virq;
	raw_spinlock_t lock; /* see above */
	bool asserted;
	bool polarity_known;
	bool active_low;
	bool masked;
	bool pending;
	unsigned int type;
	ktime_t t_assert;
	u32 drop_next;
	u32 dup_next;
	u32 spurious_next;
	struct hrtimer timer;
	u64 delivered;
	u64 dropped;
	u64 latency_max_ns;
	u64 latency_sum_ns;
	u64 latency_n;
};

/**
 * struct emu_wire - one direction of the cable, frames in flight
 * @lock: protects @queue, @busy_until and @pause_until
 * @queue: frames in flight towards the far end, in order
 * @busy_until: when the wire is free for the next frame
 * @pause_until: the sender honours a PAUSE until then
 * @timer: delivers the head of @queue when its time comes
 * @mbps: link speed, 10 or 100
 */
struct emu_wire {
	spinlock_t lock; /* see above */
	struct sk_buff_head queue;
	ktime_t busy_until;
	ktime_t pause_until;
	struct hrtimer timer;
	u32 mbps;
};

/**
 * struct emu_spi_stat - what the timing model did, to check it against
 *	its own arithmetic
 * @messages: messages charged
 * @charged_ns: bus time charged
 *
 * Written by the SPI core's serialised transfer path only.
 */
struct emu_spi_stat {
	u64 messages;
	u64 charged_ns;
};

/**
 * struct emu_dev - one emulated chip and everything around it
 * @chip: the chip model's view
 * @name: "emu0", "emu1"... also the debugfs directory
 * @index: slot in the device table, also the hwirq
 * @ctlr: the SPI controller this chip sits on (one controller per chip);
 *	NULL for a memory-mapped chip
 * @spi: the SPI device drivers bind to; NULL for a memory-mapped chip
 * @pdev: a memory-mapped chip's platform device, which drivers bind to
 * @np: the device tree node that describes this chip, or NULL (made by
 *	"add"); the chip holds a reference
 * @spi_hz: the clock of the last transfer, as the driver asked for it
 * @irq: the interrupt line
 * @timing: the bus cost model; written only while idle, from debugfs
 * @limits: controller constraints; written only from debugfs
 * @bus_free: when the virtual bus becomes free (timing model)
 * @late_ns: how late the emulator returned the last message (overslept)
 * @stat: the timing model's own accounts
 * @cpu_ns: CPU time the emulator spent on this chip's model and cable
 *	(emu_cpu_since()), bus-time waits excluded
 * @spin_ns: CPU time spent spinning until the bus clock said a message was
 *	done (the last stretch of every wait; the rest sleeps)
 * @cpu_account: whether @cpu_ns is kept (debugfs, off by default: each span
 *	costs two clock reads, a system call each under UML, and with them the
 *	smallest messages overran their modelled time in the timing suite)
 * @spi_fail_next: transfers still to fail (fault knob): the chip sees none
 *	of their bytes
 * @spi_short_next: transfers still to cut short (fault knob): the chip sees
 *	the first half of their bytes, then the message fails
 * @spi_fail_skip: transfers to let through before @spi_fail_next or
 *	@spi_short_next strike (fault knob: where in a message they land)
 * @spi_fail_errno: what those failures return, negated (EIO by default)
 * @done_timer: finishes the current message in hard-IRQ context
 *	(&emu_spi_limits.complete_hardirq)
 * @tx_timer: tells the model its transmission is complete
 * @model_timer: the model's own timer (&emu_host_ops.timer_start)
 * @wire: frames leaving this chip towards @peer or @peer_ndev
 * @peer: the chip at the other end of the cable, or NULL
 * @peer_ndev: the plain peer netdev at the other end, or NULL
 * @dbg: debugfs directory
 */
struct emu_dev {
	struct emu_chip chip;
	char name[EMU_NAME_LEN];
	unsigned int index;
	struct spi_controller *ctlr;
	struct spi_device *spi;
	struct platform_device *pdev;
	struct device_node *np;
	u32 spi_hz;
	struct emu_irq_line irq;
	struct emu_timing timing;
	struct emu_spi_limits limits;
	ktime_t bus_free;
	u64 late_ns;
	struct emu_spi_stat stat;
	atomic64_t cpu_ns;
	atomic64_t spin_ns;
	bool cpu_account;
	atomic_t spi_fail_next;
	atomic_t spi_short_next;
	atomic_t spi_fail_skip;
	u32 spi_fail_errno;
	struct hrtimer done_timer;
	struct hrtimer tx_timer;
	struct hrtimer model_timer;
	struct emu_wire wire;
	struct emu_dev *peer;
	struct net_device *peer_ndev;
	struct dentry *dbg;
};

static inline struct emu_dev *emu_chip_to_dev(struct emu_chip *chip)
{
	return container_of(chip, struct emu_dev, chip);
}

/*
 * emu_cpu_start() - the start of a span of the emulator's own work: a
 * ktime_get_ns() reading (not local_clock(), which counts in jiffies under
 * UML), or 0 when @dev does not keep its CPU time (&emu_dev.cpu_account).
 */
static inline u64 emu_cpu_start(const struct emu_dev *dev)
{
	return READ_ONCE(dev->cpu_account) ? ktime_get_ns() : 0;
}

/*
 * emu_cpu_since() - account the emulator's own CPU time: what the chip
 * model and the cable cost since @t0, an emu_cpu_start() reading (0: not
 * kept), so that CPU figures can subtract it. Call it only for spans run
 * with interrupts off, which therefore contain nothing but the emulator's
 * own work and never nest.
 */
static inline void emu_cpu_since(struct emu_dev *dev, u64 t0)
{
	if (t0)
		atomic64_add(ktime_get_ns() - t0, &dev->cpu_ns);
}

/* emu_main.c */
struct emu_dev *emu_test_create(const char *model);
void emu_test_destroy(struct emu_dev *dev);
int emu_test_connect(struct emu_dev *a, struct emu_dev *b);
void emu_test_power_cycle(struct emu_dev *dev);

/* emu_null.c */
extern const struct emu_model_ops emu_null_model;

/* emu_irq.c */
int emu_irq_init(struct device *parent);
void emu_irq_exit(void);
int emu_irq_line_init(struct emu_dev *dev, unsigned int type);
bool emu_irq_np_is(const struct device_node *np);
void emu_irq_line_exit(struct emu_dev *dev);
void emu_irq_set(struct emu_dev *dev, bool asserted);
void emu_irq_set_polarity(struct emu_dev *dev, bool low);
void emu_irq_forget_polarity(struct emu_dev *dev);
void emu_irq_spurious(struct emu_dev *dev, u32 n);

/* emu_mmio.c: only where the kernel emulates memory-mapped I/O (UML) */
#ifdef CONFIG_INDIRECT_IOMEM
int emu_mmio_add(struct emu_dev *dev, struct device *parent);
void emu_mmio_remove(struct emu_dev *dev);
#else
static inline int emu_mmio_add(struct emu_dev *dev, struct device *parent)
{
	return -EOPNOTSUPP;
}

static inline void emu_mmio_remove(struct emu_dev *dev)
{
}
#endif

/* emu_spi.c */
void emu_count_path(struct emu_chip *chip, u64 cs, u64 bytes, u64 bus_ns);
int emu_spi_add(struct emu_dev *dev, struct device *parent);
void emu_spi_remove(struct emu_dev *dev);
void emu_timing_profile(struct emu_timing *t, const char *profile);

/* emu_wire.c */
void emu_wire_init(struct emu_dev *dev);
void emu_wire_exit(struct emu_dev *dev);
u64 emu_wire_tx(struct emu_dev *dev, const u8 *frame, unsigned int len,
		bool host);
void emu_wire_pause_chip(struct emu_dev *dev, u16 quanta);
void emu_wire_set_link(struct emu_dev *dev, bool up);
int emu_peer_add(struct emu_dev *dev);
void emu_peer_remove(struct emu_dev *dev);

#endif /* _SPINET_EMU_PRIV_H */
