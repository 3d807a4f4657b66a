#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# RX overflow (test plan: "RX overflow"): B's chip drops frames because
# its RX memory is full, and the driver must count exactly what the chip
# dropped (the chip's ROCR counter, read on its overflow interrupt, into
# rx_over_errors), come back within 100 ms and never stall.
#
#  - forced: while iperf3 sends UDP from A to B, the emulator drops every
#    arriving frame as an overflow for 100 ms (fault_rx_full), 20 times;
#    rx_over_errors moves by what the chip counted (rx_drop_full), no
#    interrupt counts as one without a cause (an overflow is a cause), and
#    the driver hands up the first frame the chip stores after each window
#    within 100 ms of its arrival (the recovery; how long that first frame
#    took to come is the sender's pacing, and is printed too);
#  - real: B's bus slowed to 2 MHz and its flow control off (no PAUSE
#    frames), A sends UDP at 20 Mbit/s for 3 s: B's chip overflows for
#    real; rx_over_errors moves by rx_drop_full, B drains its chip after
#    the burst (the recovery time: from the end of the burst until B has
#    read everything its chip holds), and ping passes once the bus and
#    flow control are back.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client ------------------------> server; fault_rx_full
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 20)
knob=$EMU_DBG/emu1/fault_rx_full
stored=$EMU_DBG/emu1/rx_stored
declare -A c0 c1 s0 s1
o0=0 o1=0

# counted BASE_OVER BASE_DROP: B counted every drop its chip made since the
# bases: rx_over_errors moved as much as rx_drop_full.
counted() {
	local o
	stress_get o "$SB/statistics/rx_over_errors"
	emu_counters c1 emu1
	[ $((o - $1)) -eq $((c1[rx_drop_full] - $2)) ]
}

# window: one forced overflow; fails (saying why) unless B counts what the
# chip dropped and hands up the first frame stored after it within 100 ms.
window() {
	local o d t0 now end p s ts
	stress_get o "$SB/statistics/rx_over_errors"
	emu_counters c0 emu1
	d=${c0[rx_drop_full]}
	echo 1 >"$knob"
	stress_nap 0.1
	echo 0 >"$knob"
	stress_now t0
	stress_get p "$SB/statistics/rx_packets"
	stress_get s "$stored"
	# The driver recovers from when a frame is there to read.
	stress_wait_gt "$stored" "$s" 1000 ||
		{ why="the chip stored no frame within 1 s"; return 1; }
	ts=$STRESS_AT
	first_ms+=($((ts - t0)))
	stress_wait_gt "$SB/statistics/rx_packets" "$p" 100 ||
		{ why="no frame handed up within 100 ms of one stored"; return 1; }
	back_ms+=($((STRESS_AT > ts ? STRESS_AT - ts : 0)))
	# The last drops are counted at the next interrupt.
	end=$((t0 + 1000))
	until counted "$o" "$d"; do
		stress_now now
		[ "$now" -lt "$end" ] || { why="rx_over_errors != rx_drop_full"; return 1; }
		stress_nap 0.01
	done
	[ $((c1[rx_drop_full] - d)) -gt 0 ] || { why="the chip dropped nothing"; return 1; }
}

# forced_ok: the forced windows' verdict.
forced_ok() {
	echo "rx_over_errors +$over, rx_drop_full +$drop, irqs_without_cause +$none"
	echo "$lost of $n windows failed${why:+ (last: $why)}; recovery $STRESS_SUMMARY"
	echo "first frame stored after the window: $first_summary (the sender's pacing)"
	# every window ran: recovered or counted as lost
	[ $((${#back_ms[@]} + lost)) -eq "$n" ] &&
	[ "$over" -eq "$drop" ] && [ "$drop" -gt 0 ] && [ "$none" -eq 0 ] &&
		[ "$lost" -eq 0 ] && stress_within 100
}

# drained: B has read everything its chip holds (the RX read pointer MRR,
# 0x74/0x75, has caught up with the write pointer RWPA, 0x24/0x25).
drained() {
	local l lo
	local -A r
	while read -r l lo; do r[$l]=$lo; done <"$EMU_DBG/emu1/regs"
	read -r -a lo <<<"${r[20:]}"
	local rwpa=${lo[4]}${lo[5]}
	read -r -a lo <<<"${r[70:]}"
	[ "${lo[4]}${lo[5]}" = "$rwpa" ]
}

# burst: UDP at 20 Mbit/s from A to B for 3 s while B cannot keep up.
burst() {
	local out=$STRESS_TMP/burst.json
	e2e_iperf3 "$out" spa -c $E2E_IP4_B -u -b 20M -t 3 || return 1
	stress_now burst_end
	jq '.end.sum.packets' "$out"
}
real_ok() {
	echo "rx_over_errors +$over, rx_drop_full +$drop, drained in $drain ms"
	[ "$over" -eq "$drop" ] && [ "$drop" -gt 0 ] && [ "$drain" -ge 0 ] &&
		[ "$drain" -le 1000 ]
}
slow() {
	echo "$1" >"$EMU_DBG/emu1/timing_hz" &&
	ip netns exec spb ethtool -A "$B" autoneg off rx "$2" tx "$2"
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "iperf3 UDP from A to B runs" stress_load_start 3600 -u -b 4M
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

stress_ethtool s0 spb "$B"
stress_get o0 "$SB/statistics/rx_over_errors"
emu_counters c0 emu1
d0=${c0[rx_drop_full]}
back_ms=() first_ms=() lost=0 why=
for ((i = 0; i < n; i++)); do
	window || lost=$((lost + 1))
done
stress_get o1 "$SB/statistics/rx_over_errors"
emu_counters c1 emu1
stress_ethtool s1 spb "$B"
over=$((o1 - o0)) drop=$((c1[rx_drop_full] - d0))
none=$((s1[irqs_without_cause] - s0[irqs_without_cause]))
stress_stats "forced overflow: first frame stored after the window" "${first_ms[@]}"
first_summary=$STRESS_SUMMARY
stress_stats "forced overflow recovery" "${back_ms[@]}"
stress_verdict "RX overflow, forced (100 ms windows)" "$n" \
	"rx_over_errors +$drop (rx_drop_full)" "rx_over_errors +$over" "$STRESS_SUMMARY" \
	"$n forced overflows: rx_over_errors = the chip's drops, no interrupt without cause, each first frame stored handed up within 100 ms" \
	forced_ok
stress_load_stop

e2e_check "B's bus at 2 MHz, its flow control off" slow 2000000 off
stress_get o0 "$SB/statistics/rx_over_errors"
emu_counters c0 emu1
burst_end=0
e2e_check "iperf3 UDP at 20 Mbit/s from A to B for 3 s" burst
stress_now burst_end # e2e_check ran burst in a subshell: the end is now
drain=-1
wait_for 5 drained && { stress_now t; drain=$((t - burst_end)); }
wait_for 2 counted "$o0" "${c0[rx_drop_full]}"
stress_get o1 "$SB/statistics/rx_over_errors"
emu_counters c1 emu1
over=$((o1 - o0)) drop=$((c1[rx_drop_full] - c0[rx_drop_full]))
stress_verdict "RX overflow, real (2 MHz bus, no PAUSE)" "3 s burst" \
	"rx_over_errors +$drop (rx_drop_full)" "rx_over_errors +$over" "drained in $drain ms" \
	"a real overflow: rx_over_errors = the chip's $drop drops, drained within 1 s" real_ok
e2e_check "bus and flow control restored" slow 30000000 on
# Flow control changed: the PHYs negotiate again.
e2e_check "carrier on both within 10 s" \
	eval 'stress_wait_eq "$SB/carrier" 1 10000 && stress_wait_eq "$SA/carrier" 1 10000'
e2e_check "ping passes after the overflows" stress_ping spa $E2E_IP4_B
pair_took
e2e_finish
