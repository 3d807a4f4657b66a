#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# MTU changes while up (test plan: "MTU changes"). While iperf3 sends UDP
# from A to B (2 Mbit/s of 1472-byte datagrams) and B pings A 50 times a
# second (40-byte payloads, which fit any MTU), B's MTU is set 200 times to
# a random value from 68 to its maximum, A's staying at 1500, so that B keeps
# receiving full-size frames whatever its own MTU (the driver sizes a
# received frame by its header, never by the MTU: KASAN would see an
# overrun). Every tenth change: a ping of exactly B's MTU passes from A
# (-M do), a 1500-byte ping passes too (B's reply fragmented), MTU 67 and
# max + 1 are refused (EINVAL) and leave the MTU as it was,
# and the chip's multicast filter matches B's groups (an MTU below 1280
# takes IPv6 away, and its groups with it; above, they come back). At the
# end: MTU 1500, TCP both ways, the filter right.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1 1500 |                      | $B 198.18.0.2 68.. |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#        iperf3 UDP client -----------------------> server; ip link set mtu
#        ping <--------------------------------------- 50/s
#
# Not TCP: at an MTU of 68 its segments carry 28 bytes, so 1 Mbit/s both
# ways is thousands of frames a second; the guest's one CPU then goes to
# the emulator, a change took over 9 s here (the 200 did not finish in 30
# minutes) and B's TX watchdog fired twice. The loop is for MTU handling;
# small-frame load is make bench's.
# shellcheck source=SCRIPTDIR/stress.sh
. "$(dirname "$0")/stress.sh"

n=$(stress_n 200)

# refused MTU: setting MTU fails with EINVAL and changes nothing.
refused() {
	local out was now
	stress_get was "$SB/mtu"
	out=$(ip -n spb link set "$B" mtu "$1" 2>&1) && { why="MTU $1 accepted"; return 1; }
	stress_get now "$SB/mtu"
	# EINVAL; ip prints the kernel's reason when it gives one.
	[[ $out == *"Invalid argument"* || $out == *"than device m"* ]] ||
		{ why="MTU $1: $out"; return 1; }
	[ "$now" = "$was" ] || { why="MTU $1 refused but changed to $now"; return 1; }
}

# change I: one random MTU; every tenth time the full set of checks.
change() {
	local mtu=$((68 + RANDOM % (maxmtu - 67))) got
	ip -n spb link set "$B" mtu "$mtu" || { why="MTU $mtu refused"; return 1; }
	stress_get got "$SB/mtu"
	[ "$got" = "$mtu" ] || { why="MTU $mtu reads $got"; return 1; }
	[ $(($1 % 10)) -eq 0 ] || return 0
	ip netns exec spa ping -c 1 -W 2 -M "do" -s $((mtu - 28)) $E2E_IP4_B >/dev/null ||
		{ why="ping of $mtu bytes failed"; return 1; }
	ip netns exec spa ping -c 1 -W 2 -s 1472 $E2E_IP4_B >/dev/null ||
		{ why="1500-byte ping failed at MTU $mtu"; return 1; }
	refused 67 && refused $((maxmtu + 1)) || return 1
	wait_for 2 emu_mar_matches emu1 spb "$B" >/dev/null ||
		{ why="MAR wrong at MTU $mtu: $(emu_mar_matches emu1 spb "$B")"; return 1; }
}
changes_ok() {
	echo "$lost of $n failed${why:+ (last: $why)}"
	[ "$lost" -eq 0 ]
}

pair_start
stress_do "the namespaces' sysfs mounted for polling" stress_mount_ns
read -r minmtu maxmtu < <(ip -n spb -d link show dev "$B" |
	sed -n 's/.* minmtu \([0-9]*\) maxmtu \([0-9]*\).*/\1 \2/p')
e2e_check "B's MTU range is 68 to at least 1500" \
	test "$minmtu" = 68 -a "${maxmtu:-0}" -ge 1500
stress_do "iperf3 UDP from A to B runs, 2 Mbit/s of 1472-byte datagrams" \
	stress_load_start 3600 -u -b 2M -l 1472
ip netns exec spb ping -q -i 0.02 -s 40 $E2E_IP4_A >/dev/null 2>&1 &
STRESS_LOAD_PIDS+=($!)
e2e_check "B receives" stress_moving "$SB/statistics/rx_packets"

lost=0 why=
for ((i = 0; i < n; i++)); do
	change "$i" || lost=$((lost + 1))
done
e2e_check "frames still flow both ways" \
	eval 'stress_moving "$SB/statistics/rx_packets" && stress_moving "$SA/statistics/rx_packets"'
stress_load_stop
stress_verdict "MTU changes while up" "$n" \
	"68..$maxmtu set, 67 and $((maxmtu + 1)) refused, filter right" \
	"$((n - lost)) of $n" "-" \
	"$n MTU changes under iperf3: set, pings of the MTU pass, out of range refused, filter follows" \
	changes_ok
e2e_check "MTU 1500 on B again" ip -n spb link set "$B" mtu 1500
e2e_check "the chip's multicast filter matches B's groups" \
	wait_for 2 emu_mar_matches emu1 spb "$B"
e2e_check "iperf3 TCP passes both ways" stress_bidir
pair_took
e2e_finish
