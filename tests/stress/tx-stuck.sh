#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A transmission that never completes (test plan: "TX never completes").
# While B sends UDP to A, B's chip takes a transmit request and never
# finishes it (fault_tx_stuck for 50 ms: the request it took then stays
# stuck until the chip is reset), 10 times. B's queue fills and stops; the
# stack's TX watchdog (2 s) must fire, the driver count it (tx_timeouts +1,
# tx_errors +1), reset the chip in process context (chip_resets +1; an
# atomic-context reset would be reported on the console) and traffic
# resume within 1 s of the watchdog. The watchdog's timer runs every 2 s,
# so it fires between 2 and 4 s after the queue stopped: the script allows
# 5 s from the fault to the watchdog, and reports both times.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client (-R) <------------------ server; fault_tx_stuck
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 10)
knob=$EMU_DBG/emu1/fault_tx_stuck
declare -A s0 s1

# stuck: one stuck transmission; fails (saying why) unless the watchdog
# fires within 5 s and A receives from B within 1 s after it.
stuck() {
	local t0 e wd
	stress_get e "$SB/statistics/tx_errors"
	stress_now t0
	echo 1 >"$knob"
	stress_nap 0.05
	echo 0 >"$knob"
	stress_wait_gt "$SB/statistics/tx_errors" "$e" 5000 ||
		{ why="no watchdog within 5 s"; return 1; }
	wd=$STRESS_AT
	detect+=("$((wd - t0))")
	stress_back "$SA/statistics/rx_packets" "$wd" 1000 ||
		{ why="no frame from B within 1 s of the watchdog"; return 1; }
	rec+=("$STRESS_MS")
}

stuck_ok() {
	local k
	for k in tx_timeouts tx_errors chip_resets; do
		echo "$k +$((s1[$k] - s0[$k])) (want +$n)"
		[ $((s1[$k] - s0[$k])) -eq "$n" ] || lost=$((lost + 1))
	done
	echo "$lost failures${why:+ (last: $why)}; watchdog $wd_summary; traffic $STRESS_SUMMARY"
	[ "$lost" -eq 0 ] && stress_within 1000
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "iperf3 UDP from B to A runs" stress_load_start 3600 -u -b 4M -R
e2e_check "A receives from B" stress_moving "$SA/statistics/rx_packets"

stress_ethtool s0 spb "$B"
rec=() detect=() lost=0 why=
for ((i = 0; i < n; i++)); do
	stuck || { lost=$((lost + 1)); stress_moving "$SA/statistics/rx_packets" || break; }
done
stress_ethtool s1 spb "$B"
stress_stats "TX stuck: fault to watchdog" "${detect[@]}"
wd_summary=$STRESS_SUMMARY
stress_stats "TX stuck: watchdog to traffic" "${rec[@]}"
stress_verdict "TX never completes" "$n" \
	"tx_timeouts, tx_errors, chip_resets +$n each" \
	"tx_timeouts +$((s1[tx_timeouts] - s0[tx_timeouts])), tx_errors +$((s1[tx_errors] - s0[tx_errors])), chip_resets +$((s1[chip_resets] - s0[chip_resets]))" \
	"watchdog $wd_summary; then traffic $STRESS_SUMMARY" \
	"$n stuck transmissions: watchdog, tx_timeouts/tx_errors/chip_resets +1 each, traffic within 1 s" \
	stuck_ok
stress_load_stop
e2e_check "ping passes" stress_ping spb $E2E_IP4_A
pair_took
e2e_finish
