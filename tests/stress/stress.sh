# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# Helpers for the stress scripts (tests/stress/*.sh, run by scripts/stress
# and, short, by make check), and the one file they source: it sources
# ../e2e/lib.sh (as E2E_KIND=stress: TAP and notes then go to
# RESULTS/stress/), emu.sh and pair.sh. Each script's table rows go to
# RESULTS/stress/NAME.rows (one a line, tab-separated: fault, injected,
# counter expected, counter got, recovery, result), which scripts/stress
# prints as a table.
#
# STRESS_ITER caps every loop and every series of injections: a script
# states its long count, stress_n gives it unless STRESS_ITER is smaller
# (make check runs STRESS_ITER=2; make stress runs the full counts).
#
# Auto-negotiation takes 50 ms here (E2E_AN_DELAY_MS=50 unless set): the
# scripts measure the driver, and a link that comes up 1.5 s later, as on
# silicon (make e2e keeps that), would only make loops of down/up, flaps and
# reloads slower. Not 0: the emulator then negotiates without the link
# going down, so a renegotiation that changes the mode (ethtool -s) raises
# no link change, and phylib keeps the old speed and pause resolution.
#
# Time limits (stress_wait_gt, stress_wait_eq, stress_back, stress_within)
# are multiplied by STRESS_SLOW: 1 in UML, 3 in the multi-CPU qemu guest
# (scripts/stress sets it), which runs everything about three times slower
# under TCG and KCSAN and is there for races, not for timing. The figures
# of Documentation/reliability.md are from UML.
#
# Background traffic is rate-limited: the emulator spends the guest's one
# CPU on every byte it clocks, and the bus owner is a SCHED_FIFO thread, so
# unlimited TCP both ways leaves user space a few percent of the CPU (one
# "ip link" call takes 5 to 20 s instead of 0.15 s).
#
# A UML process costs 100 to 250 ms to start, a read of a sysfs or debugfs
# file about 4 ms: everything timed here (recovery, carrier) polls files
# with bash's own read, never a command. The namespaces' sysfs (statistics,
# carrier) is mounted under /run/stress-sys/NS for that, with nsenter (a
# sysfs shows the devices of the namespace that mounts it).

E2E_KIND=stress
# shellcheck source=SCRIPTDIR/../e2e/lib.sh
. "$(dirname "$0")/../e2e/lib.sh"
# shellcheck source=SCRIPTDIR/../e2e/emu.sh
. "$(dirname "$0")/../e2e/emu.sh"
# shellcheck source=SCRIPTDIR/../e2e/pair.sh
. "$(dirname "$0")/../e2e/pair.sh"

: "${E2E_AN_DELAY_MS:=50}"
: "${STRESS_SLOW:=1}"
STRESS_ROWS=${E2E_TAP%.tap}.rows
: >"$STRESS_ROWS"
STRESS_SYS=/run/stress-sys
STRESS_TMP=$(mktemp -d /tmp/stress.XXXXXX)
STRESS_LOAD_PIDS=()

# stress_n LONG: how many times to run a loop whose long version runs LONG
# times: LONG, or STRESS_ITER if that is smaller.
stress_n() {
	local n=$1
	[ -n "${STRESS_ITER:-}" ] && [ "$STRESS_ITER" -lt "$n" ] && n=$STRESS_ITER
	echo "$n"
}

# stress_now VAR: the time in milliseconds, into VAR (no command started).
stress_now() {
	local _us=${EPOCHREALTIME/./}
	printf -v "$1" %d $((10#$_us / 1000))
}

# stress_nap [SECONDS]: sleep without starting a process (a read that times
# out on a FIFO nobody writes); 2 ms by default.
mkfifo "$STRESS_TMP/nap"
exec {STRESS_NAP_FD}<>"$STRESS_TMP/nap"
# shellcheck disable=SC2120 # callers may pass a duration
stress_nap() { read -r -t "${1:-0.002}" -u "$STRESS_NAP_FD" _ || true; }

# stress_mount_ns: mount each namespace's sysfs under STRESS_SYS/NS and set
# SA and SB, the class/net directories of A and B there.
stress_mount_ns() {
	local ns
	for ns in spa spb; do
		mkdir -p "$STRESS_SYS/$ns" &&
		nsenter --net=/run/netns/$ns mount -t sysfs sysfs "$STRESS_SYS/$ns" ||
			return 1
	done
	stress_set_dirs
}
# stress_set_dirs: SA and SB again (after A or B changed name).
stress_set_dirs() {
	SA=$STRESS_SYS/spa/class/net/$A
	SB=$STRESS_SYS/spb/class/net/$B
	[ -d "$SA" ] && [ -d "$SB" ]
}

# stress_get VAR FILE: a number from a sysfs or debugfs file, into VAR.
stress_get() { read -r "$1" <"$2"; }

# stress_poll OP FILE VALUE MS: poll FILE (bash's own read, every 2 ms or
# so) until it holds, as OP says, a number above VALUE (gt) or the string
# VALUE (eq), at most MS milliseconds (times STRESS_SLOW). STRESS_AT is
# then the time (stress_now) it was seen.
stress_poll() {
	local now end v
	stress_now now
	end=$((now + $4 * STRESS_SLOW))
	while :; do
		read -r v <"$2" || v=
		stress_now now
		case $1 in
		gt) [ "${v:-0}" -gt "$3" ] ;;
		eq) [ "$v" = "$3" ] ;;
		esac && { STRESS_AT=$now; return 0; }
		[ "$now" -ge "$end" ] && return 1
		stress_nap
	done
}

# stress_wait_gt FILE VALUE MS: FILE's number goes above VALUE within MS
# milliseconds (stress_poll).
stress_wait_gt() { stress_poll gt "$@"; }

# stress_wait_eq FILE VALUE MS: FILE reads VALUE (a string) within MS
# milliseconds (stress_poll).
stress_wait_eq() { stress_poll eq "$@"; }

# stress_back FILE FROM MS: traffic is back: FILE (a packet counter) moves
# within MS milliseconds from now. STRESS_MS is then the time from FROM (a
# stress_now time: when the fault was injected) to that frame.
stress_back() {
	local v
	read -r v <"$1" || return 1
	stress_wait_gt "$1" "$v" "$3" || return 1
	STRESS_MS=$((STRESS_AT - $2))
}

# stress_ethtool ARRAY NS DEV: ethtool -S of DEV into an associative array.
stress_ethtool() {
	local -n _st=$1
	local k v
	_st=()
	while read -r k v; do
		[ -n "$v" ] && _st[${k%:}]=$v
	done < <(ip netns exec "$2" ethtool -S "$3")
	[ ${#_st[@]} -gt 0 ]
}

# stress_stats NAME VALUES...: "max M ms, mean N ms" of VALUES (ms) into
# STRESS_SUMMARY, the maximum into STRESS_MAX.
stress_stats() {
	local name=$1 v max=0 sum=0 n=0
	shift
	for v in "$@"; do
		[ "$v" -gt "$max" ] && max=$v
		sum=$((sum + v)) n=$((n + 1))
	done
	STRESS_MAX=$max
	if [ $n -eq 0 ]; then
		STRESS_SUMMARY="-"
	else
		STRESS_SUMMARY="max $max ms, mean $((sum / n)) ms"
	fi
	e2e_note "$name: $STRESS_SUMMARY over $n"
}

# stress_within MS: the longest recovery of the last stress_stats (STRESS_MAX)
# is at most MS milliseconds (times STRESS_SLOW).
stress_within() { [ "$STRESS_MAX" -le $(($1 * STRESS_SLOW)) ]; }

# stress_verdict FAULT INJECTED EXPECTED GOT RECOVERY WHAT COMMAND...: the
# check WHAT (as e2e_check), and its row in the table.
stress_verdict() {
	local fault=$1 inj=$2 exp=$3 got=$4 rec=$5 failed=$E2E_FAILED res=ok
	shift 5
	e2e_check "$@"
	[ "$E2E_FAILED" -eq "$failed" ] || res=FAIL
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$fault" "$inj" "$exp" "$got" "$rec" \
		"$res" >>"$STRESS_ROWS"
}

# stress_do WHAT COMMAND...: as e2e_check, but COMMAND runs in this shell,
# so that what it sets (variables, background jobs) stays.
stress_do() {
	local what=$1 rc
	shift
	"$@" >"$STRESS_TMP/out" 2>&1
	rc=$?
	e2e_check "$what" stress_replay "$rc"
}
stress_replay() { cat "$STRESS_TMP/out"; return "$1"; }

# stress_load_start SECONDS [iperf3 client options]: iperf3 from A to B
# (with -R: B to A) in the background, until stress_load_stop; the server
# runs in spb as for e2e_iperf3. stress_load_stop's SIGTERM reaches iperf3
# through timeout, which sends SIGKILL 2 s later: an iperf3 told to stop
# writes its results to its peer first, and with the peer's interface gone
# (unbind, rmmod) that write waited for TCP to give up, over two minutes.
stress_load_start() {
	local secs=$1
	shift
	ip netns exec spb timeout -k 2 $((secs + 30)) iperf3 -s -1 -B $E2E_IP4_B \
		>/dev/null 2>&1 &
	STRESS_LOAD_PIDS+=($!)
	wait_for 5 e2e_listening || { echo "no iperf3 server"; return 1; }
	ip netns exec spa timeout -k 2 $((secs + 30)) iperf3 -c $E2E_IP4_B \
		-t "$secs" "$@" >/dev/null 2>&1 &
	STRESS_LOAD_PIDS+=($!)
}
stress_load_stop() {
	[ ${#STRESS_LOAD_PIDS[@]} -gt 0 ] || return 0
	kill "${STRESS_LOAD_PIDS[@]}" 2>/dev/null
	wait "${STRESS_LOAD_PIDS[@]}" 2>/dev/null
	STRESS_LOAD_PIDS=()
}

# stress_moving FILE: a packet counter moves (traffic flows) within 2 s.
stress_moving() {
	local v
	read -r v <"$1" && stress_wait_gt "$1" "$v" 2000
}

# stress_idle_bql: once traffic stops, BQL has nothing in flight on A and
# B (within 2 s).
stress_idle_bql() {
	local a b
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		stress_get a "$SA/queues/tx-0/byte_queue_limits/inflight"
		stress_get b "$SB/queues/tx-0/byte_queue_limits/inflight"
		[ "$a" = 0 ] && [ "$b" = 0 ] && return 0
		stress_nap 0.2
	done
	echo "BQL inflight: A $a, B $b"
	return 1
}

# stress_bidir: a fresh iperf3 TCP run moves data both ways.
stress_bidir() {
	local out=$STRESS_TMP/bidir.json ab ba
	e2e_iperf3 "$out" spa -c $E2E_IP4_B --bidir || return 1
	ab=$(jq '.end.sum_received.bits_per_second | floor' "$out")
	ba=$(jq '.end.sum_received_bidir_reverse.bits_per_second | floor' "$out")
	echo "A to B $((ab / 1000)) kbit/s, B to A $((ba / 1000)) kbit/s"
	[ "$ab" -gt 0 ] && [ "$ba" -gt 0 ]
}

# stress_irq_thread CHIP: the PID of the interrupt thread of the chip's
# driver (irq/VIRQ-SPIDEV), found without starting a process.
stress_irq_thread() {
	local virq f comm
	virq=$(awk -v c="$1" '$1 == c { print $5 }' "$EMU_DBG/ctl")
	for f in /proc/[0-9]*/comm; do
		read -r comm <"$f" 2>/dev/null || continue
		case $comm in
		"irq/$virq-"*) f=${f%/comm}; echo "${f#/proc/}"; return 0 ;;
		esac
	done
	return 1
}

# stress_diag: B's driver and chip as they are now, for a check's output
# when it fails: its non-zero ethtool counters, its chip's counters and
# interrupt line.
stress_diag() {
	local ns dev c q
	for c in A:spa:emu0 B:spb:emu1; do
		IFS=: read -r dev ns c <<<"$c"
		dev=${!dev}
		q=$STRESS_SYS/$ns/class/net/$dev/queues/tx-0/byte_queue_limits
		echo "$dev ($ns): $(ip netns exec "$ns" ethtool -S "$dev" | awk '$2 != 0 && NR > 1 { printf "%s %s ", $1, $2 }')"
		[ -d "$q" ] && echo "  BQL inflight $(<"$q/inflight"), limit $(<"$q/limit")"
		echo "  $c: $(awk '$2 != 0 { printf "%s %s ", $1, $2 }' "$EMU_DBG/$c/counters")"
		echo "  $c irq: $(awk '{ printf "%s %s ", $1, $2 }' "$EMU_DBG/$c/irq")"
	done
}

# stress_ping FROM-NS TO-ADDR: three pings pass; the state of B if not.
stress_ping() {
	ip netns exec "$1" ping -c 3 -i 0.2 -W 2 "$2" && return 0
	stress_diag
	return 1
}

# stress_static_neigh: A and B know each other's address for good (a
# permanent neighbour entry each way), so that a recovery time measures the
# driver, not ARP: after a few seconds without answers the stack forgets a
# neighbour and asks again once a second.
stress_static_neigh() {
	ip -n spa neigh replace $E2E_IP4_B lladdr "$(<"$SB/address")" dev "$A" nud permanent &&
		ip -n spb neigh replace $E2E_IP4_A lladdr "$(<"$SA/address")" dev "$B" nud permanent
}

# stress_ping_both: pings pass from A to B and from B to A.
stress_ping_both() { stress_ping spa $E2E_IP4_B && stress_ping spb $E2E_IP4_A; }

# A script may define stress_cleanup_hook: it runs first at exit.
stress_cleanup() {
	local ns
	declare -F stress_cleanup_hook >/dev/null && stress_cleanup_hook
	stress_load_stop
	for ns in spa spb; do
		mountpoint -q "$STRESS_SYS/$ns" && umount "$STRESS_SYS/$ns"
	done
	rm -rf "$STRESS_TMP"
}
trap 'stress_cleanup; cleanup' EXIT
