#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# RX allocation failures (test plan: "RX allocation failure"), from the
# kernel's own fault injection, aimed at B's driver only: task-filter and
# /proc/PID/make-it-fail on B's interrupt thread (irq/N-spiX.0, the bus
# owner, which allocates every received frame's skb), while iperf3 sends
# UDP from A to B at 8 Mbit/s.
#  - failslab, on the skb heads' cache alone (cache-filter and
#    /sys/kernel/slab/skbuff_head_cache/failslab), with a probability of
#    1, 10, 50 and 100 %, each until it has failed "times" allocations (10
#    at 1 %, 50 otherwise): rx_dropped moves by exactly that many (the
#    frame is read out of the chip and dropped), nothing else (no reset,
#    no length or frame error: the chip's read pointer stays in step), and
#    frames arrive again within 100 ms of the last failure;
#  - fail_page_alloc, every page allocation of the thread from order 0
#    (min-order 0), 20 times (10 in a short run): a received frame's page
#    fragment cache fails to refill, an order-3 attempt then an order-0
#    one, so a drop takes two failures (the long run: 20 gave 10); a
#    failure may also land on an allocation with a fallback, so rx_dropped
#    must move by 1 to 20; frames arrive again within 100 ms.
# verbose 0 on both: a forced failure prints no stack trace (it would read
# as a kernel report on the console).
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client ------------------------> server; irq/N: make-it-fail
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

FS=/sys/kernel/debug/failslab
FP=/sys/kernel/debug/fail_page_alloc
SLAB=/sys/kernel/slab/skbuff_head_cache/failslab
declare -A s0 s1

stress_cleanup_hook() {
	echo 0 >"$FS/probability"
	echo 0 >"$FP/probability"
	[ -n "${owner:-}" ] && echo 0 >"/proc/$owner/make-it-fail" 2>/dev/null
	echo 0 >"$SLAB"
	echo N >"$FS/cache-filter"
	echo N >"$FS/task-filter"
	echo N >"$FP/task-filter"
}

# arm DIR: fail allocations of the bus owner only, silently.
arm() {
	echo 0 >"$1/probability" && echo Y >"$1/task-filter" &&
	echo 0 >"$1/verbose" && echo 1 >"$1/interval" && echo 0 >"$1/space"
}
arm_owner() {
	owner=$(stress_irq_thread emu1) || { echo "no interrupt thread for emu1"; return 1; }
	echo "bus owner of B: PID $owner ($(<"/proc/$owner/comm"))"
	arm "$FS" && arm "$FP" && echo 1 >"$SLAB" && echo Y >"$FS/cache-filter" &&
	echo 0 >"$FP/min-order" && echo 1 >"/proc/$owner/make-it-fail"
}

# inject DIR PERCENT TIMES: fail TIMES allocations at PERCENT %; waits until
# they are spent (30 s), then for a frame (100 ms). Sets t_spent, rec.
inject() {
	echo "$3" >"$1/times"
	echo "$2" >"$1/probability"
	stress_wait_eq "$1/times" 0 30000 || { why="only $(<"$1/times") of $3 left after 30 s"; }
	echo 0 >"$1/probability"
	[ -z "$why" ] || return 1
	stress_back "$SB/statistics/rx_packets" "$STRESS_AT" 100 ||
		{ why="no frame within 100 ms"; return 1; }
	rec=$STRESS_MS
}
d() { echo $((s1[$1] - s0[$1])); }
exact_ok() {
	echo "rx_dropped +$(d rx_dropped) (want +$want), rx_length_errors +$(d rx_length_errors)," \
		"rx_frame_errors +$(d rx_frame_errors), chip_resets +$(d chip_resets); ${why:-frames after $rec ms}"
	[ -z "$why" ] && [ "$(d rx_dropped)" -eq "$want" ] && [ "$(d rx_length_errors)" -eq 0 ] &&
		[ "$(d rx_frame_errors)" -eq 0 ] && [ "$(d chip_resets)" -eq 0 ]
}
pages_ok() {
	echo "rx_dropped +$(d rx_dropped) for $want page allocations failed, chip_resets" \
		"+$(d chip_resets); ${why:-frames after $rec ms}"
	[ -z "$why" ] && [ "$(d rx_dropped)" -ge 1 ] &&
		[ "$(d rx_dropped)" -le "$want" ] && [ "$(d chip_resets)" -eq 0 ]
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
stress_do "fault injection aimed at B's bus owner alone" arm_owner
stress_do "iperf3 UDP from A to B runs, 8 Mbit/s" stress_load_start 3600 -u -b 8M
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

for p in 1 10 50 100; do
	want=$(stress_n 50)
	[ "$p" = 1 ] && want=$(stress_n 10)
	stress_ethtool s0 spb "$B"
	why='' rec=-
	inject "$FS" "$p" "$want"
	stress_ethtool s1 spb "$B"
	stress_verdict "RX skb allocation fails (failslab $p %)" "$want" \
		"rx_dropped +$want, resets +0" "rx_dropped +$(d rx_dropped), resets +$(d chip_resets)" \
		"frames after $rec ms" \
		"failslab at $p %, $want failures: rx_dropped +$want exactly, no reset, frames within 100 ms" \
		exact_ok
done

# At least 10 even in a short run: a failure may land on an allocation
# with a fallback (the slab's higher-order page, the fragment cache's
# order-3 refill), and two once made no drop at all.
want=$(stress_n 20)
[ "$want" -ge 10 ] || want=10
stress_ethtool s0 spb "$B"
why='' rec=-
inject "$FP" 100 "$want"
stress_ethtool s1 spb "$B"
stress_verdict "RX page allocation fails (fail_page_alloc)" "$want pages" \
	"rx_dropped +1..$want, resets +0" \
	"rx_dropped +$(d rx_dropped), resets +$(d chip_resets)" "frames after $rec ms" \
	"fail_page_alloc, $want failures: rx_dropped moves, by at most one a failure, frames within 100 ms" \
	pages_ok

e2e_check "B still receives" stress_moving "$SB/statistics/rx_packets"
stress_load_stop
e2e_check "ping passes" stress_ping spa $E2E_IP4_B
pair_took
e2e_finish
