#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Corrupt RX headers (test plan: "corrupt RX header"). While iperf3 sends
# UDP from A to B, the emulator corrupts the header of the next frame B's
# chip stores (fault_rx_hdr), each of its six ways, 20 times each. What
# the driver must do with each (spinet_dm9051.c, davicom_rx_check()):
#
#   kind                      counter            reset
#   1 ready byte 0x02         rx_frame_errors    yes (read pointer lost)
#   2 status with CRC error   rx_crc_errors      no (a whole bad frame, skipped)
#   3 length 0                rx_length_errors   yes
#   4 length 10 (< header)    rx_length_errors   yes
#   5 length 2500 (> frame)   rx_length_errors   yes
#   6 length 0x4000 (> ring)  rx_length_errors   yes
#
# Per kind: that counter moves by exactly one per injection and the other
# two not at all, chip_resets moves by one per injection or not at all as
# the table says, and after each injection frames arrive again within 1 s
# (the recovery time: from the injection to the first frame B receives
# after the error was counted). KASAN watches the out-of-bounds reads a
# trusted length would cause.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client ------------------------> server; fault_rx_hdr
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 20)
kinds=(- "bad ready byte" "error status" "length 0" "length < header"
	"length > frame" "length > ring")
counter=(- rx_frame_errors rx_crc_errors rx_length_errors rx_length_errors
	rx_length_errors rx_length_errors)
resets=(- 1 0 1 1 1 1)
errs=(rx_frame_errors rx_crc_errors rx_length_errors)
knob=$EMU_DBG/emu1/fault_rx_hdr

# inject KIND: one corrupt header; fails (saying why in "why") unless it is
# stored, counted and followed by good frames within 1 s. Appends the
# recovery time to rec.
inject() {
	local c=$SB/statistics/${counter[$1]} base t0
	stress_get base "$c"
	stress_now t0
	echo "$1" >"$knob"
	stress_wait_eq "$knob" 0 2000 || { why="no frame stored within 2 s"; return 1; }
	stress_wait_gt "$c" "$base" 2000 || { why="${counter[$1]} did not move"; return 1; }
	stress_back "$SB/statistics/rx_packets" "$t0" 1000 ||
		{ why="no frame received within 1 s"; return 1; }
	rec+=("$STRESS_MS")
}

# verdict KIND: the counters moved as the table at the top says.
verdict() {
	local k=$1 c want ok=0
	for c in "${errs[@]}"; do
		want=0
		[ "$c" = "${counter[$k]}" ] && want=$n
		echo "$c +$((e1[$c] - e0[$c])) (want +$want)"
		[ $((e1[$c] - e0[$c])) -eq "$want" ] || ok=1
	done
	echo "chip_resets +$((s1[chip_resets] - s0[chip_resets])) (want +$((n * resets[k])))"
	echo "$lost of $n injections failed${why:+ (last: $why)}; recovery $STRESS_SUMMARY"
	[ $((s1[chip_resets] - s0[chip_resets])) -eq $((n * resets[k])) ] &&
		[ $ok -eq 0 ] && [ "$lost" -eq 0 ] && stress_within 1000
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "iperf3 UDP from A to B runs" stress_load_start 3600 -u -b 4M
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

declare -A e0 e1 s0 s1
for k in 1 2 3 4 5 6; do
	for c in "${errs[@]}"; do stress_get "e0[$c]" "$SB/statistics/$c"; done
	stress_ethtool s0 spb "$B"
	rec=() lost=0 why=
	for ((i = 0; i < n; i++)); do
		inject "$k" || lost=$((lost + 1))
	done
	for c in "${errs[@]}"; do stress_get "e1[$c]" "$SB/statistics/$c"; done
	stress_ethtool s1 spb "$B"
	stress_stats "rx header $k (${kinds[k]}) recovery" "${rec[@]}"
	exp="${counter[k]} +$n, chip_resets +$((n * resets[k]))"
	got="${counter[k]} +$((e1[${counter[k]}] - e0[${counter[k]}])), chip_resets +$((s1[chip_resets] - s0[chip_resets]))"
	stress_verdict "RX header: ${kinds[k]}" "$n" "$exp" "$got" "$STRESS_SUMMARY" \
		"${kinds[k]} x$n: ${counter[k]} +$n, others +0, chip_resets +$((n * resets[k])), frames again within 1 s" \
		verdict "$k"
done
e2e_check "B still receives after every kind" stress_moving "$SB/statistics/rx_packets"
stress_load_stop
pair_took
e2e_finish
