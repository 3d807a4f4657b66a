// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: each chip's interrupt output as a Linux interrupt
 * that behaves like a Raspberry Pi GPIO interrupt.
 *
 * The kernel's irq_sim accepts only edge types and delivers through
 * irq_work, which UML runs on the next timer tick (3 to 8 ms late). This
 * irq_chip accepts level-high, level-low and edge types; a level line that
 * is still asserted when the handler unmasks it fires again, as a GPIO
 * level interrupt does; an edge that arrives while masked is kept pending.
 *
 * Delivery never happens inside a transfer, an MMIO access or an irq_chip
 * callback: those only arm an hrtimer in HRTIMER_MODE_REL_HARD, whose
 * callback runs in hard-IRQ context (inside irq_enter()/irq_exit() on UML),
 * holds no emulator lock and calls generic_handle_irq(). So lockdep sees
 * real hard-IRQ usage, softirqs raised by the handler run on irq_exit(),
 * and unmask cannot recurse into desc->lock.
 *
 * Polarity: the model reports whether its output is active and, through
 * set_irq_polarity, whether its pin is active low or high; the line works
 * on the pin's electrical level, so a driver that programs the chip's pin
 * polarity against its trigger type sees what it would on a board (a level
 * line that fires while idle, or edges at the wrong moment). A model that
 * does not report polarity is taken to match the trigger type.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/of.h>

#include "emu_priv.h"

/* A dropped level interrupt is seen again this much later. */
#define EMU_IRQ_LEVEL_RETRY_NS	(1 * NSEC_PER_MSEC)

static struct irq_domain *emu_irq_domain;
static struct fwnode_handle *emu_irq_fwnode;
/* The device tree's "spinet,emu-intc" node, if the tree has one. */
static struct device_node *emu_irq_np;

static bool emu_irq_is_level(const struct emu_irq_line *line)
{
	return line->type & IRQ_TYPE_LEVEL_MASK;
}

/* The pin's electrical level: high or low. */
static bool emu_irq_pin_high(const struct emu_irq_line *line)
{
	bool low = line->polarity_known ? line->active_low :
		   line->type & (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_EDGE_FALLING);

	return line->asserted != low;
}

/* A level-triggered line sits at its active level. */
static bool emu_irq_level_active(const struct emu_irq_line *line)
{
	bool high = emu_irq_pin_high(line);

	return line->type == IRQ_TYPE_LEVEL_HIGH ? high : !high;
}

/*
 * The pin may have moved from @was_high: note an edge the trigger type
 * listens for, or a level becoming active. Return: deliver now.
 */
static bool emu_irq_pin_moved(struct emu_dev *dev, bool was_high)
{
	struct emu_irq_line *line = &dev->irq;
	bool high = emu_irq_pin_high(line);

	if (emu_irq_is_level(line)) {
		if (!emu_irq_level_active(line))
			return false;
		if (high != was_high)
			line->t_assert = ktime_get();
		return !line->masked && high != was_high;
	}
	if (high == was_high)
		return false;
	if ((high && (line->type & IRQ_TYPE_EDGE_RISING)) ||
	    (!high && (line->type & IRQ_TYPE_EDGE_FALLING))) {
		line->t_assert = ktime_get();
		line->pending = true;
		return true;
	}
	return false;
}

static void emu_irq_kick(struct emu_irq_line *line, u64 delay_ns)
{
	hrtimer_start(&line->timer, ns_to_ktime(delay_ns),
		      HRTIMER_MODE_REL_HARD);
}

static enum hrtimer_restart emu_irq_deliver(struct hrtimer *timer)
{
	struct emu_irq_line *line = container_of(timer, struct emu_irq_line,
						 timer);
	bool fire, dup = false, retry = false, spurious = false;

	raw_spin_lock(&line->lock);
	if (emu_irq_is_level(line))
		fire = emu_irq_level_active(line) && !line->masked;
	else
		fire = line->pending;
	if (fire && line->drop_next) {
		line->drop_next--;
		line->dropped++;
		line->pending = false;
		retry = emu_irq_is_level(line);
		fire = false;
	}
	if (!fire && line->spurious_next && !line->masked) {
		line->spurious_next--;
		spurious = true;
		retry = line->spurious_next;
	}
	if (fire) {
		u64 lat = ktime_to_ns(ktime_sub(ktime_get(), line->t_assert));

		line->pending = false;
		line->delivered++;
		line->latency_sum_ns += lat;
		line->latency_n++;
		if (lat > line->latency_max_ns)
			line->latency_max_ns = lat;
		if (line->dup_next) {
			line->dup_next--;
			dup = true;
		}
	}
	raw_spin_unlock(&line->lock);

	if (fire || spurious) {
		generic_handle_irq(line->virq);
		if (dup)
			generic_handle_irq(line->virq);
	}
	if (retry)
		emu_irq_kick(line, EMU_IRQ_LEVEL_RETRY_NS);
	return HRTIMER_NORESTART;
}

/**
 * emu_irq_set() - the model drives its interrupt output
 * @dev: the chip
 * @asserted: the output is active
 *
 * Context: any; the chip's lock is held.
 */
void emu_irq_set(struct emu_dev *dev, bool asserted)
{
	struct emu_irq_line *line = &dev->irq;
	unsigned long flags;
	bool kick = false;

	raw_spin_lock_irqsave(&line->lock, flags);
	if (line->asserted != asserted) {
		bool was_high = emu_irq_pin_high(line);

		line->asserted = asserted;
		if (asserted)
			dev->chip.cnt.irq_raised++;
		kick = emu_irq_pin_moved(dev, was_high);
	}
	raw_spin_unlock_irqrestore(&line->lock, flags);
	if (kick)
		emu_irq_kick(line, 0);
}
EXPORT_SYMBOL_GPL(emu_irq_set);

/**
 * emu_irq_set_polarity() - the model set its interrupt pin's polarity
 * @dev: the chip
 * @low: the pin is active low
 *
 * Context: any; the chip's lock is held.
 */
void emu_irq_set_polarity(struct emu_dev *dev, bool low)
{
	struct emu_irq_line *line = &dev->irq;
	unsigned long flags;
	bool was_high, kick;

	raw_spin_lock_irqsave(&line->lock, flags);
	was_high = emu_irq_pin_high(line);
	line->polarity_known = true;
	line->active_low = low;
	kick = emu_irq_pin_moved(dev, was_high);
	raw_spin_unlock_irqrestore(&line->lock, flags);
	if (kick)
		emu_irq_kick(line, 0);
}
EXPORT_SYMBOL_GPL(emu_irq_set_polarity);

/**
 * emu_irq_forget_polarity() - the chip lost power: until it reports a
 *	polarity again, its pin follows the trigger type
 * @dev: the chip
 *
 * Context: any; the chip's lock is held.
 */
void emu_irq_forget_polarity(struct emu_dev *dev)
{
	struct emu_irq_line *line = &dev->irq;
	unsigned long flags;

	raw_spin_lock_irqsave(&line->lock, flags);
	line->polarity_known = false;
	raw_spin_unlock_irqrestore(&line->lock, flags);
}

/**
 * emu_irq_spurious() - deliver interrupts with nothing asserted
 * @dev: the chip
 * @n: how many: one now, or when the line is next unmasked, and so on
 *
 * A glitch on the line, or a controller that reports an interrupt twice:
 * the handler runs and the chip has nothing to say.
 *
 * Context: process (debugfs).
 */
void emu_irq_spurious(struct emu_dev *dev, u32 n)
{
	struct emu_irq_line *line = &dev->irq;
	unsigned long flags;

	raw_spin_lock_irqsave(&line->lock, flags);
	line->spurious_next = n;
	raw_spin_unlock_irqrestore(&line->lock, flags);
	emu_irq_kick(line, 0);
}
EXPORT_SYMBOL_GPL(emu_irq_spurious);

static void emu_irq_mask(struct irq_data *d)
{
	struct emu_irq_line *line = irq_data_get_irq_chip_data(d);

	raw_spin_lock(&line->lock);
	line->masked = true;
	raw_spin_unlock(&line->lock);
}

static void emu_irq_unmask(struct irq_data *d)
{
	struct emu_irq_line *line = irq_data_get_irq_chip_data(d);
	bool kick;

	raw_spin_lock(&line->lock);
	line->masked = false;
	kick = emu_irq_is_level(line) ? emu_irq_level_active(line) :
					line->pending;
	kick |= line->spurious_next;
	raw_spin_unlock(&line->lock);
	if (kick)
		emu_irq_kick(line, 0);
}

/* The flow handler acknowledges an edge; it was consumed on delivery. */
static void emu_irq_ack(struct irq_data *d)
{
}

static int emu_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct emu_irq_line *line = irq_data_get_irq_chip_data(d);

	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_LEVEL_HIGH:
	case IRQ_TYPE_LEVEL_LOW:
		irq_set_handler_locked(d, handle_level_irq);
		break;
	case IRQ_TYPE_EDGE_RISING:
	case IRQ_TYPE_EDGE_FALLING:
	case IRQ_TYPE_EDGE_BOTH:
		irq_set_handler_locked(d, handle_edge_irq);
		break;
	default:
		return -EINVAL;
	}
	raw_spin_lock(&line->lock);
	line->type = type & IRQ_TYPE_SENSE_MASK;
	line->pending = false;
	raw_spin_unlock(&line->lock);
	return 0;
}

static struct irq_chip emu_irq_chip = {
	.name = "spinet-emu",
	.irq_mask = emu_irq_mask,
	.irq_unmask = emu_irq_unmask,
	.irq_ack = emu_irq_ack,
	.irq_set_type = emu_irq_set_type,
	.flags = IRQCHIP_SKIP_SET_WAKE,
};

static int emu_irq_map(struct irq_domain *d, unsigned int virq,
		       irq_hw_number_t hw)
{
	/*
	 * A line no chip drives yet (a device tree may name one) gets the
	 * dummy chip; emu_irq_line_init() installs ours when a chip takes it.
	 */
	irq_set_chip_and_handler(virq, &dummy_irq_chip, handle_bad_irq);
	irq_set_noprobe(virq);
	return 0;
}

static const struct irq_domain_ops emu_irq_domain_ops = {
	.map = emu_irq_map,
	.xlate = irq_domain_xlate_twocell,
};

/**
 * emu_irq_line_init() - give a chip its interrupt line
 * @dev: the chip; @dev->index is the line's hardware number
 * @type: the trigger type to start with (%IRQ_TYPE_LEVEL_LOW unless a
 *	device tree says otherwise)
 *
 * The line starts masked and not asserted; a driver may request it with
 * another type. A device tree's consumer of the line finds this mapping
 * and @type in it.
 *
 * Context: process.
 * Return: 0, or a negative errno.
 */
int emu_irq_line_init(struct emu_dev *dev, unsigned int type)
{
	struct emu_irq_line *line = &dev->irq;

	raw_spin_lock_init(&line->lock);
	hrtimer_init(&line->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	line->timer.function = emu_irq_deliver;
	line->dev = dev;
	line->masked = true;
	line->type = type;
	line->virq = irq_create_mapping(emu_irq_domain, dev->index);
	if (!line->virq)
		return -ENOSPC;
	irq_set_chip_and_handler(line->virq, &emu_irq_chip, handle_level_irq);
	irq_set_chip_data(line->virq, line);
	irq_set_irq_type(line->virq, type);
	return 0;
}

/**
 * emu_irq_line_exit() - take a chip's interrupt line away
 * @dev: the chip, whose driver has freed the interrupt
 *
 * Context: process.
 */
void emu_irq_line_exit(struct emu_dev *dev)
{
	hrtimer_cancel(&dev->irq.timer);
	irq_dispose_mapping(dev->irq.virq);
}

/**
 * emu_irq_np_is() - whether a device tree node is the emulator's
 *	interrupt controller
 * @np: the node
 *
 * Context: any.
 * Return: true if interrupts that name @np are the emulator's lines.
 */
bool emu_irq_np_is(const struct device_node *np)
{
	return np && np == emu_irq_np;
}

/**
 * emu_irq_init() - create the emulator's interrupt domain
 * @parent: the emulator's device, for messages
 *
 * If the device tree has a "spinet,emu-intc" node, the domain is that
 * node's, so that chips the tree describes find their interrupts in it.
 *
 * Context: process.
 * Return: 0, or a negative errno.
 */
int emu_irq_init(struct device *parent)
{
	struct fwnode_handle *fwnode;

	emu_irq_np = of_find_compatible_node(NULL, NULL, "spinet,emu-intc");
	if (emu_irq_np) {
		fwnode = of_fwnode_handle(emu_irq_np);
	} else {
		emu_irq_fwnode = irq_domain_alloc_named_fwnode("spinet-emu");
		if (!emu_irq_fwnode)
			return -ENOMEM;
		fwnode = emu_irq_fwnode;
	}
	emu_irq_domain = irq_domain_create_linear(fwnode, EMU_MAX_DEVS,
						  &emu_irq_domain_ops, NULL);
	if (!emu_irq_domain) {
		dev_err(parent, "cannot create the interrupt domain\n");
		emu_irq_exit();
		return -ENOMEM;
	}
	return 0;
}

/**
 * emu_irq_exit() - remove the emulator's interrupt domain
 *
 * Context: process, after every line is gone.
 */
void emu_irq_exit(void)
{
	irq_hw_number_t hw;
	unsigned int virq;

	if (emu_irq_domain) {
		/* Lines a device tree mapped but no chip ever drove. */
		for (hw = 0; hw < EMU_MAX_DEVS; hw++) {
			virq = irq_find_mapping(emu_irq_domain, hw);
			if (virq)
				irq_dispose_mapping(virq);
		}
		irq_domain_remove(emu_irq_domain);
	}
	emu_irq_domain = NULL;
	if (emu_irq_fwnode)
		irq_domain_free_fwnode(emu_irq_fwnode);
	emu_irq_fwnode = NULL;
	of_node_put(emu_irq_np);
	emu_irq_np = NULL;
}
