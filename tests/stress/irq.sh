#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Lost and spurious interrupts (test plan: "lost or spurious interrupt"),
# on the chips of the boot's device tree (tests/dt/dm9051.dts): A's line is
# level-low, B's falling-edge, as boards wire them.
#
#  - a lost delivery (irq_drop_next), 50 times on each line, while UDP
#    flows towards the chip (its RX interrupts) and then away from it (its
#    TX-complete interrupts): frames must flow again within 1 s each time.
#    A level line is still asserted and fires again; an edge is gone for
#    good, and the driver must not depend on it;
#  - a duplicated delivery (irq_dup_next), 50 times on each line: traffic
#    flows on, nothing is counted as an error;
#  - a spurious delivery (irq_spurious_next: the handler runs while the
#    chip asserts nothing), 50 times on each line: each is an interrupt
#    without cause (irqs_without_cause +1, the thread returns IRQ_NONE) and
#    nothing else happens: no reset. These run with the link idle but
#    for one ping after each (an interrupt with a cause), so that no frame
#    arrives between the delivery and the driver's status read (it would
#    then find a cause);
#  - 8 spurious deliveries in a row on the level line, nothing between:
#    a line that keeps firing while the chip has nothing to say is a chip
#    that does not answer (the driver counts it as a bus error would): one
#    reset.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 level   |====== cable ========|  SPI: emu1 edge    |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client <------------------------> server
E2E_DT=1
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

declare -A s0 s1
n=$(stress_n 50)

# lose CHIP RXFILE: drop the chip's next interrupt delivery; fails (saying
# why) unless it is dropped within 2 s and RXFILE (a receive counter: of
# the chip's own interface, or of the far end) moves within 1 s after.
lose() {
	local t0
	stress_now t0
	echo 1 >"$EMU_DBG/$1/irq_drop_next"
	stress_wait_eq "$EMU_DBG/$1/irq_drop_next" 0 2000 ||
		{ why="no delivery to drop within 2 s"; return 1; }
	stress_back "$2" "$t0" 1000 || { why="no frame within 1 s"; return 1; }
	rec+=("$STRESS_MS")
}

# lost_row CHIP LINE TOWARDS DIR: n lost deliveries on CHIP (its line LINE)
# while UDP flows DIR ("to" the chip or "from" it); TOWARDS is the counter
# that shows frames flowing.
lost_row() {
	local chip=$1 line=$2 file=$3 dir=$4 opt=()
	# iperf3 runs from A to B; -R from B to A.
	if { [ "$chip" = emu1 ] && [ "$dir" = from ]; } ||
		{ [ "$chip" = emu0 ] && [ "$dir" = to ]; }; then
		opt=(-R)
	fi
	stress_do "iperf3 UDP $dir the $line chip runs" stress_load_start 3600 -u -b 4M "${opt[@]}"
	e2e_check "frames flow $dir the $line chip" stress_moving "$file"
	rec=() lost=0 why=
	for ((i = 0; i < n; i++)); do
		lose "$chip" "$file" || { lost=$((lost + 1)); stress_moving "$file" || break; }
	done
	stress_load_stop
	stress_stats "lost $line interrupt, traffic $dir the chip: recovery" "${rec[@]}"
	stress_verdict "lost interrupt, $line line, traffic $dir the chip" "$n" \
		"frames within 1 s" "$((n - lost)) of $n" "$STRESS_SUMMARY" \
		"$n lost deliveries on the $line line, UDP $dir the chip: frames again within 1 s each" \
		lost_ok
}
lost_ok() {
	echo "$lost of $n failed${why:+ (last: $why)}; recovery $STRESS_SUMMARY"
	[ "$lost" -eq 0 ] && stress_within 1000
}

# extra_row CHIP LINE DEV NS KNOB WANT: n deliveries of KNOB (irq_dup_next or
# irq_spurious_next) on CHIP while UDP flows both ways; irqs_without_cause
# of DEV moves by WANT*n (0 or 1 a delivery), chip_resets not at all.
extra_row() {
	local chip=$1 line=$2 dev=$3 ns=$4 knob=$5 want=$6 what
	what=duplicated
	[ "$knob" = irq_spurious_next ] && what=spurious
	[ "$what" = duplicated ] &&
		stress_do "iperf3 UDP both ways runs" stress_load_start 3600 -u -b 2M --bidir
	stress_ethtool s0 "$ns" "$dev"
	lost=0
	for ((i = 0; i < n; i++)); do
		echo 1 >"$EMU_DBG/$chip/$knob"
		stress_wait_eq "$EMU_DBG/$chip/$knob" 0 2000 || lost=$((lost + 1))
		stress_nap 0.02
		# An interrupt with a cause between spurious ones: not in a row.
		[ "$what" = duplicated ] || ping_to "$chip" || lost=$((lost + 1))
	done
	stress_ethtool s1 "$ns" "$dev"
	if [ "$what" = duplicated ]; then
		e2e_check "frames still flow both ways" stress_moving "$SB/statistics/rx_packets"
		stress_load_stop
	else
		e2e_check "ping passes both ways" \
			stress_ping_both
	fi
	none=$((s1[irqs_without_cause] - s0[irqs_without_cause]))
	resets=$((s1[chip_resets] - s0[chip_resets]))
	stress_verdict "$what interrupt, $line line" "$n" \
		"irqs_without_cause +$((want * n)), chip_resets +0" \
		"irqs_without_cause +$none, chip_resets +$resets" "-" \
		"$n $what deliveries on the $line line: irqs_without_cause +$((want * n)), no reset" \
		extra_ok
}
extra_ok() {
	echo "irqs_without_cause +$none (want +$((want * n))), chip_resets +$resets; $lost of $n not delivered"
	[ "$none" -eq $((want * n)) ] && [ "$resets" -eq 0 ] && [ "$lost" -eq 0 ]
}

# ping_to CHIP: one ping to the interface of CHIP, from the other side.
ping_to() {
	if [ "$1" = emu0 ]; then
		ip netns exec spb ping -c 1 -W 2 $E2E_IP4_A >/dev/null
	else
		ip netns exec spa ping -c 1 -W 2 $E2E_IP4_B >/dev/null
	fi
}

# in_a_row: 8 spurious interrupts and nothing else: a line that keeps
# firing with nothing to say is a chip that does not answer, reset once.
in_a_row() {
	local r
	stress_ethtool s0 spa "$A"
	echo 8 >"$EMU_DBG/emu0/irq_spurious_next"
	stress_wait_eq "$EMU_DBG/emu0/irq_spurious_next" 0 2000 || return 1
	stress_nap 0.1
	stress_ethtool s1 spa "$A"
	r=$((s1[chip_resets] - s0[chip_resets]))
	echo "irqs_without_cause +$((s1[irqs_without_cause] - s0[irqs_without_cause])), chip_resets +$r"
	[ "$r" -eq 1 ]
}

# The line types the device tree gave.
line_is() { awk -v t="$2" '$1 == "type" { exit $2 != t }' "$EMU_DBG/$1/irq"; }

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
e2e_check "A's line is level-low (8), B's falling-edge (2)" \
	eval 'line_is emu0 8 && line_is emu1 2'

lost_row emu0 level "$SA/statistics/rx_packets" to
lost_row emu0 level "$SB/statistics/rx_packets" from
lost_row emu1 edge "$SB/statistics/rx_packets" to
lost_row emu1 edge "$SA/statistics/rx_packets" from
extra_row emu0 level "$A" spa irq_dup_next 0
extra_row emu1 edge "$B" spb irq_dup_next 0
extra_row emu0 level "$A" spa irq_spurious_next 1
extra_row emu1 edge "$B" spb irq_spurious_next 1
e2e_check "8 spurious interrupts in a row on the level line: one reset" in_a_row

e2e_check "ping passes both ways" \
	stress_ping_both
pair_took
e2e_finish
