# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# Helpers for end-to-end scripts. Source it. Each script prints TAP lines
# ("ok N - what" / "not ok N - what"), which scripts/check counts, and ends
# with e2e_finish, whose exit status is non-zero if any check failed.
# Scripts run in the UML guest (RESULTS is then the run directory) or,
# where they say so, on real hardware. E2E_KIND (default e2e) names the
# results directory: the stress scripts (tests/stress) set it to stress.

E2E_NAME=$(basename "$0" .sh)
E2E_N=0
E2E_FAILED=0
E2E_SKIPPED=0
E2E_TAP=${RESULTS:-/tmp}/${E2E_KIND:-e2e}/$E2E_NAME.tap
mkdir -p "$(dirname "$E2E_TAP")"
: >"$E2E_TAP"
E2E_NOTES=${E2E_TAP%.tap}.notes
: >"$E2E_NOTES"

e2e_line() { echo "$*" | tee -a "$E2E_TAP"; }

# e2e_check WHAT COMMAND [ARGS...]: one check; the command's output is shown
# only when it fails.
e2e_check() {
	local what=$1 out
	shift
	E2E_N=$((E2E_N + 1))
	if out=$("$@" 2>&1); then
		e2e_line "ok $E2E_N - $what"
	else
		E2E_FAILED=$((E2E_FAILED + 1))
		e2e_line "not ok $E2E_N - $what"
		printf '%s\n' "$out" | tail -n 20 | sed 's/^/#   /'
	fi
}

# e2e_skip WHAT REASON: a check that does not apply here, and why.
e2e_skip() {
	E2E_N=$((E2E_N + 1))
	E2E_SKIPPED=$((E2E_SKIPPED + 1))
	e2e_line "ok $E2E_N - $1 # SKIP $2"
}

# e2e_note TEXT: a figure worth keeping (throughput...), printed at the end
# and kept in the run directory; works inside checks too.
e2e_note() { echo "$*" >>"$E2E_NOTES"; }

e2e_finish() {
	sed 's/^/# note: /' "$E2E_NOTES"
	e2e_line "1..$E2E_N"
	echo "# $E2E_NAME: $((E2E_N - E2E_FAILED - E2E_SKIPPED)) passed, $E2E_FAILED failed, $E2E_SKIPPED skipped"
	[ $E2E_FAILED -eq 0 ]
}

# Addresses: RFC 2544's benchmarking range and the IPv6 documentation prefix;
# they exist only inside the guest's network namespaces.
E2E_IP4_A=198.18.0.1
E2E_IP4_B=198.18.0.2
E2E_IP6_A=2001:db8:5e::1
E2E_IP6_B=2001:db8:5e::2

# e2e_listening: a one-shot iperf3 server listens in namespace spb.
e2e_listening() { [ -n "$(ip netns exec spb ss -Hltn 'sport = :5201')" ]; }

# e2e_iperf3 OUT FROM-NS ARGS...: one iperf3 run of E2E_IPERF_T seconds
# seconds, the server in spb on E2E_IP4_B, the client in FROM-NS with
# ARGS (-c ADDR and options); its JSON goes to OUT.
e2e_iperf3() {
	local out=$1 from=$2 secs=${E2E_IPERF_T:-3} rc srv
	shift 2
	ip netns exec spb timeout $((secs + 20)) iperf3 -s -1 -B $E2E_IP4_B >/dev/null 2>&1 &
	srv=$!
	wait_for 5 e2e_listening || { kill $srv; wait $srv; echo "no iperf3 server"; return 1; }
	ip netns exec "$from" timeout $((secs + 20)) iperf3 -t "$secs" -J "$@" >"$out"
	rc=$?
	wait $srv
	[ $rc -eq 0 ] || { tail -n 5 "$out"; return 1; }
}

# e2e_tcp_rate FROM-NS TO-ADDR NOTE [iperf3 options]: a TCP run; notes
# "NOTE: N kbit/s" and fails unless data arrived.
e2e_tcp_rate() {
	local from=$1 to=$2 note=$3 out bits
	shift 3
	out=$(mktemp) || return 1
	e2e_iperf3 "$out" "$from" -c "$to" "$@" || { rm -f "$out"; return 1; }
	bits=$(jq '.end.sum_received.bits_per_second | floor' "$out")
	rm -f "$out"
	e2e_note "$note: $((bits / 1000)) kbit/s"
	[ "$bits" -gt 0 ]
}
