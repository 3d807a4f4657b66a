// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: the memory bus, for chips a board maps into its
 * address space (the DM9000: an index port and a data port) rather than
 * putting on SPI.
 *
 * UML has no memory bus, but its IOMEM emulation (lib/logic_iomem.c) lets
 * a module claim a physical range: ioremap() of an address inside it gives
 * a cookie, and every readb()...writel() on the cookie calls the range's
 * ops. The emulator claims EMU_MMIO_BASE, one 4 KB window per chip slot
 * (emu0 at the base, emu1 4 KB on...); in a window, address bit 2 drives
 * the chip's CMD pin (0: index port, 1: data port), as a board wires CMD
 * to A2. A window without a chip reads all ones, as a bus with nothing on
 * it, and ignores writes. The range lies above virt-pci's "platform"
 * range (0x10000000-0x1fffffff) and far below its config space and iomem
 * (0xf0000000 down by a few MB).
 *
 * A chip made by "add" gets a platform device named after the model, with
 * the two ports and its interrupt as resources and, as a board file gives
 * a DM9000 (the only memory-mapped model), empty platform data
 * (<linux/dm9000.h>: no flags, no address; the mainline driver refuses a
 * device with neither platform data nor a device tree node). One a device
 * tree describes ("spinet,emu-mmio" node, below /spinet-emu) gets the
 * platform device of_platform_device_create() makes from the node's
 * child, whose "reg" must then lie in the chip's window.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/dm9000.h>
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/logic_iomem.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/rcupdate.h>

#include "emu_priv.h"

#define EMU_MMIO_BASE		0x20000000
#define EMU_MMIO_WINDOW		0x1000
#define EMU_MMIO_CMD		BIT(2)

static struct resource emu_mmio_res = {
	.name = "spinet-emu",
	.start = EMU_MMIO_BASE,
	.end = EMU_MMIO_BASE + EMU_MAX_DEVS * EMU_MMIO_WINDOW - 1,
	.flags = IORESOURCE_MEM,
};

/*
 * The chip that answers in each window: written under the emulator's
 * emu_mutex, read under RCU by bus accesses, which come in any context
 * (drivers access their chip under spinlocks with interrupts off) and
 * cost two lock round trips each if they took a lock of their own here.
 */
static struct emu_dev __rcu *emu_mmio_devs[EMU_MAX_DEVS];
/* The range is registered; set once, under the emulator's emu_mutex. */
static bool emu_mmio_registered;

static unsigned int emu_mmio_port(unsigned int offset)
{
	return offset & EMU_MMIO_CMD ? EMU_PORT_DATA : EMU_PORT_INDEX;
}

/* Each access is one message of one transfer (Documentation/emulator.md). */
static void emu_mmio_count(struct emu_chip *chip, unsigned int size, bool read)
{
	struct emu_counters *c = &chip->cnt;

	c->spi_messages++;
	c->spi_transfers++;
	c->spi_cs_asserts++;
	if (read)
		c->spi_bytes_rx += size;
	else
		c->spi_bytes_tx += size;
	emu_count_path(chip, 1, size, 0);
}

static unsigned long emu_mmio_read(void *priv, unsigned int offset, int size)
{
	unsigned long flags, val = ULONG_MAX;
	struct emu_dev __rcu **slot = priv;
	struct emu_dev *dev;
	u64 t0;

	rcu_read_lock();
	dev = rcu_dereference(*slot);
	if (dev) {
		spin_lock_irqsave(&dev->chip.lock, flags);
		t0 = emu_cpu_start(dev);
		dev->chip.path = 0;
		val = dev->chip.model->io_read(&dev->chip,
					       emu_mmio_port(offset), size);
		emu_mmio_count(&dev->chip, size, true);
		emu_cpu_since(dev, t0);
		spin_unlock_irqrestore(&dev->chip.lock, flags);
	}
	rcu_read_unlock();
	return size < sizeof(val) ? val & GENMASK(8 * size - 1, 0) : val;
}

static void emu_mmio_write(void *priv, unsigned int offset, int size,
			   unsigned long val)
{
	struct emu_dev __rcu **slot = priv;
	struct emu_dev *dev;
	unsigned long flags;
	u64 t0;

	rcu_read_lock();
	dev = rcu_dereference(*slot);
	if (dev) {
		spin_lock_irqsave(&dev->chip.lock, flags);
		t0 = emu_cpu_start(dev);
		dev->chip.path = 0;
		dev->chip.model->io_write(&dev->chip, emu_mmio_port(offset),
					  size, val);
		emu_mmio_count(&dev->chip, size, false);
		emu_cpu_since(dev, t0);
		spin_unlock_irqrestore(&dev->chip.lock, flags);
	}
	rcu_read_unlock();
}

static const struct logic_iomem_ops emu_mmio_ops = {
	.read = emu_mmio_read,
	.write = emu_mmio_write,
};

/* ioremap() of a range inside one window: the window's chip, if any. */
static long emu_mmio_map(unsigned long offset, size_t size,
			 const struct logic_iomem_ops **ops, void **priv)
{
	unsigned long slot = offset / EMU_MMIO_WINDOW;

	if (!size || slot >= EMU_MAX_DEVS ||
	    (offset + size - 1) / EMU_MMIO_WINDOW != slot)
		return -EINVAL;
	*ops = &emu_mmio_ops;
	*priv = &emu_mmio_devs[slot];
	return offset % EMU_MMIO_WINDOW;
}

static const struct logic_iomem_region_ops emu_mmio_region_ops = {
	.map = emu_mmio_map,
};

static int emu_mmio_register(void)
{
	int ret;

	if (emu_mmio_registered)
		return 0;
	ret = logic_iomem_add_region(&emu_mmio_res, &emu_mmio_region_ops);
	if (ret)
		return ret;
	/*
	 * logic_iomem has no call that removes a region, and the region's
	 * resource and ops are this module's: once registered, the module
	 * must never be unloaded. Pin it for the rest of the boot (rmmod
	 * then fails with EBUSY). Only a boot that made a memory-mapped
	 * chip pays this.
	 */
	__module_get(THIS_MODULE);
	emu_mmio_registered = true;
	return 0;
}

/*
 * Make @val (@dev or NULL) answer in @dev's window; once NULL, no access
 * still sees @dev when this returns, and the caller may free it.
 */
static void emu_mmio_set(struct emu_dev *dev, struct emu_dev *val)
{
	rcu_assign_pointer(emu_mmio_devs[dev->index], val);
	if (!val)
		synchronize_rcu();
}

/**
 * emu_mmio_add() - put a chip on the memory bus and create its device
 * @dev: the chip, with its model, interrupt line, slot and name set
 * @parent: the emulator's platform device
 *
 * Made by "add", the chip gets a platform device named after its model
 * (id: its slot) with three resources: the index port (its window's
 * start), the data port (4 bytes on, as wide as the chip's bus) and its
 * interrupt with the line's trigger type; a driver matching the name
 * binds. Described by a device tree (@dev->np), the device is the one
 * the node's child describes.
 *
 * Context: process, under the emulator's emu_mutex.
 * Return: 0, or a negative errno.
 */
int emu_mmio_add(struct emu_dev *dev, struct device *parent)
{
	resource_size_t base = EMU_MMIO_BASE + dev->index * EMU_MMIO_WINDOW;
	unsigned int width = dev->chip.bus_width;
	struct dm9000_plat_data pdata = {};
	struct platform_device *pdev;
	struct device_node *child;
	struct resource res[] = {
		DEFINE_RES_MEM_NAMED(base, width, "index"),
		DEFINE_RES_MEM_NAMED(base + EMU_MMIO_CMD, width, "data"),
		DEFINE_RES_IRQ(dev->irq.virq),
	};
	int ret;

	ret = emu_mmio_register();
	if (ret)
		return ret;
	res[2].flags |= dev->irq.type & IRQ_TYPE_SENSE_MASK;
	emu_mmio_set(dev, dev);
	if (dev->np) {
		child = of_get_next_available_child(dev->np, NULL);
		pdev = child ? of_platform_device_create(child, NULL, parent) :
			       NULL;
		of_node_put(child);
		if (!pdev) {
			dev_err(parent, "%pOF: no device made from its child\n",
				dev->np);
			ret = -ENODEV;
			goto out_clear;
		}
	} else {
		pdev = platform_device_register_resndata(parent,
							 dev->chip.model->name,
							 dev->index, res,
							 ARRAY_SIZE(res),
							 &pdata, sizeof(pdata));
		if (IS_ERR(pdev)) {
			ret = PTR_ERR(pdev);
			goto out_clear;
		}
	}
	dev->pdev = pdev;
	return 0;

out_clear:
	emu_mmio_set(dev, NULL);
	return ret;
}

/**
 * emu_mmio_remove() - remove a memory-mapped chip's device
 * @dev: the chip
 *
 * The driver bound to the device unbinds first (and unmaps its ports);
 * after this, the chip's window answers no more.
 *
 * Context: process, under the emulator's emu_mutex.
 */
void emu_mmio_remove(struct emu_dev *dev)
{
	if (dev->np)
		of_platform_device_destroy(&dev->pdev->dev, NULL);
	else
		platform_device_unregister(dev->pdev);
	emu_mmio_set(dev, NULL);
}
