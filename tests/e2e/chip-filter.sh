#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The chip's receive filter, as the driver under test (E2E_DRIVER)
# programs it: multicast groups B joins pass, groups it did not join are
# dropped by the chip itself (the emulator counts them in rx_drop_filtered
# and the driver never sees them), promiscuous mode passes everything, and
# leaving promiscuous mode or a group filters again.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  2001:db8:5e::1    |                      |  2001:db8:5e::2    |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#   UDP to groups (bash's /dev/udp)       joins ff0e::5e:N (autojoin),
#                                         01:00:5e:01:02:N (ip maddr)
#
# The test groups are chosen at run time by their hash bin. The DM9051
# passes a group address when the bin ether_crc_le(6, mac) & 63 is set in
# its 64-bit hash table, so a group that shares a bin with any group B's
# filter must pass (the all-nodes and solicited-node groups IPv6 joins by
# itself, all-hosts, broadcast) is received although B never joined it.
# pick_group takes the first candidate (239.1.2.N, or ff0e::5e:N) whose bin
# no address on B's link-layer list ("ip maddr") nor broadcast uses; the
# notes give the bins. (ff0e::5e:2, for example, shares bin 31 with the
# all-nodes group 33:33:00:00:00:01 and would not be filtered.)
#
# The guest kernel has no CONFIG_IP_MULTICAST, so B cannot join an IPv4
# group through the IP stack: B joins an IPv6 group ("ip addr add ...
# autojoin"), whose datagrams reach its UDP layer (Udp6IgnoredMulti counts
# them: nobody listens), and adds an IPv4 group's MAC with "ip maddr add",
# which only the driver sees.
#
# E2E_CHIP (default dm9051), E2E_PROFILE (bus timing, default pi4),
# E2E_STRICT (1: the emulator's strict mode).
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=SCRIPTDIR/emu.sh
. "$(dirname "$0")/emu.sh"
# shellcheck source=SCRIPTDIR/pair.sh
. "$(dirname "$0")/pair.sh"

n=100		# datagrams per burst
noise=5		# frames B's driver may receive meanwhile (ARP, neighbour discovery)

# The bins B's filter must pass: its link-layer multicast list and broadcast.
used_bins() {
	local m
	for m in ff:ff:ff:ff:ff:ff $(ip -n spb maddr show dev "$B" | awk '$1 == "link" { print $2 }'); do
		mc_bin "$m"
	done | sort -un | paste -sd' '
}

# pick_group v4|v6: "ADDRESS MAC BIN" of the first test group whose bin
# used_bins leaves free.
pick_group() {
	local used k mac addr bin
	used=" $(used_bins) "
	for ((k = 1; k < 256; k++)); do
		if [ "$1" = v4 ]; then
			mac=$(printf '01:00:5e:01:02:%02x' $k) addr=239.1.2.$k
		else
			mac=$(printf '33:33:00:5e:00:%02x' $k) addr=$(printf 'ff0e::5e:%x' $k)
		fi
		bin=$(mc_bin "$mac")
		case $used in *" $bin "*) continue ;; esac
		echo "$addr $mac $bin"
		return 0
	done
	return 1
}

# send ADDR COUNT: COUNT one-byte UDP datagrams from A to ADDR.
send() {
	# shellcheck disable=SC2016 # expanded by the inner bash
	ip netns exec spa bash -c 'for ((i = 0; i < $2; i++)); do
		printf x >"/dev/udp/$1/9" || exit 1; done' _ "$1" "$2"
}
rx_b() { netdev_stat spb "$B" rx_packets; }
filtered() { emu_counter emu1 rx_drop_filtered; }
udp6_multi() { ip netns exec spb awk '$1 == "Udp6IgnoredMulti" { print $2 }' /proc/net/snmp6; }

# probe ADDR passed|filtered|udp: send one datagram at a time to ADDR until
# one is seen passing the chip's filter, dropped by it, or reaching B's UDP
# layer; 5 s at most. A driver may apply a new filter asynchronously
# (mainline does, from a work item).
probe() {
	local i r f u
	for ((i = 0; i < 25; i++)); do
		r=$(rx_b) f=$(filtered) u=$(udp6_multi)
		send "$1" 1 || return 1
		sleep 0.2
		case $2 in
		passed) [ "$(rx_b)" -gt "$r" ] && [ "$(filtered)" = "$f" ] && return 0 ;;
		filtered) [ "$(filtered)" -gt "$f" ] && return 0 ;;
		udp) [ "$(udp6_multi)" -gt "$u" ] && return 0 ;;
		esac
	done
	echo "no probe to $1 was $2 in 5 s"
	return 1
}

# burst ADDR: send n datagrams to ADDR; sets dr, df, du: how much B's
# driver rx_packets, the chip's rx_drop_filtered and B's Udp6IgnoredMulti
# rose (waiting up to 3 s for the burst to land one way or the other).
burst() {
	local r f u
	r=$(rx_b) f=$(filtered) u=$(udp6_multi)
	send "$1" $n || return 1
	wait_for 3 landed "$r" "$f"
	sleep 0.3
	dr=$(($(rx_b) - r)) df=$(($(filtered) - f)) du=$(($(udp6_multi) - u))
	echo "$n datagrams to $1: B rx_packets +$dr, chip rx_drop_filtered +$df, B Udp6IgnoredMulti +$du"
}
landed() { [ $(($(rx_b) - $1 + $(filtered) - $2)) -ge $n ]; }

# dropped ADDR: not promiscuous, the chip drops what is sent to ADDR.
dropped() {
	probe "$1" filtered && burst "$1" &&
	[ $df -ge $n ] && [ $dr -lt $noise ]
}

# passes ADDR: the group passes the chip's filter.
passes() {
	probe "$1" passed && burst "$1" &&
	[ $dr -ge $n ]
}

# reaches ADDR: the group passes and reaches B's UDP layer.
reaches() {
	probe "$1" udp && burst "$1" &&
	[ $dr -ge $n ] && [ $du -ge $n ]
}

add_v4_group() { ip -n spb maddr add "$1" dev "$B" && passes "$2"; }
join() { ip -n spb addr add "$1/128" dev "$B" autojoin && reaches "$1"; }
leave() { ip -n spb addr del "$1/128" dev "$B" && dropped "$1"; }
promisc_on() {
	ip -n spb link set "$B" promisc on && probe "$1" passed && burst "$1" &&
	[ $dr -ge $n ] && [ $df = 0 ]
}
promisc_off() { ip -n spb link set "$B" promisc off && dropped "$1"; }

# The W5500 in MACRAW mode filters unicast only (Sn_MR.MFEN: frames to its
# own address and group frames pass); it has no multicast filter at all,
# so groups B did not join reach its driver and the stack drops them.
# A sends to a station that does not exist (a static neighbour entry with
# an address nobody has) to see the unicast filter at work.
stranger=198.18.0.99
stranger_mac=02:00:5e:51:99:99
left() { ip -n spb addr del "$1/128" dev "$B" && burst "$1" && [ $du = 0 ]; }
w5500_filter() {
	local g4=239.1.2.1 gj=ff0e::5e:1
	e2e_check "A routes IPv4 multicast to its chip" ip -n spa route add 224.0.0.0/4 dev "$A"
	e2e_check "A sends to $stranger at $stranger_mac" \
		ip -n spa neigh replace $stranger lladdr $stranger_mac dev "$A" nud permanent
	e2e_check "unicast to $stranger_mac: the chip drops it in hardware" dropped $stranger
	e2e_check "promiscuous: unicast to $stranger_mac reaches the driver" promisc_on $stranger
	e2e_check "promiscuous off: the chip drops it again" promisc_off $stranger
	e2e_check "group $g4 B did not join passes the chip (no multicast filter)" passes $g4
	e2e_check "B joins $gj (autojoin): its datagrams reach B's UDP layer" join $gj
	e2e_check "B leaves $gj: its datagrams no longer reach B's UDP layer" left $gj
}

pair_start
if [ "$chip" = w5500 ]; then
	w5500_filter
	pair_took
	e2e_finish
	exit
fi
e2e_check "A routes IPv4 multicast to its chip" ip -n spa route add 224.0.0.0/4 dev "$A"

e2e_note "hash bins of B's groups and broadcast at the start: $(used_bins)"
read -r g4 mac4 bin4 < <(pick_group v4)
e2e_note "IPv4 test group $g4 ($mac4, bin $bin4)"
e2e_check "IPv4 group $g4 (bin $bin4): the chip drops it in hardware" dropped "$g4"
e2e_check "ip maddr add $mac4: $g4 now passes the filter" add_v4_group "$mac4" "$g4"

read -r gj macj binj < <(pick_group v6)
e2e_note "joined group $gj ($macj, bin $binj)"
e2e_check "B joins $gj (autojoin): its datagrams reach B's UDP layer" join "$gj"

read -r go maco bino < <(pick_group v6)
e2e_note "group B does not join: $go ($maco, bin $bino); bins in use: $(used_bins)"
e2e_check "B's groups leave a hash bin free for a group it does not join" \
	test -n "$go"
e2e_check "not promiscuous: the chip drops $go in hardware" dropped "$go"
e2e_check "promiscuous: $go reaches the driver, the chip filters nothing" promisc_on "$go"
e2e_check "promiscuous off: the chip drops $go again" promisc_off "$go"
e2e_check "after promiscuous mode $gj still reaches B's UDP layer" reaches "$gj"
e2e_check "B leaves $gj: the chip drops it again" leave "$gj"
pair_took
e2e_finish
