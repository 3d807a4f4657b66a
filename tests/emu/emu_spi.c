// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: a virtual SPI controller, one per chip, so that
 * drivers run their real SPI code through the kernel's SPI core.
 *
 * Timing model. On a Raspberry Pi the bus, not the CPU, limits an SPI
 * Ethernet chip, so the emulator charges bus time: per message a fixed
 * cost, per transfer a fixed cost, per byte clocks_per_byte / hz, and per
 * chip-select toggle inside a message the transfer's cs_change_delay or,
 * when it sets none, the SPI core's default of 10 us. The time is kept on a
 * virtual bus clock (@bus_free: when the bus is next free), so back-to-back
 * messages queue behind each other, short gaps between them and the
 * emulator's own late wake-ups are absorbed (EMU_ABSORB_NS, @late_ns) and an
 * idle bus resynchronises with real time. A message
 * returns when the bus clock says it has finished: the
 * emulator sleeps for the bulk of long waits (sleeping under UML costs about
 * 45 us more than asked, so it wakes early) and spins for the last stretch,
 * which keeps each message's duration right without holding the only CPU
 * for long ones. "instant" charges nothing.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/delay.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/sched/task_stack.h>
#include <linux/spi/spi.h>

#include "emu_priv.h"

/* Waits longer than this sleep first; shorter ones spin. */
#define EMU_SLEEP_MIN_NS	(150 * NSEC_PER_USEC)
/* How early to wake from a sleep: UML oversleeps by about 45 us. */
#define EMU_SLEEP_EARLY_NS	(60 * NSEC_PER_USEC)

/**
 * emu_timing_profile() - load a named timing profile
 * @t: the timing to fill
 * @profile: "pi4" (30 MHz, 9 clocks a byte, 10 us a message: a model of a
 *	Raspberry Pi 4), "fast" (45 MHz, 8 clocks, 5 us) or "instant"
 *
 * Context: any.
 */
void emu_timing_profile(struct emu_timing *t, const char *profile)
{
	memset(t, 0, sizeof(*t));
	t->cs_ns = 10 * NSEC_PER_USEC;
	if (!strcmp(profile, "fast")) {
		t->hz = 45000000;
		t->clocks_per_byte = 8;
		t->msg_ns = 5 * NSEC_PER_USEC;
	} else if (!strcmp(profile, "instant")) {
		t->instant = true;
		t->hz = 45000000;
		t->clocks_per_byte = 8;
	} else {
		t->hz = 30000000;
		t->clocks_per_byte = 9;
		t->msg_ns = 10 * NSEC_PER_USEC;
	}
}
EXPORT_SYMBOL_GPL(emu_timing_profile);

static u64 emu_bytes_ns(const struct emu_timing *t, unsigned int len)
{
	if (!t->hz)
		return 0;
	return div_u64((u64)len * t->clocks_per_byte * NSEC_PER_SEC, t->hz);
}

/*
 * Hold the caller until the virtual bus clock reaches @until. The CPU time
 * spent spinning is the modelled bus's, not the caller's: it is counted in
 * @dev->spin_ns, so that CPU figures can tell the two apart.
 */
static void emu_spi_wait(struct emu_dev *dev, ktime_t until)
{
	s64 left = ktime_to_ns(ktime_sub(until, ktime_get()));
	ktime_t spin_start, now;

	if (left > EMU_SLEEP_MIN_NS) {
		ktime_t wake = ktime_sub_ns(until, EMU_SLEEP_EARLY_NS);

		__set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_hrtimeout(&wake, HRTIMER_MODE_ABS);
	}
	spin_start = ktime_get();
	for (now = spin_start; ktime_before(now, until); now = ktime_get())
		cpu_relax();
	atomic64_add(ktime_to_ns(ktime_sub(now, spin_start)), &dev->spin_ns);
}

/*
 * Gaps shorter than this between one message's end and the next one's start
 * do not restart the bus clock: the caller's own CPU time (which the
 * profile's per-message cost already models, and which UML with KASAN
 * inflates), a late wake-up and a timer tick are absorbed, so a sequence of
 * messages takes the sum of their bus times. A longer gap means the bus went
 * idle, and the clock restarts from real time.
 */
#define EMU_ABSORB_NS		(100 * NSEC_PER_USEC)

/*
 * The message started at @entry and holds the bus for @cost_ns.
 * Return: the bus time charged (0 in "instant").
 */
static u64 emu_spi_charge(struct emu_dev *dev, ktime_t entry, u64 cost_ns)
{
	u64 absorb;

	if (dev->timing.instant)
		return 0;
	absorb = dev->late_ns + EMU_ABSORB_NS;
	if (ktime_after(entry, ktime_add_ns(dev->bus_free, absorb)))
		dev->bus_free = entry;
	dev->bus_free = ktime_add_ns(dev->bus_free, cost_ns);
	emu_spi_wait(dev, dev->bus_free);
	/* Our own lateness (a sleep that overshot) is credited to the next. */
	dev->late_ns = ktime_to_ns(ktime_sub(ktime_get(), dev->bus_free));
	dev->stat.charged_ns += cost_ns;
	dev->stat.messages++;
	return cost_ns;
}

/* A buffer the controller could not use; a real one would fail the DMA. */
static bool emu_spi_bad_buf(const struct emu_dev *dev, const void *buf)
{
	const struct emu_spi_limits *l = &dev->limits;

	if (!buf)
		return false;
	if (l->dma_safe && (is_vmalloc_addr(buf) || object_is_on_stack(buf)))
		return true;
	return l->align > 1 && !IS_ALIGNED((unsigned long)buf, l->align);
}

/*
 * Whether a transfer goes through: the controller's constraints, then the
 * fault knobs (spi_fail_skip transfers pass first; spi_fail_next fails one
 * before the chip sees a byte, spi_short_next after it has seen the first
 * half, as a controller that gives up mid-transfer). @seen: how many bytes
 * the chip clocks. Return: 0, or the negative errno the message fails with.
 */
static int emu_spi_check(struct emu_dev *dev, struct spi_transfer *xfer,
			 unsigned int *seen)
{
	const struct emu_spi_limits *l = &dev->limits;
	int err = -(int)clamp_val(dev->spi_fail_errno, 1, MAX_ERRNO);

	*seen = 0;
	if (l->max_xfer && xfer->len > l->max_xfer)
		return -EMSGSIZE;
	if (l->len_gran > 1 && xfer->len % l->len_gran)
		return -EINVAL;
	if (emu_spi_bad_buf(dev, xfer->tx_buf) ||
	    emu_spi_bad_buf(dev, xfer->rx_buf))
		return -EFAULT;
	*seen = xfer->len;
	if ((!atomic_read(&dev->spi_fail_next) &&
	     !atomic_read(&dev->spi_short_next)) ||
	    atomic_dec_if_positive(&dev->spi_fail_skip) >= 0)
		return 0;
	if (atomic_dec_if_positive(&dev->spi_fail_next) >= 0) {
		*seen = 0;
		return err;
	}
	if (atomic_dec_if_positive(&dev->spi_short_next) >= 0) {
		*seen = xfer->len / 2;
		return err;
	}
	return 0;
}

/*
 * Count a message by the data path its commands used (&emu_chip.path): one
 * that used both paths, or neither, is shared.
 */
void emu_count_path(struct emu_chip *chip, u64 cs, u64 bytes, u64 bus_ns)
{
	struct emu_counters *c = &chip->cnt;

	c->spi_bus_ns += bus_ns;
	if (chip->path == EMU_PATH_RX) {
		c->spi_rx_messages++;
		c->spi_rx_cs_asserts += cs;
		c->spi_rx_bytes += bytes;
		c->spi_rx_bus_ns += bus_ns;
	} else if (chip->path == EMU_PATH_TX) {
		c->spi_tx_messages++;
		c->spi_tx_cs_asserts += cs;
		c->spi_tx_bytes += bytes;
		c->spi_tx_bus_ns += bus_ns;
	}
}

/*
 * The chip model runs under its lock with interrupts off: that time is the
 * emulator's own (emu_cpu_since()). The SPI core's and this controller's
 * handling of the message are not: a real controller driver costs CPU too.
 */
static int emu_spi_transfer_one_message(struct spi_controller *ctlr,
					struct spi_message *msg)
{
	struct emu_dev *dev = spi_controller_get_devdata(ctlr);
	const struct emu_timing *t = &dev->timing;
	unsigned int len, cs = 0, bytes = 0;
	struct emu_chip *chip = &dev->chip;
	ktime_t entry = ktime_get();
	const struct emu_model_ops *model;
	struct spi_transfer *xfer;
	bool selected = false;
	u64 cost = t->msg_ns, t0;
	unsigned long flags;
	int delay, ret = 0;

	model = chip->model;
	spin_lock_irqsave(&chip->lock, flags);
	chip->cnt.spi_messages++;
	chip->path = 0;
	spin_unlock_irqrestore(&chip->lock, flags);

	list_for_each_entry(xfer, &msg->transfers, transfer_list) {
		ret = emu_spi_check(dev, xfer, &len);
		spin_lock_irqsave(&chip->lock, flags);
		t0 = emu_cpu_start(dev);
		if (!ret || len) {
			if (!selected) {
				model->cs_assert(chip);
				chip->cnt.spi_cs_asserts++;
				cs++;
				selected = true;
			}
			model->xfer(chip, xfer->tx_buf, xfer->rx_buf, len);
			WRITE_ONCE(dev->spi_hz, xfer->speed_hz);
			chip->cnt.spi_transfers++;
			chip->cnt.spi_bytes_tx += len;
			if (xfer->rx_buf)
				chip->cnt.spi_bytes_rx += len;
			bytes += len;
		}
		if (ret) {
			chip->cnt.spi_errors++;
			emu_cpu_since(dev, t0);
			spin_unlock_irqrestore(&chip->lock, flags);
			break;
		}
		if (xfer->cs_change && !list_is_last(&xfer->transfer_list,
						     &msg->transfers)) {
			model->cs_deassert(chip);
			selected = false;
		}
		emu_cpu_since(dev, t0);
		spin_unlock_irqrestore(&chip->lock, flags);

		msg->actual_length += xfer->len;
		cost += t->xfer_ns + emu_bytes_ns(t, xfer->len);
		delay = spi_delay_to_ns(&xfer->delay, xfer);
		if (delay > 0)
			cost += delay;
		if (xfer->cs_change && !selected) {
			delay = spi_delay_to_ns(&xfer->cs_change_delay, xfer);
			cost += delay > 0 ? delay : t->cs_ns;
		}
	}
	if (selected) {
		spin_lock_irqsave(&chip->lock, flags);
		t0 = emu_cpu_start(dev);
		model->cs_deassert(chip);
		emu_cpu_since(dev, t0);
		spin_unlock_irqrestore(&chip->lock, flags);
	}

	cost = emu_spi_charge(dev, entry, cost);
	spin_lock_irqsave(&chip->lock, flags);
	emu_count_path(chip, cs, bytes, cost);
	spin_unlock_irqrestore(&chip->lock, flags);
	msg->status = ret;
	if (dev->limits.complete_hardirq)
		hrtimer_start(&dev->done_timer, 0, HRTIMER_MODE_REL_HARD);
	else
		spi_finalize_current_message(ctlr);
	return 0;
}

static enum hrtimer_restart emu_spi_done(struct hrtimer *timer)
{
	struct emu_dev *dev = container_of(timer, struct emu_dev, done_timer);

	spi_finalize_current_message(dev->ctlr);
	return HRTIMER_NORESTART;
}

static size_t emu_spi_max_transfer_size(struct spi_device *spi)
{
	struct emu_dev *dev = spi_controller_get_devdata(spi->controller);

	return dev->limits.max_xfer ?: SIZE_MAX;
}

static int emu_spi_find(struct device *child, void *data)
{
	struct spi_device **spi = data;

	*spi = to_spi_device(child);
	return 1;
}

/**
 * emu_spi_add() - put a chip on a new SPI controller and create its device
 * @dev: the chip, with its model, interrupt line and name set
 * @parent: the emulator's platform device
 *
 * Made by "add", the SPI device gets the model's name as modalias, so
 * whichever driver matches it binds, as on a board. Described by a device
 * tree (@dev->np), the controller is that node's, and the SPI core creates
 * the device from the node's child, with the compatible, clock, interrupt
 * and address the tree gives it.
 *
 * Context: process.
 * Return: 0, or a negative errno.
 */
int emu_spi_add(struct emu_dev *dev, struct device *parent)
{
	struct spi_board_info info = {
		.max_speed_hz = dev->timing.hz,
		.chip_select = 0,
		.mode = SPI_MODE_0,
		.irq = dev->irq.virq,
	};
	struct spi_controller *ctlr;
	int ret;

	hrtimer_init(&dev->done_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	dev->done_timer.function = emu_spi_done;
	ctlr = spi_alloc_host(parent, 0);
	if (!ctlr)
		return -ENOMEM;
	spi_controller_set_devdata(ctlr, dev);
	ctlr->bus_num = -1;
	ctlr->num_chipselect = 1;
	ctlr->mode_bits = SPI_CPOL | SPI_CPHA;
	ctlr->max_speed_hz = dev->limits.max_hz;
	ctlr->transfer_one_message = emu_spi_transfer_one_message;
	ctlr->max_transfer_size = emu_spi_max_transfer_size;
	/* @dev->np outlives the controller: no reference of its own. */
	ctlr->dev.of_node = dev->np;
	dev->ctlr = ctlr;
	ret = spi_register_controller(ctlr);
	if (ret)
		goto out_put_ctlr;

	if (dev->np) {
		/* The registration keeps the device; no reference is kept. */
		dev->spi = NULL;
		device_for_each_child(&ctlr->dev, &dev->spi, emu_spi_find);
		if (!dev->spi) {
			dev_err(parent, "%pOF: no SPI device described under it\n",
				dev->np);
			ret = -ENODEV;
			goto out_unregister_ctlr;
		}
		return 0;
	}
	strscpy(info.modalias, dev->chip.model->name, sizeof(info.modalias));
	dev->spi = spi_new_device(ctlr, &info);
	if (!dev->spi) {
		ret = -ENODEV;
		goto out_unregister_ctlr;
	}
	return 0;

out_unregister_ctlr:
	spi_unregister_controller(ctlr);
	return ret;
out_put_ctlr:
	spi_controller_put(ctlr);
	return ret;
}

/**
 * emu_spi_remove() - remove a chip's SPI device and controller
 * @dev: the chip
 *
 * The driver bound to the device is unbound first, by the SPI core.
 *
 * Context: process.
 */
void emu_spi_remove(struct emu_dev *dev)
{
	spi_unregister_device(dev->spi);
	/* No message is in flight once the device has gone. */
	hrtimer_cancel(&dev->done_timer);
	spi_unregister_controller(dev->ctlr);
}

/**
 * emu_spi_bytes() - clock bytes through a model, one at a time
 * @chip: the chip
 * @selected: the chip's select is active
 * @tx: what the host sends (NULL: zeroes)
 * @rx: receives what the chip sends back (NULL: discarded)
 * @len: how many bytes
 * @byte: the model's answer to one byte from the host
 *
 * What every model does with SPI bytes: a chip whose select is not active
 * answers 0xff (MISO pulled up) and the transfer counts one SPI error; a
 * dead chip (&emu_faults.dead) answers &emu_faults.dead_byte; otherwise
 * @byte sees each byte.
 *
 * Context: with &emu_chip.lock held, as every model op.
 */
void emu_spi_bytes(struct emu_chip *chip, bool selected, const u8 *tx, u8 *rx,
		   unsigned int len, u8 (*byte)(struct emu_chip *chip, u8 in))
{
	unsigned int i;
	u8 out;

	if (!selected && !chip->faults.dead)
		chip->cnt.spi_errors++;
	for (i = 0; i < len; i++) {
		if (chip->faults.dead)
			out = chip->faults.dead_byte;
		else if (!selected)
			out = 0xff;
		else
			out = byte(chip, tx ? tx[i] : 0);
		if (rx)
			rx[i] = out;
	}
}

/**
 * emu_chip_peek() - a chip's register without a read's side effects
 * @chip: the chip; its model must have &emu_model_ops.peek
 * @addr: the register, in the model's peek numbering
 *
 * Context: any; takes &emu_chip.lock with interrupts off.
 * Return: the register's value.
 */
u8 emu_chip_peek(struct emu_chip *chip, unsigned int addr)
{
	unsigned long flags;
	u8 val;

	spin_lock_irqsave(&chip->lock, flags);
	val = chip->model->peek(chip, addr);
	spin_unlock_irqrestore(&chip->lock, flags);
	return val;
}
EXPORT_SYMBOL_GPL(emu_chip_peek);
