// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: module entry, devices and the debugfs interface.
 *
 * Loading the module creates no chip. Tests write commands to
 * /sys/kernel/debug/spinet-emu/ctl:
 *
 *   add MODEL            a new chip (emu0, emu1...) on its own SPI controller,
 *                        or on the memory bus (emu_mmio.c) for a memory-mapped
 *                        model; whichever driver matches MODEL binds to it
 *   dt [NODE]            the chips the device tree describes under /spinet-emu
 *                        (every available one, or NODE), each on a controller
 *                        that is its node, its SPI device made from the child
 *                        (or, memory-mapped, its platform device)
 *   del NAME             remove a chip (its driver unbinds first)
 *   connect NAME NAME    a cable between two chips; link comes up
 *   peer NAME            a cable to a new plain netdev NAMEpeer; link up
 *   link NAME up|down    plug or pull the cable
 *   profile NAME P       bus timing: pi4, fast or instant
 *   reset NAME           power-cycle the chip (as if its supply dropped)
 *   clear NAME           zero the chip's counters
 *
 * Each chip has a directory with its counters, interrupt statistics, fault
 * knobs, timing and controller constraints (Documentation/emulator.md).
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>
#include <linux/uaccess.h>

#include "emu_priv.h"

static const struct emu_model_ops *const emu_models[] = {
	&emu_dm9051_model,
	&emu_w5500_model,
	&emu_dm9000_model,
	&emu_null_model,
};

/* Each chip's EEPROM MAC: locally administered, the last byte its slot + 1. */
static const u8 emu_mac_base[ETH_ALEN] = { 0x02, 0x00, 0x5e, 0x51, 0x00, 0x00 };

/* Protects emu_devs[] and the topology of every device (peer, peer_ndev). */
static DEFINE_MUTEX(emu_mutex);
static struct emu_dev *emu_devs[EMU_MAX_DEVS];
static struct platform_device *emu_pdev;
static struct dentry *emu_dbg;

static void emu_host_set_irq(struct emu_chip *chip, bool asserted)
{
	emu_irq_set(emu_chip_to_dev(chip), asserted);
}

static u64 emu_host_wire_tx(struct emu_chip *chip, const u8 *frame,
			    unsigned int len)
{
	struct emu_dev *dev = emu_chip_to_dev(chip);
	u64 ns = emu_wire_tx(dev, frame, len, true);

	chip->cnt.tx_frames++;
	chip->cnt.tx_bytes += len;
	if (ns)
		hrtimer_start(&dev->tx_timer, ns_to_ktime(ns),
			      HRTIMER_MODE_REL_HARD);
	return ns;
}

static void emu_host_set_irq_polarity(struct emu_chip *chip, bool low)
{
	emu_irq_set_polarity(emu_chip_to_dev(chip), low);
}

static void emu_host_wire_tx_ctrl(struct emu_chip *chip, const u8 *frame,
				  unsigned int len)
{
	chip->cnt.tx_pause++;
	emu_wire_tx(emu_chip_to_dev(chip), frame, len, false);
}

static void emu_host_pause_tx(struct emu_chip *chip, u16 quanta)
{
	emu_wire_pause_chip(emu_chip_to_dev(chip), quanta);
}

static void emu_host_timer_start(struct emu_chip *chip, u64 ns)
{
	hrtimer_start(&emu_chip_to_dev(chip)->model_timer, ns_to_ktime(ns),
		      HRTIMER_MODE_REL_HARD);
}

static enum hrtimer_restart emu_model_timer(struct hrtimer *timer)
{
	struct emu_dev *dev = container_of(timer, struct emu_dev, model_timer);
	struct emu_chip *chip = &dev->chip;
	u64 t0 = emu_cpu_start(dev);

	spin_lock(&chip->lock);
	if (chip->model->timer)
		chip->model->timer(chip);
	spin_unlock(&chip->lock);
	emu_cpu_since(dev, t0);
	return HRTIMER_NORESTART;
}

static const struct emu_host_ops emu_host = {
	.set_irq = emu_host_set_irq,
	.wire_tx = emu_host_wire_tx,
	.set_irq_polarity = emu_host_set_irq_polarity,
	.wire_tx_ctrl = emu_host_wire_tx_ctrl,
	.pause_tx = emu_host_pause_tx,
	.timer_start = emu_host_timer_start,
};

static enum hrtimer_restart emu_tx_done(struct hrtimer *timer)
{
	struct emu_dev *dev = container_of(timer, struct emu_dev, tx_timer);
	struct emu_chip *chip = &dev->chip;
	u64 t0 = emu_cpu_start(dev);

	spin_lock(&chip->lock);
	chip->model->tx_done(chip);
	spin_unlock(&chip->lock);
	emu_cpu_since(dev, t0);
	return HRTIMER_NORESTART;
}

static struct emu_dev *emu_find(const char *name)
{
	unsigned int i;

	lockdep_assert_held(&emu_mutex);
	for (i = 0; i < EMU_MAX_DEVS; i++)
		if (emu_devs[i] && !strcmp(emu_devs[i]->name, name))
			return emu_devs[i];
	return NULL;
}

static int emu_counters_show(struct seq_file *s, void *unused)
{
	struct emu_dev *dev = s->private;
	struct emu_counters c;
	unsigned long flags;

	spin_lock_irqsave(&dev->chip.lock, flags);
	c = dev->chip.cnt;
	spin_unlock_irqrestore(&dev->chip.lock, flags);
#define EMU_SHOW(f) seq_printf(s, "%-18s %llu\n", #f, c.f)
	EMU_SHOW(spi_messages);
	EMU_SHOW(spi_transfers);
	EMU_SHOW(spi_cs_asserts);
	EMU_SHOW(spi_bytes_tx);
	EMU_SHOW(spi_bytes_rx);
	EMU_SHOW(spi_errors);
	EMU_SHOW(spi_rx_messages);
	EMU_SHOW(spi_rx_cs_asserts);
	EMU_SHOW(spi_rx_bytes);
	EMU_SHOW(spi_rx_bus_ns);
	EMU_SHOW(spi_tx_messages);
	EMU_SHOW(spi_tx_cs_asserts);
	EMU_SHOW(spi_tx_bytes);
	EMU_SHOW(spi_tx_bus_ns);
	EMU_SHOW(spi_bus_ns);
	EMU_SHOW(irq_raised);
	EMU_SHOW(tx_frames);
	EMU_SHOW(tx_rejected);
	EMU_SHOW(tx_pause);
	EMU_SHOW(rx_pause);
	EMU_SHOW(tx_bytes);
	EMU_SHOW(rx_frames);
	EMU_SHOW(rx_stored);
	EMU_SHOW(rx_drop_full);
	EMU_SHOW(rx_drop_filtered);
	EMU_SHOW(rx_drop_crc);
	EMU_SHOW(rx_drop_runt);
	EMU_SHOW(rx_drop_long);
	EMU_SHOW(rx_drop_disabled);
	EMU_SHOW(resets);
#undef EMU_SHOW
	seq_printf(s, "%-18s %lld\n", "cpu_ns",
		   (s64)atomic64_read(&dev->cpu_ns));
	seq_printf(s, "%-18s %lld\n", "spin_ns",
		   (s64)atomic64_read(&dev->spin_ns));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(emu_counters);

/* Registers 0x00-0x7f, sixteen a line, without read side effects. */
static int emu_regs_show(struct seq_file *s, void *unused)
{
	struct emu_dev *dev = s->private;
	unsigned long flags;
	u8 regs[0x80];
	unsigned int i;

	if (!dev->chip.model->peek)
		return -EOPNOTSUPP;
	spin_lock_irqsave(&dev->chip.lock, flags);
	for (i = 0; i < sizeof(regs); i++)
		regs[i] = dev->chip.model->peek(&dev->chip, i);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
	for (i = 0; i < sizeof(regs); i += 16)
		seq_printf(s, "%02x: %16ph\n", i, &regs[i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(emu_regs);

static int emu_irq_show(struct seq_file *s, void *unused)
{
	struct emu_irq_line *line = &((struct emu_dev *)s->private)->irq;
	unsigned long flags;
	u64 mean;

	raw_spin_lock_irqsave(&line->lock, flags);
	mean = line->latency_n ? div64_u64(line->latency_sum_ns,
					   line->latency_n) : 0;
	seq_printf(s, "virq %u\ntype %u\nasserted %d\nmasked %d\n",
		   line->virq, line->type, line->asserted, line->masked);
	seq_printf(s, "delivered %llu\ndropped %llu\n", line->delivered,
		   line->dropped);
	seq_printf(s, "latency_mean_ns %llu\nlatency_max_ns %llu\n", mean,
		   line->latency_max_ns);
	raw_spin_unlock_irqrestore(&line->lock, flags);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(emu_irq);

static int emu_spurious_get(void *data, u64 *val)
{
	struct emu_dev *dev = data;

	*val = READ_ONCE(dev->irq.spurious_next);
	return 0;
}

static int emu_spurious_set(void *data, u64 val)
{
	emu_irq_spurious(data, min_t(u64, val, U32_MAX));
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(emu_spurious_fops, emu_spurious_get, emu_spurious_set,
			 "%llu\n");

static void emu_debugfs_add(struct emu_dev *dev)
{
	struct emu_faults *f = &dev->chip.faults;
	struct emu_spi_limits *l = &dev->limits;
	struct emu_timing *t = &dev->timing;
	struct dentry *d;

	d = debugfs_create_dir(dev->name, emu_dbg);
	dev->dbg = d;
	debugfs_create_file("counters", 0444, d, dev, &emu_counters_fops);
	debugfs_create_u64("rx_stored", 0444, d, &dev->chip.cnt.rx_stored);
	debugfs_create_file("irq", 0444, d, dev, &emu_irq_fops);
	debugfs_create_file("regs", 0444, d, dev, &emu_regs_fops);
	debugfs_create_u32("spi_hz", 0444, d, &dev->spi_hz);
	debugfs_create_bool("strict", 0644, d, &dev->chip.strict);
	debugfs_create_bool("cpu_account", 0644, d, &dev->cpu_account);
	debugfs_create_u32("an_delay_ms", 0644, d, &dev->chip.an_delay_ms);
	debugfs_create_u32("fault_rx_hdr", 0644, d, (u32 *)&f->rx_hdr);
	debugfs_create_bool("fault_tx_stuck", 0644, d, &f->tx_stuck);
	debugfs_create_bool("fault_rx_full", 0644, d, &f->rx_full);
	debugfs_create_bool("fault_dead", 0644, d, &f->dead);
	debugfs_create_u8("fault_dead_byte", 0644, d, &f->dead_byte);
	debugfs_create_bool("fault_phy_absent", 0644, d, &f->phy_absent);
	debugfs_create_u32("fault_rwpa_lead", 0644, d, &f->rwpa_lead);
	debugfs_create_atomic_t("spi_fail_next", 0644, d, &dev->spi_fail_next);
	debugfs_create_atomic_t("spi_short_next", 0644, d,
				&dev->spi_short_next);
	debugfs_create_atomic_t("spi_fail_skip", 0644, d, &dev->spi_fail_skip);
	debugfs_create_u32("spi_fail_errno", 0644, d, &dev->spi_fail_errno);
	debugfs_create_u32("irq_drop_next", 0644, d, &dev->irq.drop_next);
	debugfs_create_u32("irq_dup_next", 0644, d, &dev->irq.dup_next);
	debugfs_create_file_unsafe("irq_spurious_next", 0644, d, dev,
				   &emu_spurious_fops);
	debugfs_create_bool("timing_instant", 0644, d, &t->instant);
	debugfs_create_u32("timing_hz", 0644, d, &t->hz);
	debugfs_create_u32("timing_clocks_per_byte", 0644, d,
			   &t->clocks_per_byte);
	debugfs_create_u32("timing_msg_ns", 0644, d, &t->msg_ns);
	debugfs_create_u32("timing_xfer_ns", 0644, d, &t->xfer_ns);
	debugfs_create_u32("timing_cs_ns", 0644, d, &t->cs_ns);
	debugfs_create_u32("limit_max_xfer", 0644, d, &l->max_xfer);
	debugfs_create_u32("limit_align", 0644, d, &l->align);
	debugfs_create_u32("limit_len_gran", 0644, d, &l->len_gran);
	debugfs_create_bool("limit_dma_safe", 0644, d, &l->dma_safe);
	debugfs_create_bool("complete_hardirq", 0644, d, &l->complete_hardirq);
}

static const struct emu_model_ops *emu_model(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(emu_models); i++)
		if (!strcmp(emu_models[i]->name, name))
			return emu_models[i];
	return NULL;
}

static unsigned int emu_free_slot(void)
{
	unsigned int slot;

	for (slot = 0; slot < EMU_MAX_DEVS && emu_devs[slot]; slot++)
		;
	return slot;
}

/*
 * Board faults a device tree node describes, there from power-on, before a
 * driver probes: "spinet,dead-byte" (MISO reads only this: a chip that
 * does not answer), "spinet,phy-absent" (no PHY answers on MDIO) and
 * "spinet,eeprom-mac" (what the EEPROM holds; ff:ff:ff:ff:ff:ff is blank);
 * and how the board straps a memory-mapped chip: "spinet,bus-width" (its
 * data bus, in bytes).
 */
static void emu_dt_board(struct emu_dev *dev)
{
	struct emu_chip *chip = &dev->chip;
	u32 v;

	if (!of_property_read_u32(dev->np, "spinet,dead-byte", &v)) {
		chip->faults.dead = true;
		chip->faults.dead_byte = v;
	}
	chip->faults.phy_absent = of_property_read_bool(dev->np,
							"spinet,phy-absent");
	of_property_read_u8_array(dev->np, "spinet,eeprom-mac", chip->mac,
				  ETH_ALEN);
	if (!of_property_read_u32(dev->np, "spinet,bus-width", &v))
		chip->bus_width = v;
}

/* The device a driver binds to: SPI or platform. */
static const char *emu_dev_name(const struct emu_dev *dev)
{
	if (dev->spi)
		return dev_name(&dev->spi->dev);
	return dev->pdev ? dev_name(&dev->pdev->dev) : "-";
}

/*
 * A chip in slot @slot (also its hwirq) whose interrupt line starts with
 * trigger type @type; described by @np (whose reference it takes over),
 * or made by "add" if @np is NULL.
 */
static struct emu_dev *emu_create(const struct emu_model_ops *model,
				  unsigned int slot, unsigned int type,
				  struct device_node *np)
{
	struct emu_dev *dev;
	unsigned long flags;
	int ret;

	lockdep_assert_held(&emu_mutex);
	if (slot >= EMU_MAX_DEVS || emu_devs[slot]) {
		ret = slot >= EMU_MAX_DEVS ? -ENOSPC : -EBUSY;
		goto out_put_np;
	}
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev) {
		ret = -ENOMEM;
		goto out_put_np;
	}
	dev->chip.priv = kzalloc(model->priv_size, GFP_KERNEL);
	if (!dev->chip.priv) {
		ret = -ENOMEM;
		goto out_free_dev;
	}
	spin_lock_init(&dev->chip.lock);
	dev->chip.model = model;
	dev->chip.host = &emu_host;
	dev->chip.faults.dead_byte = 0xff;
	/* Silicon negotiates in 1.5 to 3 s; drivers must not assume less. */
	dev->chip.an_delay_ms = 1500;
	/* A distinct, locally administered address in each chip's EEPROM. */
	memcpy(dev->chip.mac, emu_mac_base, ETH_ALEN);
	dev->chip.mac[ETH_ALEN - 1] = slot + 1;
	/* a memory-mapped chip's bus: 16 bits unless the tree says */
	dev->chip.bus_width = 2;
	dev->index = slot;
	dev->np = np;
	if (np)
		emu_dt_board(dev);
	snprintf(dev->name, sizeof(dev->name), "emu%u", slot);
	emu_timing_profile(&dev->timing, "pi4");
	dev->limits.max_hz = 50000000;
	dev->limits.align = 1;
	dev->limits.len_gran = 1;
	dev->limits.dma_safe = true;
	atomic_set(&dev->spi_fail_next, 0);
	atomic_set(&dev->spi_short_next, 0);
	atomic_set(&dev->spi_fail_skip, 0);
	dev->spi_fail_errno = EIO;
	hrtimer_init(&dev->tx_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	dev->tx_timer.function = emu_tx_done;
	hrtimer_init(&dev->model_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	dev->model_timer.function = emu_model_timer;
	emu_wire_init(dev);
	/* Before power-on: the model reports its interrupt pin's polarity. */
	ret = emu_irq_line_init(dev, type);
	if (ret)
		goto out_free_priv;
	spin_lock_irqsave(&dev->chip.lock, flags);
	model->power_on(&dev->chip);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
	emu_debugfs_add(dev);
	emu_devs[slot] = dev;
	if (model->io_read)
		ret = emu_mmio_add(dev, &emu_pdev->dev);
	else
		ret = emu_spi_add(dev, &emu_pdev->dev);
	if (ret)
		goto out_remove_dev;
	dev_info(&emu_pdev->dev, "%s: %s on %s, irq %u\n", dev->name,
		 model->name, emu_dev_name(dev), dev->irq.virq);
	return dev;

out_remove_dev:
	emu_devs[slot] = NULL;
	debugfs_remove_recursive(dev->dbg);
	emu_irq_line_exit(dev);
out_free_priv:
	kfree(dev->chip.priv);
out_free_dev:
	kfree(dev);
out_put_np:
	of_node_put(np);
	return ERR_PTR(ret);
}

/*
 * "add MODEL": the first free slot, a line of the model's trigger type
 * (level low unless it says), no device tree.
 */
static struct emu_dev *emu_add(const char *model_name)
{
	const struct emu_model_ops *model = emu_model(model_name);

	if (!model)
		return ERR_PTR(-ENOENT);
	return emu_create(model, emu_free_slot(),
			  model->irq_type ?: IRQ_TYPE_LEVEL_LOW, NULL);
}

static bool emu_dt_made(const struct device_node *np)
{
	unsigned int i;

	for (i = 0; i < EMU_MAX_DEVS; i++)
		if (emu_devs[i] && emu_devs[i]->np == np)
			return true;
	return false;
}

/*
 * A chip a device tree describes. @np, a "spinet,emu-spi" node (or
 * "spinet,emu-mmio", for a memory-mapped model), names the model in
 * "spinet,model"; its child is the SPI (or platform) device. The chip's slot is
 * the hwirq that the child's interrupt names on the emulator's controller,
 * and the line starts with that trigger type, unless "spinet,slot" puts
 * the chip elsewhere (a board whose interrupt is wired to another pin). A
 * child without such an interrupt leaves the chip in the first free slot.
 */
static struct emu_dev *emu_add_dt(struct device_node *np)
{
	unsigned int slot = EMU_MAX_DEVS, type = IRQ_TYPE_NONE;
	const struct emu_model_ops *model = NULL;
	struct of_phandle_args args;
	struct device_node *child;
	const char *name;

	if (emu_dt_made(np))
		return ERR_PTR(-EEXIST);
	if (!of_property_read_string(np, "spinet,model", &name))
		model = emu_model(name);
	if (!model) {
		dev_err(&emu_pdev->dev, "%pOF: spinet,model names no model\n",
			np);
		return ERR_PTR(-ENOENT);
	}
	child = of_get_next_available_child(np, NULL);
	if (child && !of_irq_parse_one(child, 0, &args)) {
		if (emu_irq_np_is(args.np) && args.args_count == 2) {
			slot = args.args[0];
			type = args.args[1] & IRQ_TYPE_SENSE_MASK;
		}
		of_node_put(args.np);
	}
	of_node_put(child);
	of_property_read_u32(np, "spinet,slot", &slot);
	if (slot == EMU_MAX_DEVS)
		slot = emu_free_slot();
	return emu_create(model, slot, type ?: IRQ_TYPE_LEVEL_LOW,
			  of_node_get(np));
}

/*
 * "dt [NODE]": the chips that the device tree's /spinet-emu node describes,
 * every available one not made yet, or the child NODE whatever its status.
 */
static int emu_dt(const char *node)
{
	struct device_node *root, *np;
	char path[EMU_NAME_LEN + 16];
	struct emu_dev *dev;
	int ret = 0;

	if (node) {
		snprintf(path, sizeof(path), "/spinet-emu/%s", node);
		np = of_find_node_by_path(path);
		ret = np ? PTR_ERR_OR_ZERO(emu_add_dt(np)) : -ENOENT;
		of_node_put(np);
		return ret;
	}
	root = of_find_node_by_path("/spinet-emu");
	if (!root)
		return -ENOENT;
	for_each_available_child_of_node(root, np) {
		if ((!of_device_is_compatible(np, "spinet,emu-spi") &&
		     !of_device_is_compatible(np, "spinet,emu-mmio")) ||
		    emu_dt_made(np))
			continue;
		dev = emu_add_dt(np);
		if (IS_ERR(dev)) {
			ret = PTR_ERR(dev);
			of_node_put(np);
			break;
		}
	}
	of_node_put(root);
	return ret;
}

static void emu_disconnect(struct emu_dev *dev)
{
	struct emu_dev *peer = dev->peer;

	emu_peer_remove(dev);
	if (!peer)
		return;
	emu_wire_set_link(dev, false);
	WRITE_ONCE(dev->peer, NULL);
	WRITE_ONCE(peer->peer, NULL);
	/*
	 * Frames in flight towards @dev stop here; a delivery already running
	 * finishes first. The caller purges @dev's own wire.
	 */
	emu_wire_exit(peer);
}

static void emu_del(struct emu_dev *dev)
{
	if (dev->pdev)
		emu_mmio_remove(dev);
	else
		emu_spi_remove(dev);
	emu_disconnect(dev);
	hrtimer_cancel(&dev->tx_timer);
	hrtimer_cancel(&dev->model_timer);
	emu_wire_exit(dev);
	emu_irq_line_exit(dev);
	debugfs_remove_recursive(dev->dbg);
	emu_devs[dev->index] = NULL;
	of_node_put(dev->np);
	kfree(dev->chip.priv);
	kfree(dev);
}

static int emu_connect(struct emu_dev *a, struct emu_dev *b)
{
	if (a == b || a->peer || a->peer_ndev || b->peer || b->peer_ndev)
		return -EBUSY;
	WRITE_ONCE(a->peer, b);
	WRITE_ONCE(b->peer, a);
	emu_wire_set_link(a, true);
	return 0;
}

static void emu_power_cycle(struct emu_dev *dev)
{
	unsigned long flags;

	hrtimer_cancel(&dev->tx_timer);
	hrtimer_cancel(&dev->model_timer);
	spin_lock_irqsave(&dev->chip.lock, flags);
	emu_irq_forget_polarity(dev);
	dev->chip.model->power_on(&dev->chip);
	if (dev->chip.link_up)
		dev->chip.model->link_change(&dev->chip, true);
	spin_unlock_irqrestore(&dev->chip.lock, flags);
}

static int emu_command(char *line)
{
	char cmd[16], a[EMU_NAME_LEN], b[EMU_NAME_LEN];
	struct emu_dev *da, *db = NULL;
	unsigned long flags;
	int n;

	n = sscanf(line, "%15s %15s %15s", cmd, a, b);
	if (n >= 1 && !strcmp(cmd, "dt"))
		return emu_dt(n >= 2 ? a : NULL);
	if (n < 2)
		return -EINVAL;
	if (!strcmp(cmd, "add"))
		return PTR_ERR_OR_ZERO(emu_add(a));
	da = emu_find(a);
	if (!da)
		return -ENODEV;
	if (n == 3)
		db = emu_find(b);

	if (!strcmp(cmd, "del") && n == 2) {
		emu_del(da);
	} else if (!strcmp(cmd, "connect") && n == 3) {
		return db ? emu_connect(da, db) : -ENODEV;
	} else if (!strcmp(cmd, "peer") && n == 2) {
		if (da->peer || da->peer_ndev)
			return -EBUSY;
		n = emu_peer_add(da);
		if (n)
			return n;
		emu_wire_set_link(da, true);
	} else if (!strcmp(cmd, "link") && n == 3) {
		if (strcmp(b, "up") && strcmp(b, "down"))
			return -EINVAL;
		emu_wire_set_link(da, !strcmp(b, "up"));
	} else if (!strcmp(cmd, "profile") && n == 3) {
		if (strcmp(b, "pi4") && strcmp(b, "fast") &&
		    strcmp(b, "instant"))
			return -EINVAL;
		emu_timing_profile(&da->timing, b);
	} else if (!strcmp(cmd, "reset") && n == 2) {
		emu_power_cycle(da);
	} else if (!strcmp(cmd, "clear") && n == 2) {
		spin_lock_irqsave(&da->chip.lock, flags);
		memset(&da->chip.cnt, 0, sizeof(da->chip.cnt));
		spin_unlock_irqrestore(&da->chip.lock, flags);
		atomic64_set(&da->cpu_ns, 0);
		atomic64_set(&da->spin_ns, 0);
	} else {
		return -EINVAL;
	}
	return 0;
}

static ssize_t emu_ctl_write(struct file *file, const char __user *ubuf,
			     size_t len, loff_t *ppos)
{
	char buf[64];
	int ret;

	if (len >= sizeof(buf))
		return -E2BIG;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	mutex_lock(&emu_mutex);
	ret = emu_command(buf);
	mutex_unlock(&emu_mutex);
	return ret ?: len;
}

static int emu_ctl_show(struct seq_file *s, void *unused)
{
	unsigned int i;

	mutex_lock(&emu_mutex);
	for (i = 0; i < EMU_MAX_DEVS; i++) {
		struct emu_dev *dev = emu_devs[i];

		if (!dev)
			continue;
		seq_printf(s, "%s %s %s irq %u peer %s\n", dev->name,
			   dev->chip.model->name, emu_dev_name(dev),
			   dev->irq.virq, dev->peer ? dev->peer->name :
			   dev->peer_ndev ? netdev_name(dev->peer_ndev) : "-");
	}
	mutex_unlock(&emu_mutex);
	return 0;
}

/**
 * emu_test_create() - create a chip, for the emulator's own tests
 * @model: the model's name
 *
 * Context: process.
 * Return: the chip, or an ERR_PTR().
 */
struct emu_dev *emu_test_create(const char *model)
{
	struct emu_dev *dev;

	mutex_lock(&emu_mutex);
	dev = emu_add(model);
	mutex_unlock(&emu_mutex);
	return dev;
}
EXPORT_SYMBOL_GPL(emu_test_create);

/**
 * emu_test_destroy() - remove a chip made by emu_test_create()
 * @dev: the chip
 *
 * Context: process.
 */
void emu_test_destroy(struct emu_dev *dev)
{
	mutex_lock(&emu_mutex);
	emu_del(dev);
	mutex_unlock(&emu_mutex);
}
EXPORT_SYMBOL_GPL(emu_test_destroy);

/**
 * emu_test_connect() - cable two chips, for the emulator's own tests
 * @a: one chip
 * @b: the other
 *
 * Context: process.
 * Return: 0, or -EBUSY if either is connected already.
 */
int emu_test_connect(struct emu_dev *a, struct emu_dev *b)
{
	int ret;

	mutex_lock(&emu_mutex);
	ret = emu_connect(a, b);
	mutex_unlock(&emu_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(emu_test_connect);

/**
 * emu_test_power_cycle() - cut a chip's power and restore it, for tests
 * @dev: the chip
 *
 * Context: process.
 */
void emu_test_power_cycle(struct emu_dev *dev)
{
	mutex_lock(&emu_mutex);
	emu_power_cycle(dev);
	mutex_unlock(&emu_mutex);
}
EXPORT_SYMBOL_GPL(emu_test_power_cycle);

static int emu_ctl_open(struct inode *inode, struct file *file)
{
	return single_open(file, emu_ctl_show, NULL);
}

static const struct file_operations emu_ctl_fops = {
	.owner = THIS_MODULE,
	.open = emu_ctl_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = emu_ctl_write,
};

static int __init emu_init(void)
{
	int ret;

	emu_pdev = platform_device_register_simple("spinet-emu", -1, NULL, 0);
	if (IS_ERR(emu_pdev))
		return PTR_ERR(emu_pdev);
	ret = emu_irq_init(&emu_pdev->dev);
	if (ret)
		goto out_unregister_pdev;
	emu_dbg = debugfs_create_dir("spinet-emu", NULL);
	debugfs_create_file("ctl", 0644, emu_dbg, NULL, &emu_ctl_fops);
	return 0;

out_unregister_pdev:
	platform_device_unregister(emu_pdev);
	return ret;
}
module_init(emu_init);

static void __exit emu_exit(void)
{
	unsigned int i;

	mutex_lock(&emu_mutex);
	for (i = EMU_MAX_DEVS; i-- > 0;)
		if (emu_devs[i])
			emu_del(emu_devs[i]);
	mutex_unlock(&emu_mutex);
	debugfs_remove_recursive(emu_dbg);
	emu_irq_exit();
	platform_device_unregister(emu_pdev);
}
module_exit(emu_exit);

MODULE_DESCRIPTION("spinet chip emulator (test only)");
MODULE_LICENSE("GPL");
