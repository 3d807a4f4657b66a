#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Link flaps (test plan: "link flaps"): the cable between A and B pulled
# and plugged 1000 times while UDP flows both ways, each time waiting for
# A's and B's carrier to follow (auto-negotiation set to take no time, so
# that the loop measures the driver and phylib, not the 1.5 s a real PHY
# takes), then 200 times as fast as the emulator's ctl takes it (0 to 20
# ms apart), without waiting. Afterwards:
#  - B's and A's carrier_up_count and carrier_down_count moved by exactly
#    the number of flaps of the first loop, and by as many ups as downs
#    over the second (phylib may miss a pair that comes faster than it
#    reads the PHY, never a half);
#  - the carrier is up, frames flow both ways, no TX watchdog fired (a
#    queue left stopped would), and once the traffic stops every byte BQL
#    saw queued was completed (inflight 0) on both;
#  - the time from plugging the cable to B's carrier is reported.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |==== cable (flaps) ===|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP --bidir <---------------------> server
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 1000)
m=$(stress_n 200)
declare -A c0 c1 s0 s1

# counts ARRAY: the carrier counters of A and B.
counts() {
	local -n _c=$1
	stress_get "_c[aup]" "$SA/carrier_up_count"
	stress_get "_c[adown]" "$SA/carrier_down_count"
	stress_get "_c[bup]" "$SB/carrier_up_count"
	stress_get "_c[bdown]" "$SB/carrier_down_count"
}
delta() { echo $((c1[$1] - c0[$1])); }

# flap: pull the cable, the carrier of B and of A goes; plug it, B's and
# A's carrier returns; appends the time from plug to carrier to rec.
flap() {
	local t0
	emu_ctl link emu0 down
	stress_wait_eq "$SB/carrier" 0 2000 || { why="carrier stayed up"; return 1; }
	stress_wait_eq "$SA/carrier" 0 2000 || { why="carrier stayed up on A"; return 1; }
	stress_now t0
	emu_ctl link emu0 up
	stress_wait_eq "$SB/carrier" 1 2000 || { why="no carrier within 2 s"; return 1; }
	stress_wait_eq "$SA/carrier" 1 2000 || { why="no carrier on A within 2 s"; return 1; }
	rec+=("$((STRESS_AT - t0))")
}
slow_ok() {
	local k
	for k in aup adown bup bdown; do echo "$k +$(delta $k)"; done
	echo "$lost of $n failed${why:+ (last: $why)}; carrier after $STRESS_SUMMARY"
	for k in aup adown bup bdown; do [ "$(delta $k)" -eq "$n" ] || return 1; done
	[ "$lost" -eq 0 ]
}
fast_ok() {
	local k
	for k in aup adown bup bdown; do echo "$k +$(delta $k)"; done
	[ "$(delta aup)" -eq "$(delta adown)" ] && [ "$(delta bup)" -eq "$(delta bdown)" ] &&
		[ "$(delta bup)" -ge 1 ] && [ "$(delta bup)" -le "$m" ]
}
no_timeouts() {
	echo "tx_timeouts: A +$(($1 - s0[tx_timeouts])), B +$(($2 - s1[tx_timeouts]))"
	[ "$1" -eq "${s0[tx_timeouts]}" ] && [ "$2" -eq "${s1[tx_timeouts]}" ]
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "iperf3 UDP both ways runs" stress_load_start 3600 -u -b 2M --bidir
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"
stress_ethtool s0 spa "$A"
stress_ethtool s1 spb "$B"

counts c0
rec=() lost=0 why=
for ((i = 0; i < n; i++)); do
	flap || { lost=$((lost + 1)); emu_ctl link emu0 up; stress_wait_eq "$SB/carrier" 1 5000; }
done
counts c1
stress_stats "link flap: plug to carrier" "${rec[@]}"
stress_verdict "link flaps, waiting for carrier" "$n" \
	"carrier up/down +$n each, A and B" \
	"A +$(delta aup)/+$(delta adown), B +$(delta bup)/+$(delta bdown)" \
	"carrier $STRESS_SUMMARY" \
	"$n flaps: every one seen by A and B (carrier_up_count, carrier_down_count)" slow_ok

counts c0
for ((i = 0; i < m; i++)); do
	emu_ctl link emu0 down
	stress_nap "0.0$((RANDOM % 21))"
	emu_ctl link emu0 up
	stress_nap "0.0$((RANDOM % 21))"
done
e2e_check "after fast flaps, carrier on both within 2 s" \
	eval 'stress_wait_eq "$SB/carrier" 1 2000 && stress_wait_eq "$SA/carrier" 1 2000'
counts c1
stress_verdict "link flaps, fast (0-20 ms apart)" "$m" \
	"carrier ups = downs, A and B" \
	"A +$(delta aup)/+$(delta adown), B +$(delta bup)/+$(delta bdown)" "-" \
	"$m fast flaps: as many carrier ups as downs on A and B" fast_ok

e2e_check "frames flow both ways after the flaps" \
	eval 'stress_moving "$SB/statistics/rx_packets" && stress_moving "$SA/statistics/rx_packets"'
stress_load_stop
declare -A x
stress_ethtool x spa "$A"
ta=${x[tx_timeouts]}
stress_ethtool x spb "$B"
e2e_check "no TX watchdog fired on A or B" no_timeouts "$ta" "${x[tx_timeouts]}"
e2e_check "BQL has nothing in flight once idle, A and B" stress_idle_bql
e2e_check "ping passes both ways" \
	stress_ping_both
pair_took
e2e_finish
