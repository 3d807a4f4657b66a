#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Two emulated chips joined by the emulated cable, each driven by the driver
# under test (E2E_DRIVER: spinet or mainline) in its own network namespace:
# the driver probes, gets link, passes ping (IPv4, IPv6) and iperf3 TCP each
# way, and its counters agree with what the emulator saw on the wire.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | ethA 198.18.0.1    |                      | ethB 198.18.0.2    |
#   |  driver            |                      |  driver            |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#
# E2E_CHIP (default dm9051), E2E_IPERF_T (seconds, default 3), E2E_PROFILE
# (bus timing: pi4, fast or instant; default pi4), E2E_STRICT (1: the
# emulator's strict mode).
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=SCRIPTDIR/emu.sh
. "$(dirname "$0")/emu.sh"
# shellcheck source=SCRIPTDIR/pair.sh
. "$(dirname "$0")/pair.sh"

iperf() { # FROM-NS TO-ADDR [-R]
	e2e_tcp_rate "$1" "$2" \
		"iperf3 TCP ${3:+reverse }$E2E_DRIVER $chip ($profile)" ${3:+"$3"}
}

pair_start
e2e_check "ping IPv4" ip netns exec spa ping -c 5 -i 0.2 -W 2 $E2E_IP4_B
e2e_check "ping IPv6" ip netns exec spa ping -6 -c 5 -i 0.2 -W 2 $E2E_IP6_B
e2e_check "iperf3 TCP A to B for $t s" iperf spa $E2E_IP4_B
e2e_check "iperf3 TCP B to A for $t s" iperf spa $E2E_IP4_B -R
e2e_check "driver and emulator counters agree" counters_agree
no_refused() {
	local r0 r1
	r0=$(emu_counter emu0 tx_rejected) r1=$(emu_counter emu1 tx_rejected)
	echo "transmit requests refused: emu0 $r0, emu1 $r1"
	[ "$r0" = 0 ] && [ "$r1" = 0 ]
}
if [ "$E2E_DRIVER" = mainline ] && [ "$chip" = dm9051 ]; then
	e2e_skip "the chip refused no transmit request" \
		"mainline issues requests while a PAUSE holds both TX packet indexes"
else
	e2e_check "the chip refused no transmit request" no_refused
fi
for c in emu0 emu1; do
	e2e_note "$c: pause sent $(emu_counter $c tx_pause), pause received" \
		"$(emu_counter $c rx_pause), dropped for a full RX ring" \
		"$(emu_counter $c rx_drop_full), transmit requests refused" \
		"$(emu_counter $c tx_rejected), SPI messages" \
		"$(emu_counter $c spi_messages)"
done
pair_took
e2e_finish
