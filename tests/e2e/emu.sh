# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers for end-to-end scripts that run against the chip emulator
# (tests/emu). Source after lib.sh.

EMU_DBG=/sys/kernel/debug/spinet-emu

emu_ctl() { echo "$*" >"$EMU_DBG/ctl"; }

# emu_counter CHIP NAME: one of the chip's counters.
emu_counter() { awk -v n="$2" '$1 == n { print $2 }' "$EMU_DBG/$1/counters"; }

# emu_spidev CHIP: the chip's SPI device name (spi0.0...).
emu_spidev() { awk -v c="$1" '$1 == c { print $3 }' "$EMU_DBG/ctl"; }

# emu_netdev CHIP: the netdev a driver created for the chip, if any.
emu_netdev() {
	local d
	for d in /sys/bus/spi/devices/"$(emu_spidev "$1")"/net/*; do
		[ -e "$d" ] && basename "$d" && return 0
	done
	return 1
}

# wait_for SECONDS COMMAND...: poll until the command succeeds.
wait_for() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.2
	done
}

# netdev_stat NS DEV FIELD: a counter from sysfs statistics in a namespace.
netdev_stat() { ip netns exec "$1" cat "/sys/class/net/$2/statistics/$3"; }

# emu_reg CHIP ADDR: one register of the chip, two hex digits, read through
# the model's side-effect-free view.
emu_reg() {
	local a=$(($2))
	awk -v l="$(printf '%02x:' $((a & 0xf0)))" -v f=$(((a & 15) + 2)) \
		'$1 == l { print $f }' "$EMU_DBG/$1/regs"
}
