#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The device-tree probe path: the two chips of tests/dt/CHIP.dts, made by
# the emulator from the tree the guest booted with (scripts/e2e), probed by
# the driver through its of_match table. The driver must take from the
# tree what a board's overlay gives it: the MAC (not the chip's EEPROM
# one), the SPI clock, and the interrupt with its trigger type (one chip
# level-low, the other falling-edge). Then the same topology as
# chip-basic: ping and iperf3 TCP each way. Mainline skips what it cannot
# do, each with its reason (below).
E2E_DT=1
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=SCRIPTDIR/emu.sh
. "$(dirname "$0")/emu.sh"
# shellcheck source=SCRIPTDIR/pair.sh
. "$(dirname "$0")/pair.sh"

# dt_node CHIP: the chip's device's node in /sys/firmware/devicetree.
dt_node() { readlink -f "$(emu_devpath "$1")/of_node"; }
# dt_u32 CHIP PROP [N]: the Nth (default 1st) cell of a property.
dt_u32() {
	od -An -tu4 --endian=big "$(dt_node "$1")/$2" |
		awk -v n="${3:-1}" '{ print $n }'
}
dt_mac() { od -An -tx1 "$(dt_node "$1")/local-mac-address" | xargs | tr ' ' ':'; }

has_node() {
	[ -f "$(dt_node "$1")/compatible" ] || { echo "$1: no device tree node"; return 1; }
	echo "$1: $(dt_node "$1")"
}

# has_mac CHIP NS DEV: DEV (in NS, or in this namespace if NS is empty) has
# the tree's address, as a permanent one.
has_mac() {
	local want got type in=()
	[ -n "$2" ] && in=(ip netns exec "$2")
	want=$(dt_mac "$1")
	got=$("${in[@]}" cat "/sys/class/net/$3/address")
	type=$("${in[@]}" cat "/sys/class/net/$3/addr_assign_type")
	echo "$1: tree $want, $3 $got (addr_assign_type $type)"
	[ -n "$want" ] && [ "$want" = "$got" ] && [ "$type" = 0 ]
}

# bus_fits CHIP: a memory-mapped chip's driver took its data port's width
# from the tree and the chip: no access wider than the chip's bus (the
# tree's data port is 2 bytes for the 16-bit emu0, 1 for the 8-bit emu1).
bus_fits() {
	local n
	n=$(emu_counter "$1" spi_errors)
	echo "$1: $(emu_counter "$1" spi_messages) bus accesses, $n wider than its bus"
	[ "$n" = 0 ] && [ "$(emu_counter "$1" spi_messages)" -gt 0 ]
}

# has_clock CHIP: the driver clocks the bus at the tree's spi-max-frequency.
has_clock() {
	local want got
	want=$(dt_u32 "$1" spi-max-frequency)
	got=$(cat "$EMU_DBG/$1/spi_hz")
	echo "$1: tree $want Hz, last transfer $got Hz"
	[ -n "$want" ] && [ "$want" = "$got" ]
}

# has_irq CHIP: the driver's interrupt is the chip's line, with the tree's
# trigger type, and it has fired.
has_irq() {
	local want virq type n
	want=$(dt_u32 "$1" interrupts 2)
	virq=$(awk '$1 == "virq" { print $2 }' "$EMU_DBG/$1/irq")
	type=$(awk '$1 == "type" { print $2 }' "$EMU_DBG/$1/irq")
	n=$(awk -v i="$virq:" '$1 == i { print $2 }' /proc/interrupts)
	echo "$1: tree type $want; line $virq type $type; irq $virq handled ${n:-none} times"
	[ -n "$want" ] && [ "$want" = "$type" ] && [ "${n:-0}" -gt 0 ]
}

booted() {
	[ -d /sys/firmware/devicetree/base/spinet-emu ] ||
		{ echo "no /spinet-emu in the device tree: boot with --dtb"; return 1; }
}
e2e_check "the guest booted with the chips' device tree" booted || { e2e_finish; exit; }
pair_start
for c in emu0 emu1; do
	e2e_check "$c has a device tree node" has_node $c
done
# emu1's board has an EEPROM holding another address than the tree's;
# emu0's has none (davicom,no-eeprom).
mac_check() { # CHIP WHAT ARGS...
	local c=$1
	shift
	if [ "$E2E_DRIVER" = mainline ] && [ "$chip" = dm9051 ]; then
		e2e_skip "$1" "mainline dm9051 ignores local-mac-address: EEPROM or random"
	elif [ "$E2E_DRIVER" = mainline ] && [ "$chip" = dm9000 ] && [ "$c" = emu1 ]; then
		e2e_skip "$1" "mainline dm9000 takes the EEPROM's address over local-mac-address"
	else
		e2e_check "$@"
	fi
}
# Mainline programs the pin active-high for any trigger but level-low
# (dm9051_intcr_value()), so on a falling-edge line it sees one edge, the
# pin's idle level moving when INTCR is written, and then none: emu1
# receives nothing.
edge_check() { # WHAT ARGS...
	if [ "$E2E_DRIVER" = mainline ] && [ "$chip" = dm9051 ]; then
		e2e_skip "$1" "mainline dm9051 sets the pin active-high on a falling-edge line"
	else
		e2e_check "$@"
	fi
}
mac_check emu0 "$A has the MAC its tree gives" has_mac emu0 spa "$A"
mac_check emu1 "$B has the MAC its tree gives" has_mac emu1 spb "$B"
edge_check "ping IPv4 A to B" ip netns exec spa ping -c 5 -i 0.2 -W 2 $E2E_IP4_B
edge_check "ping IPv4 B to A" ip netns exec spb ping -c 5 -i 0.2 -W 2 $E2E_IP4_A
# emu1 is the edge-triggered one: status left set after an acknowledge
# must not stall it under load.
edge_check "iperf3 TCP A to B for $t s" e2e_tcp_rate spa $E2E_IP4_B "iperf3 TCP $E2E_DRIVER $chip (tree)"
edge_check "iperf3 TCP B to A for $t s" e2e_tcp_rate spa $E2E_IP4_B "iperf3 TCP reverse $E2E_DRIVER $chip (tree)" -R
for c in emu0 emu1; do
	if [ "$(emu_bus $c)" = platform ]; then
		e2e_check "$c: no bus access wider than the chip's data bus" bus_fits $c
	else
		e2e_check "$c: the SPI clock is the tree's" has_clock $c
	fi
done
# Frames towards emu0 (ARP at least, even where emu1 cannot receive the
# replies), so that its interrupt has fired for any driver.
ip netns exec spb ping -c 2 -i 0.2 -W 1 $E2E_IP4_A >/dev/null 2>&1
e2e_check "emu0: the interrupt and its trigger are the tree's" has_irq emu0
# Mainline w5100 asks for IRQF_TRIGGER_LOW whatever the tree says, which
# turns emu1's falling-edge line into a level-low one: it works, but the
# trigger is not the tree's.
if [ "$E2E_DRIVER" = mainline ] && [ "$chip" = w5500 ]; then
	e2e_skip "emu1: the interrupt and its trigger are the tree's" \
		"mainline w5100 requests IRQF_TRIGGER_LOW, overriding the tree's falling edge"
else
	edge_check "emu1: the interrupt and its trigger are the tree's" has_irq emu1
fi

# A fresh probe (unbind, bind) takes the tree's MAC again.
rebind() {
	local dev drv
	local bus
	dev=$(emu_spidev emu1)
	bus=$(emu_bus emu1)
	drv=$(basename "$(readlink -f "$(emu_devpath emu1)/driver")")
	ip -n spb link set "$B" down &&
	echo "$dev" >"/sys/bus/$bus/drivers/$drv/unbind" &&
	echo "$dev" >"/sys/bus/$bus/drivers/$drv/bind" &&
	wait_for 5 emu_netdev emu1 >/dev/null
}
if [ "$E2E_DRIVER" = mainline ] && [ "$chip" = w5500 ]; then
	# Its IRQF_TRIGGER_LOW stays on the interrupt's mapping after unbind,
	# and the next probe's mapping with the tree's falling edge is refused
	# ("irq: type mismatch"), so the probe fails with -EBUSY.
	for what in "emu1 unbinds and binds again" "after binding again, the MAC is the tree's"; do
		e2e_skip "$what" "mainline w5100's IRQF_TRIGGER_LOW outlives unbind: the tree's falling edge no longer maps (-EBUSY)"
	done
else
	e2e_check "emu1 unbinds and binds again" rebind
	mac_check emu1 "after binding again, the MAC is the tree's" \
		has_mac emu1 "" "$(emu_netdev emu1)"
fi
pair_took
e2e_finish
