#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A chip that stops answering (test plan: "dead chip"). While iperf3 sends
# UDP from A to B, B's chip answers every SPI byte with 0xff (a MISO line
# pulled up, a chip without power), 5 times, and then with 0x00 (MISO
# pulled down), 5 times, for 4 s each (fault_dead, fault_dead_byte); frames
# keep arriving, so the chip's interrupt line stays asserted. The driver
# must:
#  - take the carrier down within 2 s (the link is unknown);
#  - from then on retry a bounded number of times and not spin: at most
#    one chip reset a second (chip_resets) and five runs of the bus owner
#    a second (bus_owner_runs), measured between two ethtool -S; no
#    interrupt storm (the kernel would disable the line: "nobody cared"
#    on the console);
#  - recover when the chip answers again: carrier and frames within 2 s
#    (its retry period, 1 s, and the link's return).
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client ------------------------> server; fault_dead
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 5)
dead_s=4
K=$EMU_DBG/emu1
declare -A d0 d1

# dead: the chip dead for dead_s seconds, then back; fails (saying why)
# unless the carrier goes within 2 s, and carrier and frames are back
# within 2 s of the chip's return. Records the owner's runs and the resets
# while dead, and the recovery time.
dead() {
	local t0 t1 ta tb end now w=
	stress_now t0
	echo 1 >"$K/fault_dead"
	stress_wait_eq "$SB/carrier" 0 2000 || w="carrier still on after 2 s"
	[ -z "$w" ] && off+=("$((STRESS_AT - t0))")
	# From here the chip is known not to answer: how busy is the driver?
	stress_ethtool d0 spb "$B"
	stress_now ta
	end=$((t0 + dead_s * 1000))
	stress_now now
	[ "$now" -lt "$end" ] && stress_nap "$(((end - now) / 1000)).$(printf %03d $(((end - now) % 1000)))"
	stress_ethtool d1 spb "$B"
	stress_now tb
	runs+=("$((d1[bus_owner_runs] - d0[bus_owner_runs]))")
	resets+=("$((d1[chip_resets] - d0[chip_resets]))")
	wins+=("$((tb - ta))")
	stress_now t1
	echo 0 >"$K/fault_dead"
	[ -z "$w" ] || { why=$w; return 1; }
	stress_wait_eq "$SB/carrier" 1 2000 || { why="no carrier within 2 s of the chip's return"; return 1; }
	stress_back "$SB/statistics/rx_packets" "$t1" 2000 ||
		{ why="no frame within 2 s of the chip's return"; return 1; }
	rec+=("$STRESS_MS")
}

dead_ok() {
	local i ok=0
	echo "while dead: owner runs ${runs[*]}; resets ${resets[*]}; over ${wins[*]} ms"
	echo "carrier off after: ${off[*]} ms; $lost of $n failed${why:+ (last: $why)}; recovery $STRESS_SUMMARY"
	for i in "${!wins[@]}"; do
		[ $((runs[i] * 1000)) -le $((5 * wins[i] + 1000)) ] || ok=1
		[ $((resets[i] * 1000)) -le $((wins[i] + 1000)) ] || ok=1
	done
	[ $ok -eq 0 ] && [ "$lost" -eq 0 ] && stress_within 2000
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "A and B know each other's address for good" stress_static_neigh
stress_do "iperf3 UDP from A to B runs" stress_load_start 3600 -u -b 4M
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

for byte in 255 0; do
	echo "$byte" >"$K/fault_dead_byte"
	rec=() off=() runs=() resets=() wins=() lost=0 why=
	for ((i = 0; i < n; i++)); do
		dead || { lost=$((lost + 1)); stress_wait_eq "$SB/carrier" 1 10000; }
	done
	stress_stats "dead chip ($byte) recovery" "${rec[@]}"
	hex=$(printf '0x%02x' "$byte")
	stress_verdict "dead chip (reads $hex, ${dead_s} s)" "$n" \
		"while dead: resets <= 1/s, owner runs <= 5/s" \
		"resets ${resets[*]}, runs ${runs[*]} in ${wins[*]} ms" "$STRESS_SUMMARY" \
		"chip reading $hex for ${dead_s} s, $n times: bounded retries, carrier off, back within 2 s" \
		dead_ok
done
e2e_check "B still receives" stress_moving "$SB/statistics/rx_packets"
stress_load_stop
e2e_check "ping passes" stress_ping spa $E2E_IP4_B
pair_took
e2e_finish
