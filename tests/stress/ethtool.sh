#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ethtool and ndo calls at once (test plan: "ethtool and ndo
# concurrency"). While iperf3 sends TCP both ways (1 Mbit/s each way),
# four loops run side by side against B, 50 rounds each:
#  - statistics: ethtool -S, ethtool -d (register dump, over the bus),
#    ip -s link (ndo_get_stats64), ethtool -i, ethtool -g;
#  - link: ethtool -s speed 10 duplex full autoneg off, ethtool -s
#    autoneg on, ethtool -r, ethtool -A pause off and on;
#  - receive mode: promiscuous on and off, all-multicast on and off, a
#    multicast group added and removed, the MAC address changed while up
#    (ndo_set_rx_mode and ndo_set_mac_address, in atomic context, against
#    the bus owner);
#  - the rest: ethtool -G (not supported: must fail cleanly), -k, -a, -T,
#    msglvl.
# Every command must give the answer it should (lockdep, KASAN and
# DEBUG_ATOMIC_SLEEP watch the console). Afterwards, with everything set
# back: carrier; the chip holds B's address (PAR), the filter of B's
# groups (MAR), receive without promiscuous or all-multicast (RCR 0x31)
# and flow control (FCR 0x29); TCP passes both ways.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 TCP --bidir, 1 Mbit/s each way <--> server; 4 loops
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 50)
in_b() { ip netns exec spb "$@"; }

# run WHAT COMMAND...: one command of a loop; a failure is counted and
# its output kept.
run() {
	local what=$1 out
	shift
	runs=$((runs + 1))
	out=$("$@" 2>&1) && return 0
	fails=$((fails + 1))
	echo "$what: $out" | head -n 3
}
# refuse WHAT COMMAND...: a command that must fail with "not supported".
refuse() {
	local what=$1 out
	shift
	runs=$((runs + 1))
	out=$("$@" 2>&1) || [[ $out != *"not supported"* ]] || return 0
	fails=$((fails + 1))
	echo "$what should fail as not supported: $out" | head -n 3
}
regdump() { [ "$(in_b ethtool -d "$B" raw on | wc -c)" -gt 0 ]; }

loop_stats() {
	for ((i = 0; i < n; i++)); do
		run "ethtool -S" in_b ethtool -S "$B"
		run "ethtool -d" regdump
		run "ip -s link" ip -n spb -s link show dev "$B"
		run "ethtool -i" in_b ethtool -i "$B"
		run "ethtool -g" in_b ethtool -g "$B"
	done
}
loop_link() {
	for ((i = 0; i < n; i++)); do
		run "ethtool -s 10 full" in_b ethtool -s "$B" speed 10 duplex full autoneg off
		run "ethtool -s autoneg on" in_b ethtool -s "$B" autoneg on
		run "ethtool -r" in_b ethtool -r "$B"
		run "ethtool -A off" in_b ethtool -A "$B" autoneg off rx off tx off
		run "ethtool -A on" in_b ethtool -A "$B" autoneg on rx on tx on
	done
}
loop_rxmode() {
	for ((i = 0; i < n; i++)); do
		run "promisc on" ip -n spb link set "$B" promisc on
		run "allmulticast on" ip -n spb link set "$B" allmulticast on
		run "maddr add" ip -n spb maddr add 01:00:5e:01:02:03 dev "$B"
		run "promisc off" ip -n spb link set "$B" promisc off
		run "address" ip -n spb link set "$B" address "02:00:5e:51:0c:$(printf %02x $((i % 256)))"
		run "allmulticast off" ip -n spb link set "$B" allmulticast off
		run "maddr del" ip -n spb maddr del 01:00:5e:01:02:03 dev "$B"
	done
}
loop_misc() {
	for ((i = 0; i < n; i++)); do
		refuse "ethtool -G" in_b ethtool -G "$B" rx 32
		run "ethtool -k" in_b ethtool -k "$B"
		run "ethtool -a" in_b ethtool -a "$B"
		run "ethtool -T" in_b ethtool -T "$B"
		run "ethtool -s msglvl" in_b ethtool -s "$B" msglvl $((i % 2 ? 0x4027 : 0x7fff))
	done
}

# loops: the four loops at once; each writes "runs fails" last.
loops() {
	local l pids=()
	for l in stats link rxmode misc; do
		(runs=0 fails=0; "loop_$l"; echo "$runs $fails") >"$STRESS_TMP/$l" 2>&1 &
		pids+=($!)
	done
	# Not a bare wait: iperf3 runs in the background too.
	wait "${pids[@]}"
}
loops_ok() {
	local l r f bad=0
	for l in stats link rxmode misc; do
		read -r r f < <(tail -n 1 "$STRESS_TMP/$l")
		echo "$l: $r commands, ${f:-?} failed"
		[ "${f:-1}" = 0 ] || { bad=1; head -n 5 "$STRESS_TMP/$l"; }
	done
	return $bad
}

# Everything set back, then what the chip holds.
restore() {
	in_b ethtool -s "$B" autoneg on &&
	in_b ethtool -A "$B" autoneg on rx on tx on &&
	ip -n spb link set "$B" promisc off allmulticast off address "$mac" &&
	{ ip -n spb maddr del 01:00:5e:01:02:03 dev "$B" 2>/dev/null; true; } &&
	# B changed its address: A forgets the old one (no gratuitous ARP).
	ip -n spa neigh flush dev "$A"
}
reg_is() { [ "$(emu_reg emu1 "$1")" = "$2" ]; }
par_is_mac() {
	local got
	got=$(awk '$1 == "10:" { print $2 ":" $3 ":" $4 ":" $5 ":" $6 ":" $7 }' "$EMU_DBG/emu1/regs")
	echo "PAR $got, B's address $mac"
	[ "$got" = "$mac" ]
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
mac=$(<"$SB/address")
stress_do "iperf3 TCP both ways runs, 1 Mbit/s each way" stress_load_start 3600 --bidir -b 1M
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

t0=0 t1=0
stress_now t0
loops
stress_now t1
stress_load_stop
stress_verdict "ethtool and ndo calls at once" "4 loops x $n" \
	"every command answers as it should" "$(awk '{ r += $1; f += $2 } END { print r " commands, " f " failed" }' \
		< <(for l in stats link rxmode misc; do tail -n 1 "$STRESS_TMP/$l"; done))" \
	"$(((t1 - t0) / 1000)) s" \
	"4 loops of ethtool and ip calls at once, $n rounds each, under iperf3: every answer right" \
	loops_ok

e2e_check "everything set back (autoneg, pause, promisc, allmulti, MAC)" restore
e2e_check "carrier within 10 s" stress_wait_eq "$SB/carrier" 1 10000
e2e_check "the chip holds B's address (PAR)" wait_for 2 par_is_mac
e2e_check "the chip's multicast filter matches B's groups (MAR)" \
	wait_for 2 emu_mar_matches emu1 spb "$B"
e2e_check "receive on, no promiscuous or all-multicast (RCR 0x31)" wait_for 2 reg_is 0x05 31
fcr_on() {
	wait_for 5 reg_is 0x0a 29 && return 0
	echo "FCR $(emu_reg emu1 0x0a), A's FCR $(emu_reg emu0 0x0a)"
	in_b ethtool -a "$B"
	in_b ethtool "$B" | grep -E "Speed|Duplex|Auto-neg|Link det"
	stress_diag
	return 1
}
e2e_check "flow control on (FCR 0x29)" fcr_on
e2e_check "iperf3 TCP passes both ways" stress_bidir
pair_took
e2e_finish
