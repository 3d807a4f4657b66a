#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# SPI transfer errors (test plan: "SPI transfer error"): the emulator's
# controller fails transfers of B's chip: -EIO, -ETIMEDOUT, or a transfer
# cut short after half its bytes (the chip saw them, the driver gets an
# error). Every failed operation is a bus error (bus_errors in ethtool -S);
# several in a row reset the chip; traffic must be back within 1 s.
#
#  - isolated, on the status read: B idle, each failure lands on the
#    status read of a spurious interrupt (irq_spurious_next), then a ping:
#    bus_errors +1 each, and no reset (errors with interrupts with a cause
#    between them are not "in a row"); the ping passes;
#  - isolated, at random points: while UDP flows both ways, one failure
#    after a random number (0 to 39) of good transfers (spi_fail_skip), 50
#    times each for -EIO, -ETIMEDOUT and short transfers: bus_errors moves
#    by exactly the emulator's spi_errors, a reset only where the failure
#    left the chip's pointers unknown, frames both ways within 1 s;
#  - bursts of 8 at random points under load, 10 times: the chip is reset
#    (chip_resets, at least once a burst); when a reset itself fails the
#    driver leaves the chip alone but for a reset a second, so what is left
#    of the burst is spent a failure a second: frames both ways within
#    2 s of the last failure (the retry period, 1 s, and the link's
#    return, as for a dead chip);
#  - 8 in a row on status reads, B idle, 10 times (spurious interrupts
#    whose status reads all fail): bus_errors +8 and exactly one reset
#    each, ping passes after.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP --bidir <---------------------> server; spi_fail_*
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

K=$EMU_DBG/emu1
declare -A s0 s1 c0 c1

# snap0 / snap1: B's ethtool counters and its chip's counters, before and
# after a series.
snap0() { stress_ethtool s0 spb "$B" && emu_counters c0 emu1; }
snap1() { stress_ethtool s1 spb "$B" && emu_counters c1 emu1; }
d() { echo $((s1[$1] - s0[$1])); }

# both_back FROM MS: B receives, and then A receives from B, each within
# MS milliseconds; appends the later (from FROM, a stress_now time) to rec;
# fails saying why.
both_back() {
	local tb
	stress_back "$SB/statistics/rx_packets" "$1" "$2" ||
		{ why="B received nothing within $2 ms"; return 1; }
	tb=$STRESS_MS
	stress_back "$SA/statistics/rx_packets" "$1" "$2" ||
		{ why="A received nothing from B within $2 ms"; return 1; }
	rec+=("$((STRESS_MS > tb ? STRESS_MS : tb))")
}

# fail KNOB COUNT [SKIP]: COUNT failures of the kind KNOB after SKIP good
# transfers; waits until the emulator has spent them (2 s), then until B
# receives and A receives again (1 s each). Appends the recovery time (the
# later of the two, from the injection) to rec; fails saying why.
fail() {
	local t0
	echo "${3:-0}" >"$K/spi_fail_skip"
	stress_now t0
	echo "$2" >"$K/$1"
	stress_wait_eq "$K/$1" 0 2000 || { why="$1 not spent within 2 s"; return 1; }
	both_back "$t0" 1000 || return 1
}

# idle_fails N: with B idle, -EIO on its next N transfers and N spurious
# interrupts at once, so that the failures land on the status reads
# they cause (1: an isolated failure; 8: eight in a row, one reset);
# then a ping, whose interrupts have a cause.
idle_fails() {
	echo 0 >"$K/spi_fail_skip"
	echo "$1" >"$K/spi_fail_next"
	echo "$1" >"$K/irq_spurious_next"
	stress_wait_eq "$K/spi_fail_next" 0 2000 || { why="not spent"; return 1; }
	ip netns exec spa ping -c 1 -W 2 $E2E_IP4_B >/dev/null ||
		{ why="ping failed"; return 1; }
}
# idle_series K: n times idle_fails K between two snapshots; lost counts
# the ones that failed.
idle_series() {
	local i

	snap0
	lost=0 why=
	for ((i = 0; i < n; i++)); do
		idle_fails "$1" || lost=$((lost + 1))
	done
	snap1
}
idle_ok() {
	echo "bus_errors +$(d bus_errors), chip_resets +$(d chip_resets)," \
		"spi_errors +$((c1[spi_errors] - c0[spi_errors])); $lost of $n failed${why:+ ($why)}"
	[ "$(d bus_errors)" -eq "$n" ] && [ "$(d chip_resets)" -eq 0 ] &&
		[ $((c1[spi_errors] - c0[spi_errors])) -eq "$n" ] && [ "$lost" -eq 0 ]
}

# random_ok: bus_errors equals what the emulator failed, every injection
# was followed by traffic within 1 s, resets at most one per injection.
random_ok() {
	local e=$((c1[spi_errors] - c0[spi_errors]))
	echo "bus_errors +$(d bus_errors), spi_errors +$e, chip_resets +$(d chip_resets);" \
		"$lost of $n failed${why:+ (last: $why)}; recovery $STRESS_SUMMARY"
	[ "$e" -eq "$n" ] && [ "$(d bus_errors)" -eq "$e" ] &&
		[ "$(d chip_resets)" -le "$n" ] && [ "$lost" -eq 0 ] &&
		stress_within 1000
}

# row_random WHAT KNOB ERRNO: n single failures of one kind at random points.
row_random() {
	local what=$1 knob=$2
	echo "$3" >"$K/spi_fail_errno"
	snap0
	rec=() lost=0 why=
	for ((i = 0; i < n; i++)); do
		fail "$knob" 1 $((RANDOM % 40)) || lost=$((lost + 1))
	done
	snap1
	stress_stats "$what recovery" "${rec[@]}"
	stress_verdict "SPI $what at random points" "$n" \
		"bus_errors +$n (spi_errors)" \
		"bus_errors +$(d bus_errors), chip_resets +$(d chip_resets)" "$STRESS_SUMMARY" \
		"$n x $what at random points under load: bus_errors = spi_errors, traffic within 1 s" \
		random_ok
}

# burst: 8 failures at a random point under load; waits until the emulator
# has spent them (10 s: a reset that fails leaves the chip alone but for a
# reset a second, so each failure left takes a second), then for frames
# both ways within 2 s of the last (the retry period and the link's return).
burst() {
	local t0 ts
	echo $((RANDOM % 40)) >"$K/spi_fail_skip"
	stress_now t0
	echo 8 >"$K/spi_fail_next"
	stress_wait_eq "$K/spi_fail_next" 0 10000 || { why="not spent within 10 s"; return 1; }
	ts=$STRESS_AT
	spent+=("$((ts - t0))")
	both_back "$ts" 2000 || return 1
}
row_ok() {
	echo "bus_errors +$(d bus_errors), chip_resets +$(d chip_resets); $lost of $n failed${why:+ ($why)}"
	[ "$(d bus_errors)" -eq $((8 * n)) ] && [ "$(d chip_resets)" -eq "$n" ] &&
		[ "$lost" -eq 0 ]
}
burst_ok() {
	echo "chip_resets +$(d chip_resets), bus_errors +$(d bus_errors)," \
		"spi_errors +$((c1[spi_errors] - c0[spi_errors]));" \
		"$lost of $n failed${why:+ (last: $why)}; recovery $STRESS_SUMMARY"
	[ "$(d chip_resets)" -ge "$n" ] && [ "$lost" -eq 0 ] &&
		[ $((c1[spi_errors] - c0[spi_errors])) -eq $((8 * n)) ] &&
		stress_within 2000
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "A and B know each other's address for good" stress_static_neigh

# B idle: each failure lands on the status read of a spurious interrupt.
n=$(stress_n 20)
idle_series 1
stress_verdict "SPI -EIO, isolated, on the status read" "$n" \
	"bus_errors +$n, chip_resets +0" \
	"bus_errors +$(d bus_errors), chip_resets +$(d chip_resets)" "ping after each" \
	"$n isolated -EIO on the status read: bus_errors +$n, no reset, ping passes" idle_ok

stress_do "iperf3 UDP both ways runs" stress_load_start 3600 -u -b 2M --bidir
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"
e2e_check "A receives" stress_moving "$SA/statistics/rx_packets"

n=$(stress_n 50)
row_random "-EIO" spi_fail_next 5
row_random "-ETIMEDOUT" spi_fail_next 110
row_random "short transfer" spi_short_next 5

n=$(stress_n 10)
echo 5 >"$K/spi_fail_errno"
snap0
rec=() spent=() lost=0 why=
for ((i = 0; i < n; i++)); do
	burst || lost=$((lost + 1))
	stress_nap 0.2
done
snap1
stress_stats "bursts of 8: injection to the last failure" "${spent[@]}"
spent_summary=$STRESS_SUMMARY
stress_stats "bursts of 8: last failure to traffic" "${rec[@]}"
stress_verdict "SPI -EIO, bursts of 8 at random points" "$n x 8" "chip_resets +$n or more" \
	"chip_resets +$(d chip_resets), bus_errors +$(d bus_errors)" \
	"failures spent $spent_summary; then traffic $STRESS_SUMMARY" \
	"$n bursts of 8 -EIO under load: the chip is reset, traffic within 2 s of the last failure" burst_ok

e2e_check "traffic still flows both ways" stress_moving "$SA/statistics/rx_packets"
stress_load_stop

# B idle: 8 failed status reads in a row, 10 times.
n=$(stress_n 10)
idle_series 8
stress_verdict "SPI -EIO, 8 in a row on status reads" "$n x 8" \
	"bus_errors +$((8 * n)), chip_resets +$n" \
	"bus_errors +$(d bus_errors), chip_resets +$(d chip_resets)" "ping after each" \
	"$n x 8 failed status reads in a row: bus_errors +8 and one reset each, ping passes" row_ok
e2e_check "ping passes" stress_ping spa $E2E_IP4_B
pair_took
e2e_finish
