# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# The two-chip topology of the chip suite (tests/e2e/chips): two emulated
# chips joined by the emulated cable, each driven by the driver under test
# (E2E_DRIVER: spinet or mainline) in its own network namespace. Source
# after lib.sh and emu.sh; removes the namespaces and the chips on exit.
#
#   netns spa                                        netns spb
#   +--------------------+                      +--------------------+
#   | $A 198.18.0.1      |                      | $B 198.18.0.2      |
#   |  driver            |                      |  driver            |
#   |  SPI: emu0 (CHIP)  |====== cable ========|  SPI: emu1 (CHIP)  |
#   +--------------------+      100 Mbit/s      +--------------------+
#
# E2E_CHIP (default dm9051), E2E_IPERF_T (seconds, default 3), E2E_PROFILE
# (bus timing: pi4, fast or instant; default pi4), E2E_STRICT (1: the
# emulator's strict mode), E2E_DT (1: the chips are the ones the boot's
# device tree describes, tests/dt/CHIP.dts, made with the emulator's "dt"),
# E2E_AN_DELAY_MS (how long auto-negotiation takes; the emulator's default,
# as silicon's, is 1500).

chip=${E2E_CHIP:-dm9051}
: "${E2E_DRIVER:=spinet}"
t=${E2E_IPERF_T:-3}
profile=${E2E_PROFILE:-pi4}

# Down first: a driver whose remove() stops the PHY before it unregisters
# the netdev (mainline dm9051) warns when a chip is deleted while its
# interface is up, and "ip netns del" moves (and closes) the interfaces
# only later, asynchronously.
cleanup() {
	ip -n spa link set "$A" down 2>/dev/null
	ip -n spb link set "$B" down 2>/dev/null
	ip netns del spa 2>/dev/null
	ip netns del spb 2>/dev/null
	emu_ctl del emu1 2>/dev/null
	emu_ctl del emu0 2>/dev/null
}
trap cleanup EXIT

setup() {
	if [ "${E2E_DT:-0}" = 1 ]; then
		emu_ctl dt
	else
		emu_ctl add "$chip" && emu_ctl add "$chip"
	fi &&
	emu_ctl profile emu0 "$profile" && emu_ctl profile emu1 "$profile" &&
	emu_oracle_quirks emu0 emu1 &&
	echo "${E2E_STRICT:-0}" >"$EMU_DBG/emu0/strict" &&
	echo "${E2E_STRICT:-0}" >"$EMU_DBG/emu1/strict" &&
	{ [ -z "${E2E_AN_DELAY_MS:-}" ] ||
	  { echo "$E2E_AN_DELAY_MS" >"$EMU_DBG/emu0/an_delay_ms" &&
	    echo "$E2E_AN_DELAY_MS" >"$EMU_DBG/emu1/an_delay_ms"; }; } &&
	emu_ctl connect emu0 emu1 &&
	wait_for 5 emu_netdev emu0 >/dev/null && wait_for 5 emu_netdev emu1 >/dev/null
}

# pair_join NS DEV IPV4 IPV6: move DEV into NS, address it, bring it up.
pair_join() {
	ip link set "$2" netns "$1" &&
	ip -n "$1" addr add "$3/24" dev "$2" &&
	ip -n "$1" addr add "$4/64" dev "$2" nodad &&
	ip -n "$1" link set "$2" up
}

into_netns() {
	[ -n "$A" ] && [ -n "$B" ] &&
	ip netns add spa && ip netns add spb &&
	pair_join spa "$A" $E2E_IP4_A $E2E_IP6_A &&
	pair_join spb "$B" $E2E_IP4_B $E2E_IP6_B
}

carrier() {
	[ "$(ip netns exec spa cat /sys/class/net/"$A"/carrier)" = 1 ] &&
	[ "$(ip netns exec spb cat /sys/class/net/"$B"/carrier)" = 1 ]
}

# What each driver counted equals what its chip saw: frames the driver
# handed to the chip (sent, or refused because both TX packet indexes were
# busy), and frames the driver took from the chip. Background traffic
# (IPv6 neighbour discovery) may move the counters while they are read, so
# read the emulator, the drivers, the emulator again, until the emulator
# did not move in between.
handed() { echo $(($(emu_counter "$1" tx_frames) + $(emu_counter "$1" tx_rejected))); }
snapshot() {
	echo "$(handed emu0) $(emu_counter emu0 rx_stored)" \
		"$(handed emu1) $(emu_counter emu1 rx_stored)"
}
counters_agree() {
	local e1 e2 d
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.5
		e1=$(snapshot)
		d="$(netdev_stat spa "$A" tx_packets) $(netdev_stat spa "$A" rx_packets)"
		d="$d $(netdev_stat spb "$B" tx_packets) $(netdev_stat spb "$B" rx_packets)"
		e2=$(snapshot)
		[ "$e1" = "$e2" ] || continue
		echo "emulator (emu0 tx stored, emu1 tx stored): $e1; drivers: $d"
		[ "$e1" = "$d" ]
		return
	done
	echo "the counters never stood still"
	return 1
}


# The script's own duration, as a note: call last, before e2e_finish.
pair_took() { e2e_note "$E2E_NAME took $SECONDS s ($E2E_DRIVER $chip, $profile)"; }

# pair_start: the checks every two-chip script begins with; sets A and B
# (in the calling shell: e2e_check runs each check in a subshell).
pair_start() {
	e2e_check "$E2E_DRIVER probes two $chip chips on the emulator" setup
	A=$(emu_netdev emu0)
	B=$(emu_netdev emu1)
	e2e_check "the interfaces come up in two namespaces" into_netns
	e2e_check "both ends report carrier within 10 s" wait_for 10 carrier
}
