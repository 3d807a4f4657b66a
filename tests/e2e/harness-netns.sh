#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The harness's own end-to-end check: two network namespaces joined by veth
# pass ping (IPv4, IPv6) and a short iperf3 run, so the guest userland the
# driver tests rely on (ip netns, ping, iperf3) works.
#
#   netns spa                         netns spb
#   +-----------------+    veth    +-----------------+
#   | va 198.18.0.1   |------------| vb 198.18.0.2   |
#   |    2001:db8:5e::1|           |    2001:db8:5e::2|
#   +-----------------+            +-----------------+
. "$(dirname "$0")/lib.sh"

cleanup() { ip netns del spa 2>/dev/null; ip netns del spb 2>/dev/null; }
trap cleanup EXIT

setup() {
	ip netns add spa && ip netns add spb &&
	ip link add va netns spa type veth peer name vb netns spb &&
	ip -n spa addr add $E2E_IP4_A/24 dev va &&
	ip -n spb addr add $E2E_IP4_B/24 dev vb &&
	ip -n spa addr add $E2E_IP6_A/64 dev va nodad &&
	ip -n spb addr add $E2E_IP6_B/64 dev vb nodad &&
	ip -n spa link set va up && ip -n spb link set vb up
}

iperf_run() {
	local json bytes
	ip netns exec spb timeout 30 iperf3 -s -1 -B $E2E_IP4_B >/dev/null 2>&1 &
	sleep 1
	json=$(ip netns exec spa timeout 30 iperf3 -c $E2E_IP4_B -t 2 -J) || return 1
	wait
	bytes=$(jq '.end.sum_received.bytes' <<<"$json") || return 1
	echo "received $bytes bytes"
	[ "$bytes" -gt 0 ]
}

e2e_check "two namespaces joined by veth" setup
e2e_check "ping IPv4 across veth" ip netns exec spa ping -c 3 -i 0.2 -W 2 $E2E_IP4_B
e2e_check "ping IPv6 across veth" ip netns exec spa ping -6 -c 3 -i 0.2 -W 2 $E2E_IP6_B
e2e_check "iperf3 TCP for 2 s across veth" iperf_run
e2e_finish
