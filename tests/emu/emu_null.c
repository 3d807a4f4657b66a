// SPDX-License-Identifier: GPL-2.0
/*
 * spinet's chip emulator: a chip that does nothing. No driver matches its
 * name, so the emulator's own tests can drive its SPI controller and
 * interrupt line directly and time them against the timing model. It
 * answers every byte with zero and drops every frame.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/string.h>

#include "emu_priv.h"

static void emu_null_power_on(struct emu_chip *chip)
{
}

static void emu_null_cs(struct emu_chip *chip)
{
}

static void emu_null_xfer(struct emu_chip *chip, const u8 *tx, u8 *rx,
			  unsigned int len)
{
	if (rx)
		memset(rx, 0, len);
}

static void emu_null_wire_rx(struct emu_chip *chip, const u8 *frame,
			     unsigned int len, bool fcs_ok)
{
	chip->cnt.rx_frames++;
}

static void emu_null_tx_done(struct emu_chip *chip)
{
}

static void emu_null_link_change(struct emu_chip *chip, bool up)
{
}

const struct emu_model_ops emu_null_model = {
	.name = "spinet-emu-null",
	.priv_size = 1,
	.power_on = emu_null_power_on,
	.cs_assert = emu_null_cs,
	.xfer = emu_null_xfer,
	.cs_deassert = emu_null_cs,
	.wire_rx = emu_null_wire_rx,
	.tx_done = emu_null_tx_done,
	.link_change = emu_null_link_change,
};
