#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# One emulated chip, driven by the driver under test (E2E_DRIVER), cabled
# to the emulator's plain peer netdev: known-good kernel code at the far
# end, so a fault seen here is the driver's (or the chip model's) alone.
#
#   netns spa                               netns spb
#   +--------------------+              +------------------+
#   | ethA 198.18.0.1    |              | emu0peer         |
#   |  driver            |              | 198.18.0.2       |
#   |  SPI: emu0 (CHIP)  |=== cable ====| (plain netdev)   |
#   +--------------------+  100 Mbit/s  +------------------+
#
# E2E_CHIP (default dm9051), E2E_IPERF_T (seconds, default 3), E2E_PROFILE
# (bus timing, default pi4), E2E_STRICT (1: the emulator's strict mode).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/emu.sh"

chip=${E2E_CHIP:-dm9051}
: "${E2E_DRIVER:=spinet}"
profile=${E2E_PROFILE:-pi4}
t0=$SECONDS

cleanup() {
	ip -n spa link set "$A" down 2>/dev/null
	ip netns del spa 2>/dev/null
	ip netns del spb 2>/dev/null
	emu_ctl del emu0 2>/dev/null
}
trap cleanup EXIT

setup() {
	emu_ctl add "$chip" && emu_ctl profile emu0 "$profile" &&
	emu_oracle_quirks emu0 &&
	echo "${E2E_STRICT:-0}" >"$EMU_DBG/emu0/strict" &&
	emu_ctl peer emu0 &&
	wait_for 5 emu_netdev emu0 >/dev/null &&
	ip link show emu0peer >/dev/null
}

into_netns() {
	[ -n "$A" ] &&
	ip netns add spa && ip netns add spb &&
	ip link set "$A" netns spa && ip link set emu0peer netns spb &&
	ip -n spa addr add $E2E_IP4_A/24 dev "$A" &&
	ip -n spb addr add $E2E_IP4_B/24 dev emu0peer &&
	ip -n spa addr add $E2E_IP6_A/64 dev "$A" nodad &&
	ip -n spb addr add $E2E_IP6_B/64 dev emu0peer nodad &&
	ip -n spa link set "$A" up && ip -n spb link set emu0peer up
}

carrier() { [ "$(ip netns exec spa cat /sys/class/net/"$A"/carrier)" = 1 ]; }

iperf() { # FROM-NS TO-ADDR [iperf3 options]
	local from=$1 to=$2
	shift 2
	e2e_tcp_rate "$from" "$to" \
		"iperf3 TCP $* $E2E_DRIVER $chip to the peer netdev ($profile)" "$@"
}

# The driver's counters equal the chip's: every frame the driver sent left
# on the wire, every frame the chip stored reached the driver.
counters_agree() {
	local e1 e2 d
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.5
		e1="$(emu_counter emu0 tx_frames) $(emu_counter emu0 rx_stored)"
		d="$(netdev_stat spa "$A" tx_packets) $(netdev_stat spa "$A" rx_packets)"
		e2="$(emu_counter emu0 tx_frames) $(emu_counter emu0 rx_stored)"
		[ "$e1" = "$e2" ] || continue
		echo "emulator (tx rx): $e1; driver: $d"
		[ "$e1" = "$d" ]
		return
	done
	echo "the counters never stood still"
	return 1
}

e2e_check "$E2E_DRIVER probes a $chip chip cabled to the peer netdev" setup
A=$(emu_netdev emu0)
e2e_check "the interface and the peer come up in two namespaces" into_netns
e2e_check "carrier within 10 s" wait_for 10 carrier
e2e_check "ping IPv4 the peer" ip netns exec spa ping -c 5 -i 0.2 -W 2 $E2E_IP4_B
e2e_check "ping IPv6 the peer" ip netns exec spa ping -6 -c 5 -i 0.2 -W 2 $E2E_IP6_B
e2e_check "iperf3 TCP to the peer" iperf spa $E2E_IP4_B
e2e_check "iperf3 TCP from the peer" iperf spa $E2E_IP4_B -R
e2e_check "driver and emulator counters agree" counters_agree
e2e_note "chip-peer took $((SECONDS - t0)) s"
e2e_finish
