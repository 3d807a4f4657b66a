#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Interface down and up under traffic (test plan: "ifdown/ifup under
# traffic"): B taken down and up 300 times while iperf3 sends TCP both
# ways (auto-negotiation takes no time, stress.sh: B's close powers its PHY
# down, and the loop measures the driver, not the 1.5 s a real PHY takes
# to negotiate). After each up: B's carrier within 2 s, and B both sends
# and receives again within 2 s (no TX stall after re-open: ping from B,
# every tenth time, the rest of the time the TCP traffic's own frames);
# B's packet counters never go backwards (they live in the device, not in
# the open state). At the end: a fresh iperf3 run passes both ways, BQL
# has nothing in flight once idle, and kmemleak (uml-run) finds nothing.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 TCP --bidir, 1 Mbit/s each way <--> server; down/up
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 300)

# cycle I: B down and up; fails (saying why) unless carrier, TX and RX are
# back within 2 s each and no counter went backwards. Appends the time from
# "up" to B's first transmitted frame to rec.
cycle() {
	local t0 rx tx
	ip -n spb link set "$B" down || { why="ip link set down failed"; return 1; }
	stress_get rx "$SB/statistics/rx_packets"
	stress_get tx "$SB/statistics/tx_packets"
	if [ "$rx" -lt "$rx_last" ] || [ "$tx" -lt "$tx_last" ]; then
		why="counters went backwards: rx $rx_last -> $rx, tx $tx_last -> $tx"
		return 1
	fi
	rx_last=$rx tx_last=$tx
	stress_now t0
	ip -n spb link set "$B" up || { why="ip link set up failed"; return 1; }
	stress_wait_eq "$SB/carrier" 1 2000 || { why="no carrier within 2 s"; return 1; }
	if [ $(($1 % 10)) -eq 0 ]; then
		ip netns exec spb ping -c 1 -W 2 $E2E_IP4_A >/dev/null ||
			{ why="ping from B failed"; return 1; }
	fi
	stress_back "$SB/statistics/tx_packets" "$t0" 2000 ||
		{ why="B sent nothing within 2 s"; return 1; }
	rec+=("$STRESS_MS")
	stress_back "$SB/statistics/rx_packets" "$t0" 2000 ||
		{ why="B received nothing within 2 s"; return 1; }
}
cycles_ok() {
	echo "$lost of $n failed${why:+ (last: $why)}; first frame sent $STRESS_SUMMARY after up"
	[ "$lost" -eq 0 ]
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "iperf3 TCP both ways runs, 1 Mbit/s each way" stress_load_start 3600 --bidir -b 1M
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

rx_last=0 tx_last=0
rec=() lost=0 why=
for ((i = 0; i < n; i++)); do
	cycle "$i" || { lost=$((lost + 1)); ip -n spb link set "$B" up; }
done
stress_stats "down/up: up to the first frame sent" "${rec[@]}"
stress_verdict "interface down/up under TCP" "$n" \
	"carrier, TX, RX back; counters monotonic" "$((n - lost)) of $n" \
	"first frame sent $STRESS_SUMMARY" \
	"$n down/up under iperf3: carrier, TX and RX within 2 s each, counters never backwards" \
	cycles_ok
stress_load_stop
e2e_check "BQL has nothing in flight once idle, A and B" stress_idle_bql
e2e_check "a fresh iperf3 TCP run passes both ways" stress_bidir
pair_took
e2e_finish
