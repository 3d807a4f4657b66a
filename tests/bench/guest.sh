#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The guest half of "make bench" (scripts/bench boots one UML guest per
# driver and runs this in each, with the emulator and that driver loaded):
# every measurement of Documentation/performance.md, for each bus profile,
# on one emulated chip (a DM9051 or a W5500) driven by the driver under
# test (the DUT) and cabled to the emulator's plain peer netdev, so that
# every figure is that one driver's.
#
#   netns spa                               netns spb
#   +--------------------+              +------------------+
#   | $A 198.18.0.1      |              | emu0peer         |
#   |  driver (DUT)      |              | 198.18.0.2       |
#   |  SPI: emu0 CHIP    |=== cable ====| (plain netdev)   |
#   +--------------------+  100 Mbit/s  +------------------+
#     iperf3 clients, ping                iperf3 servers
#     pktgen (UDP sent)                   pktgen (UDP received)
#
# "tx" is the DUT sending (to the peer), "rx" the DUT receiving.
#
# Environment (scripts/bench passes them on): BENCH_CHIP (CHIP: dm9051 or
# w5500), BENCH_DRIVER (spinet or mainline, for the results),
# BENCH_PROFILES (names: pi4, fast, instant, or NAME=HZ/CLOCKS_PER_BYTE/MSG_NS
# for a profile of one's own), BENCH_T (TCP seconds after the omitted ones),
# BENCH_OMIT (seconds omitted at the start of a TCP run), BENCH_N
# (repetitions of each run that has a target), BENCH_UDP_T (UDP seconds),
# BENCH_PINGS and BENCH_PING_I (ping samples and their interval).
# Results: $RESULTS/bench/PROFILE.json, one per profile, raw (scripts/bench
# computes the figures and the medians), and /proc/slabinfo before and
# after each profile's runs (PROFILE.slabinfo.*, to see where slab grew);
# progress lines in $RESULTS/progress. Exit status 1 if any run broke
# (an iperf3, pktgen or ping that failed): its figure is then missing.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/e2e/emu.sh
. "$top/tests/e2e/emu.sh"

driver=${BENCH_DRIVER:?}
chip=${BENCH_CHIP:-dm9051}
profiles=${BENCH_PROFILES:-pi4 fast instant}
T=${BENCH_T:-10}
O=${BENCH_OMIT:-2}
N=${BENCH_N:-3}
U=${BENCH_UDP_T:-5}
PINGS=${BENCH_PINGS:-200}
PING_I=${BENCH_PING_I:-0.01}
IP_DUT=198.18.0.1
IP_PEER=198.18.0.2
PEER=emu0peer
out=$RESULTS/bench
work=/tmp/bench
mkdir -p "$out" "$work"
: >"$RESULTS/progress"
broken=0

progress() { echo "$*" >>"$RESULTS/progress"; echo "bench: $*"; }

# nap SECONDS: sleep without starting a process (a read that times out).
mkfifo "$work/nap"
nap() { read -r -t "$1" <>"$work/nap" || true; }

A="" MAC_DUT="" MAC_PEER=""
keep_a="" keep_b=""
cleanup() {
	[ -n "$keep_a" ] && kill "$keep_a" 2>/dev/null
	[ -n "$keep_b" ] && kill "$keep_b" 2>/dev/null
	# Down before the chip goes: the mainline driver warns otherwise.
	[ -n "$A" ] && ip -n spa link set "$A" down 2>/dev/null
	emu_ctl del emu0 2>/dev/null
	ip netns del spa 2>/dev/null
	ip netns del spb 2>/dev/null
}
trap cleanup EXIT

carrier() { [ "$(ip netns exec spa cat /sys/class/net/"$A"/carrier)" = 1 ]; }
listening() { [ -n "$(ip netns exec spb ss -Hltn 'sport = :5201')" ]; }
peer_answers() { ip netns exec spa ping -c 1 -W 1 -q $IP_PEER >/dev/null; }

setup() {
	emu_ctl add "$chip" || return 1
	# What the emulated controller must let through for mainline w5100 to
	# work at all (a stack buffer for DMA: tests/e2e/emu.sh).
	E2E_DRIVER=$driver E2E_CHIP=$chip emu_oracle_quirks emu0 || return 1
	# Auto-negotiation keeps its default, silicon's 1.5 s: the mainline
	# dm9051 driver leaves flow control off when it is instant
	# (Documentation/emulator.md, "Known deviations from silicon"). The
	# mainline w5100 driver reports carrier at once, whatever the link: the
	# first ping is retried until the link is up.
	emu_ctl peer emu0 || return 1
	wait_for 10 emu_netdev emu0 >/dev/null || return 1
	A=$(emu_netdev emu0)
	ip netns add spa && ip netns add spb &&
	ip link set "$A" netns spa && ip link set $PEER netns spb || return 1
	# IPv4 only: no neighbour discovery or router solicitations in the
	# figures.
	ip netns exec spa sysctl -qw net.ipv6.conf.all.disable_ipv6=1 &&
	ip netns exec spb sysctl -qw net.ipv6.conf.all.disable_ipv6=1 &&
	ip -n spa addr add $IP_DUT/24 dev "$A" &&
	ip -n spb addr add $IP_PEER/24 dev $PEER &&
	ip -n spa link set "$A" up && ip -n spb link set $PEER up || return 1
	wait_for 10 carrier || return 1
	wait_for 10 peer_answers || return 1
	# No TIME_WAIT sockets: a run's connections leave nothing behind for
	# the slab figures to count.
	ip netns exec spa sysctl -qw net.ipv4.tcp_max_tw_buckets=0 &&
	ip netns exec spb sysctl -qw net.ipv4.tcp_max_tw_buckets=0 || return 1
	MAC_DUT=$(ip netns exec spa cat /sys/class/net/"$A"/address)
	MAC_PEER=$(ip netns exec spb cat /sys/class/net/$PEER/address)
	# The packet generator's threads yield to everything else: they must
	# not take the CPU from the driver they feed.
	modprobe pktgen || return 1
	renice -n 19 -p $(pgrep kpktgend) >/dev/null || return 1
	# A process in each namespace, whose /proc/PID/net/dev bash reads
	# without starting one.
	ip netns exec spa sleep infinity &
	keep_a=$!
	ip netns exec spb sleep infinity &
	keep_b=$!
}

# profile_set NAME[=HZ/CLOCKS/MSG_NS]: the bus timing of the chip.
profile_set() {
	local name=${1%%=*} hz cpb msg
	case $1 in
	*=*/*/*)
		IFS=/ read -r hz cpb msg <<<"${1#*=}"
		emu_ctl profile emu0 pi4 &&
		echo "$hz" >"$EMU_DBG/emu0/timing_hz" &&
		echo "$cpb" >"$EMU_DBG/emu0/timing_clocks_per_byte" &&
		echo "$msg" >"$EMU_DBG/emu0/timing_msg_ns"
		;;
	*) emu_ctl profile emu0 "$name" ;;
	esac || return
	# the emulator's own CPU time, subtracted from the drivers' (kept only
	# when asked for: it costs clock reads)
	echo 1 >"$EMU_DBG/emu0/cpu_account"
}

knob() { cat "$EMU_DBG/emu0/$1"; }

# snap a|b: everything a run is measured by, into the associative array a
# or b, read with bash builtins only (starting a process in this guest
# takes 100 to 250 ms): the chip's counters (emu_*), the CPU's time from
# /proc/stat in USER_HZ ticks, the byte and packet counters of the peer
# netdev (peer_*) and of the DUT (dut_*), unreclaimable slab memory, the
# time in us.
declare -A S a b
snap() {
	local k v rest line user nice system idle iowait irq softirq steal text
	local -A ec
	S=()
	# every file read in one go: slurp, in tests/e2e/emu.sh
	emu_counters ec emu0
	for k in "${!ec[@]}"; do S[emu_$k]=${ec[$k]}; done
	read -r _ user nice system idle iowait irq softirq steal rest </proc/stat
	S[cpu_user]=$((user + nice))
	S[cpu_system]=$system
	S[cpu_irq]=$irq
	S[cpu_softirq]=$softirq
	S[cpu_idle]=$((idle + iowait))
	S[cpu_total]=$((user + nice + system + idle + iowait + irq + softirq + steal))
	slurp text "/proc/$keep_b/net/dev"
	while read -r line; do
		case $line in
		"$PEER:"*)
			read -r 'S[peer_rx_bytes]' 'S[peer_rx_packets]' _ _ _ _ _ _ \
				'S[peer_tx_bytes]' 'S[peer_tx_packets]' rest <<<"${line#*:}"
			;;
		esac
	done <<<"$text"
	slurp text "/proc/$keep_a/net/dev"
	while read -r line; do
		case $line in
		"$A:"*)
			read -r 'S[dut_rx_bytes]' 'S[dut_rx_packets]' 'S[dut_rx_errs]' \
				'S[dut_rx_drop]' _ _ _ _ \
				'S[dut_tx_bytes]' 'S[dut_tx_packets]' rest <<<"${line#*:}"
			;;
		esac
	done <<<"$text"
	slurp text /proc/meminfo
	while read -r k v rest; do
		case $k in
		SUnreclaim:) S[sunreclaim_kb]=$v ;;
		esac
	done <<<"$text"
	S[us]=${EPOCHREALTIME/./}
	if [ "$1" = a ]; then
		a=()
		for k in "${!S[@]}"; do a[$k]=${S[$k]}; done
	else
		b=()
		for k in "${!S[@]}"; do b[$k]=${S[$k]}; done
	fi
}

# slab_kb: unreclaimable slab memory in KB, once every cache has given back
# its empty slabs; then, finer, the KB of objects in use in the caches a
# network driver's allocations land in (kmalloc-*, skbuff_*), from
# /proc/slabinfo.
slab_kb() {
	local f k v rest text
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 2>/dev/null >"$f"
	done
	slurp text /proc/meminfo
	while read -r k v rest; do
		[ "$k" = SUnreclaim: ] && break
	done <<<"$text"
	awk -v s="$v" '$1 ~ /^(kmalloc-([0-9]|cg-)|skbuff_)/ { b += $2 * $4 }
		END { printf "%d %d\n", s, b / 1024 }' /proc/slabinfo
}

# deltas: the JSON object of b minus a over every key (slab: b's value).
deltas() {
	local k sep="" o="{"
	for k in "${!b[@]}"; do
		case $k in
		sunreclaim_kb) o+="$sep\"$k\":${b[$k]}" ;;
		*) o+="$sep\"$k\":$((b[$k] - ${a[$k]:-0}))" ;;
		esac
		sep=,
	done
	echo "$o}"
}

peak_kb=0
# note_peak: the highest unreclaimable slab seen during this profile.
note_peak() {
	local v
	for v in "${a[sunreclaim_kb]}" "${b[sunreclaim_kb]}"; do
		[ "$v" -gt "$peak_kb" ] && peak_kb=$v
	done
}

runs=$work/runs.jsonl
# record KIND DIR REP IPERF-JSON|- EXTRA-JSON: one run's raw figures, with
# the counters' deltas over its measuring window (a, b).
record() {
	local kind=$1 dir=$2 rep=$3 ij=$4 extra=$5
	[ "$ij" = - ] && ij=/dev/null
	jq -nc --arg kind "$kind" --arg dir "$dir" --argjson rep "$rep" \
		--argjson d "$(deltas)" --argjson x "$extra" \
		--slurpfile ij "$ij" \
		'{kind: $kind, dir: $dir, rep: $rep, d: $d} + $x +
		 (if ($ij | length) > 0 then {iperf: ($ij[0].end |
		   {sum_received, sum_sent, sum_received_bidir_reverse,
		    sum_sent_bidir_reverse} | with_entries(select(.value != null)))}
		  else {} end)' >>"$runs"
	note_peak
}

# broke KIND DIR REP WHY: a run that failed; the bench exits non-zero.
broke() {
	broken=1
	progress "$1 $2 run $3 BROKE: $4"
	jq -nc --arg kind "$1" --arg dir "$2" --argjson rep "$3" --arg why "$4" \
		'{kind: $kind, dir: $dir, rep: $rep, error: $why}' >>"$runs"
}

# iperf_run JSON SECONDS WINDOW-START WINDOW-END ARGS...: a one-shot
# server in spb, the client in spa with ARGS; snapshots a and b at
# WINDOW-START and WINDOW-END (whole) seconds after the client starts:
# inside the data transfer, so that counters and CPU cover steady traffic
# only, and with no process started in between. Not in a subshell (a and
# b must stay set): on failure it returns 1 with the reason in why.
why=""
iperf_run() {
	local json=$1 secs=$2 w0=$3 w1=$4 srv cli rc
	shift 4
	ip netns exec spb timeout $((secs + 30)) iperf3 -s -1 -B $IP_PEER >/dev/null 2>&1 &
	srv=$!
	if ! wait_for 5 listening; then
		kill $srv
		wait $srv
		why="no iperf3 server"
		return 1
	fi
	ip netns exec spa timeout $((secs + 30)) iperf3 -c $IP_PEER -J "$@" >"$json" &
	cli=$!
	nap "$w0"
	snap a
	nap $((w1 - w0))
	snap b
	wait $cli
	rc=$?
	wait $srv
	[ $rc -eq 0 ] && return 0
	why="iperf3 exit status $rc: $(jq -r '.error // empty' "$json" 2>/dev/null | head -n 1)"
	return 1
}

# tcp KIND DIR REP [iperf3 options]: TCP for T seconds after O omitted.
tcp() {
	local kind=$1 dir=$2 rep=$3 json=$work/tcp.json opt=()
	shift 3
	[ "$dir" = rx ] && opt=(-R)
	if iperf_run "$json" $((O + T)) $((O + 1)) $((O + T - 1)) \
		-t "$T" -O "$O" "${opt[@]}" "$@"; then
		record "$kind" "$dir" "$rep" "$json" '{}'
	else
		broke "$kind" "$dir" "$rep" "$why"
	fi
}

# netdev_packets PID DEV rx|tx: DEV's packet counter in PID's namespace,
# read with builtins.
netdev_packets() {
	local line rp tp rest text
	slurp text "/proc/$1/net/dev"
	while read -r line; do
		case $line in
		"$2:"*)
			read -r _ rp _ _ _ _ _ _ _ tp rest <<<"${line#*:}"
			if [ "$3" = rx ]; then echo "$rp"; else echo "$tp"; fi
			return
			;;
		esac
	done <<<"$text"
}

# pktgen NS DEV LEN PPS DST-IP DST-MAC: set up the kernel's packet
# generator in namespace NS to send LEN-byte UDP datagrams (to the discard
# port) out of DEV, PPS a second, through the qdisc (queue_xmit: a full
# queue drops, as it would a socket's datagrams, and the generator never
# spins on a stopped queue). One process for all the writes.
pktgen() {
	ip netns exec "$1" bash -c '
		set -e
		pg() { echo "$2" >"/proc/net/pktgen/$1"; }
		pg kpktgend_0 rem_device_all
		pg kpktgend_0 "add_device $2"
		pg "$2" "xmit_mode queue_xmit"
		pg "$2" "count 0"
		pg "$2" "clone_skb 0"
		pg "$2" "pkt_size $3"
		pg "$2" "dst $4"
		pg "$2" "dst_mac $5"
		pg "$2" "udp_src_min 9"
		pg "$2" "udp_src_max 9"
		pg "$2" "udp_dst_min 9"
		pg "$2" "udp_dst_max 9"
		pg "$2" "ratep $6"' _ "$1" "$2" $(($3 + 42)) "$5" "$6" "$4"
}

# udp DIR LEN REP: LEN-byte UDP datagrams for U seconds, generated in the
# kernel by pktgen (iperf3 sending from user space runs out of CPU in this
# guest near 1000 datagrams a second) at 1.25 times what the bus (or,
# faster, the cable) carries for that frame size. Delivered: the frames
# the receiving netdev counted (the peer's for tx, the DUT's for rx), a
# second over the window; loss: 1 - delivered / offered over the whole run.
udp() {
	local dir=$1 len=$2 rep=$3 frame=$(($2 + 42 + 4)) wire pps bus
	local ns dev ip mac cnt_pid cnt_dev cnt_dir p0 p1 res sent errors gen
	local pg_run pg_idle
	# the cable: the frame without FCS padded to 60, then FCS, preamble,
	# inter-frame gap; 100 Mbit/s is 12.5 million bytes a second
	wire=$((12500000 / ((len + 42 > 60 ? len + 42 : 60) + 4 + 20)))
	pps=$wire
	if [ "$(knob timing_instant)" = N ]; then
		bus=$(($(knob timing_hz) / $(knob timing_clocks_per_byte) / frame))
		[ $bus -lt $pps ] && pps=$bus
	fi
	pps=$((pps * 5 / 4))
	if [ "$dir" = tx ]; then
		ns=spa dev=$A ip=$IP_PEER mac=$MAC_PEER cnt_pid=$keep_b cnt_dev=$PEER
	else
		ns=spb dev=$PEER ip=$IP_DUT mac=$MAC_DUT cnt_pid=$keep_a cnt_dev=$A
	fi
	cnt_dir=rx
	if ! pktgen "$ns" "$dev" "$len" "$pps" "$ip" "$mac"; then
		broke udp"$len" "$dir" "$rep" "cannot set up pktgen"
		return
	fi
	p0=$(netdev_packets "$cnt_pid" "$cnt_dev" $cnt_dir)
	ip netns exec "$ns" bash -c 'echo start >/proc/net/pktgen/pgctrl' &
	gen=$!
	nap 1
	snap a
	nap $((U - 2))
	snap b
	nap 1
	ip netns exec "$ns" bash -c 'echo stop >/proc/net/pktgen/pgctrl'
	wait $gen
	nap 1
	p1=$(netdev_packets "$cnt_pid" "$cnt_dev" $cnt_dir)
	res=$(ip netns exec "$ns" cat "/proc/net/pktgen/$dev")
	sent=$(sed -n '/pkts-sofar:/{s/.*pkts-sofar: *\([0-9]*\).*/\1/p;q}' <<<"$res")
	errors=$(sed -n '/pkts-sofar:/{s/.*errors: *\([0-9]*\).*/\1/p;q}' <<<"$res")
	# how long it ran, and how much of that it waited between datagrams
	# (spinning when the gap is under 100 us, sleeping otherwise)
	read -r pg_run pg_idle < <(awk '/started:/ { for (i = 1; i < NF; i++) {
		if ($i == "started:") s = $(i + 1) + 0
		if ($i == "stopped:") e = $(i + 1) + 0
		if ($i == "idle:") w = $(i + 1) + 0 }
		print e - s, w }' <<<"$res")
	if [ -z "$sent" ] || [ -z "$errors" ] || [ $((sent + errors)) -eq 0 ]; then
		broke udp"$len" "$dir" "$rep" "pktgen sent nothing"
		return
	fi
	record udp"$len" "$dir" "$rep" - "{\"offered_pps\": $pps, \"generated\": $((sent + errors)),
		\"queue_drops\": $errors, \"delivered\": $((p1 - p0)),
		\"counted_at\": \"$cnt_dev $cnt_dir\", \"pktgen_run_us\": ${pg_run:-0},
		\"pktgen_wait_us\": ${pg_idle:-0}}"
}

# ping_rtts FILE: PINGS pings of the peer; their round-trip times in us,
# one a line, in FILE; the ping's window in a and b.
ping_rtts() {
	local n=0
	snap a
	ip netns exec spa ping -n -c "$PINGS" -i "$PING_I" -W 1 $IP_PEER >"$work/ping.out"
	snap b
	awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^time=/) {
		sub(/^time=/, "", $i); printf "%d\n", $i * 1000 } }' \
		"$work/ping.out" >"$1"
	n=$(wc -l <"$1")
	[ "$n" -gt 0 ]
}

# rtt_stats FILE: p50 and p99 (nearest rank) of the samples, as JSON.
rtt_stats() {
	sort -n "$1" | awk -v sent="$PINGS" '{ v[NR] = $1 } END {
		p50 = int((NR * 50 + 99) / 100); p99 = int((NR * 99 + 99) / 100)
		printf "{\"samples\": %d, \"sent\": %d, \"p50_us\": %d, \"p99_us\": %d, \"max_us\": %d}",
			NR, sent, v[p50], v[p99], v[NR] }'
}

# ping_idle REP: latency with nothing else on the link.
ping_idle() {
	local f=$work/rtt
	if ping_rtts "$f"; then
		record ping idle "$1" - "$(rtt_stats "$f")"
	else
		broke ping idle "$1" "no reply"
	fi
}

# ping_loaded REP: latency while the DUT sends TCP to the peer (started O
# seconds before the first ping).
ping_loaded() {
	local rep=$1 f=$work/rtt secs srv cli ok=1 stats
	secs=$(awk -v n="$PINGS" -v i="$PING_I" -v o="$O" 'BEGIN { printf "%d", o + n * i * 1.5 + 2 }')
	ip netns exec spb timeout $((secs + 30)) iperf3 -s -1 -B $IP_PEER >/dev/null 2>&1 &
	srv=$!
	if ! wait_for 5 listening; then
		kill $srv
		wait $srv
		broke ping loaded "$rep" "no iperf3 server"
		return
	fi
	ip netns exec spa timeout $((secs + 30)) iperf3 -c $IP_PEER -t "$secs" >/dev/null 2>&1 &
	cli=$!
	nap "$O"
	ping_rtts "$f" || ok=0
	stats=$(rtt_stats "$f")
	wait $cli || ok=0
	wait $srv
	if [ $ok -eq 1 ]; then
		record ping loaded "$rep" - "$stats"
	else
		broke ping loaded "$rep" "ping or the TCP load failed"
	fi
}

progress "setting up: emulated $chip and the peer netdev"
if ! setup; then
	progress "setup FAILED"
	exit 1
fi
# The first connections allocate what the stack keeps for good (routes,
# TCP metrics, socket caches): before the first "before" figure.
progress "warming up: a short TCP run each way"
if ! iperf_run "$work/warm.json" 3 1 2 -t 2 || ! iperf_run "$work/warm.json" 3 1 2 -t 2 -R; then
	progress "warm-up FAILED: $why"
	exit 1
fi

for p in $profiles; do
	name=${p%%=*}
	if ! profile_set "$p"; then
		progress "$name: cannot set the profile"
		broken=1
		continue
	fi
	progress "$name: started"
	: >"$runs"
	nap 1
	read -r before_kb before_drv_kb < <(slab_kb)
	cp /proc/slabinfo "$out/$name.slabinfo.before"
	peak_kb=$before_kb
	t0=$SECONDS
	for rep in $(seq "$N"); do
		tcp tcp tx "$rep"
		tcp tcp rx "$rep"
		udp tx 64 "$rep"
		udp rx 64 "$rep"
		ping_idle "$rep"
		ping_loaded "$rep"
		progress "$name: round $rep of $N done ($((SECONDS - t0)) s)"
	done
	tcp tcp_bidir tx 1 --bidir
	tcp tcp_p4 tx 1 -P 4
	udp tx 1472 1
	udp rx 1472 1
	nap 2
	read -r after_kb after_drv_kb < <(slab_kb)
	cp /proc/slabinfo "$out/$name.slabinfo.after"
	[ "$after_kb" -gt "$peak_kb" ] && peak_kb=$after_kb
	jq -n --arg chip "$chip" --arg driver "$driver" --arg profile "$name" --arg spec "$p" \
		--arg kernel "$(uname -r)" --arg drv "$(ip netns exec spa ethtool -i "$A" | awk '$1 == "driver:" { print $2 }')" \
		--arg qdisc "$(ip -n spa -o link show "$A" | sed -n 's/.* qdisc \([^ ]*\).*/\1/p')" \
		--argjson hz "$(knob timing_hz)" --argjson cpb "$(knob timing_clocks_per_byte)" \
		--argjson msg_ns "$(knob timing_msg_ns)" --argjson cs_ns "$(knob timing_cs_ns)" \
		--argjson xfer_ns "$(knob timing_xfer_ns)" --arg instant "$(knob timing_instant)" \
		--argjson user_hz "$(getconf CLK_TCK)" \
		--argjson t "$T" --argjson omit "$O" --argjson n "$N" --argjson udp_t "$U" \
		--argjson pings "$PINGS" --arg ping_i "$PING_I" \
		--argjson before "$before_kb" --argjson peak "$peak_kb" --argjson after "$after_kb" \
		--argjson before_drv "$before_drv_kb" --argjson after_drv "$after_drv_kb" \
		--argjson secs $((SECONDS - t0)) --slurpfile runs "$runs" \
		'{chip: $chip, driver: $driver, driver_module: $drv, profile: $profile, spec: $spec,
		  kernel: $kernel, qdisc: $qdisc, user_hz: $user_hz,
		  timing: {hz: $hz, clocks_per_byte: $cpb, msg_ns: $msg_ns, cs_ns: $cs_ns,
			   xfer_ns: $xfer_ns, instant: ($instant == "Y")},
		  params: {t: $t, omit: $omit, n: $n, udp_t: $udp_t, pings: $pings,
			   ping_i: ($ping_i | tonumber)},
		  slab_kb: {before: $before, peak: $peak, after: $after,
		    kmalloc_skb_before: $before_drv, kmalloc_skb_after: $after_drv},
		  seconds: $secs, runs: $runs}' >"$out/$name.json" || broken=1
	progress "$name: done in $((SECONDS - t0)) s"
done
exit $broken
