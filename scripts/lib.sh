# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# Common definitions for spinet's build and test scripts. Source it; do not run it.

SPINET_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SPINET_CACHE=${SPINET_CACHE:-$HOME/.cache/spinet}
SPINET_SRC_PKG=linux-source-6.12
SPINET_SRC_TAR=/usr/src/$SPINET_SRC_PKG.tar.xz
SPINET_SRC=$SPINET_CACHE/$SPINET_SRC_PKG

# Debian's default kernel headers are 6.1 on Debian 12; the directory name
# carries the ABI, so find it rather than hard-coding it.
spinet_headers_61() {
	local d
	for d in /usr/src/linux-headers-6.1.*-amd64; do
		[ -f "$d/Makefile" ] && echo "$d" && return 0
	done
	return 1
}

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# with_lock FILE COMMAND...: run the command holding an exclusive lock on
# FILE, so two builds never write the same tree at once.
with_lock() {
	local lock=$1
	shift
	mkdir -p "$(dirname "$lock")"
	(
		flock -w 3600 9 || die "timed out waiting for $lock"
		"$@"
	) 9>"$lock"
}

# Run "$@" holding the lock on the whole cache (the source, the UML and
# cross trees).
with_cache_lock() { with_lock "$SPINET_CACHE/.lock" "$@"; }

# Version of an installed Debian package, or nothing.
pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }

# A short digest of the contents of files (not their paths), for stamps.
file_sha() { cat "$@" | sha256sum | cut -c1-16; }

# Lines of a console log that are kernel reports; each one fails a run.
# Test scripts must not print these words themselves.
SPINET_REPORT_RE='BUG:|WARNING:|KASAN:|UBSAN:|KCSAN:|possible recursive locking|inconsistent lock state|circular locking dependency|irq lock inversion|suspicious RCU usage|Call Trace:|unreferenced object|blocked for more than|Kernel panic|Oops|general protection fault|refcount_t:|unregister_netdevice: waiting for|soft lockup|rcu: INFO|stack-protector'
spinet_console_reports() {
	grep -E -- "$SPINET_REPORT_RE" "$1"
}

# Extract Debian's kernel source into $SPINET_SRC, unless the installed
# package's version is already there. Call it holding the cache lock.
spinet_ensure_source() {
	local ver stamp=$SPINET_SRC/.spinet-src-stamp
	ver=$(pkg_version "$SPINET_SRC_PKG")
	[ -n "$ver" ] && [ -f "$SPINET_SRC_TAR" ] || die "$SPINET_SRC_PKG is not installed (scripts/setup-host)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$ver" ]; then
		return 0
	fi
	say "extracting $SPINET_SRC_TAR ($ver) into $SPINET_CACHE"
	rm -rf "$SPINET_SRC" "$SPINET_SRC.tmp"
	mkdir -p "$SPINET_SRC.tmp"
	tar -xJf "$SPINET_SRC_TAR" -C "$SPINET_SRC.tmp" --strip-components=1
	echo "$ver" >"$SPINET_SRC.tmp/.spinet-src-stamp"
	mv "$SPINET_SRC.tmp" "$SPINET_SRC"
}

# spinet_check_config FRAGMENT CONFIG: every line of the fragment holds in
# the final .config, so that an option silently dropped by a missing
# dependency fails the build instead of weakening the tests.
spinet_check_config() {
	local line sym val bad=0
	while IFS= read -r line; do
		case "$line" in CONFIG_*=*) ;; *) continue ;; esac
		sym=${line%%=*}
		val=${line#*=}
		if [ "$val" = n ]; then
			if grep -q "^$sym=" "$2"; then
				echo "config: $sym should be unset" >&2
				bad=1
			fi
		elif ! grep -qx "$sym=$val" "$2"; then
			echo "config: wanted $sym=$val, got: $(grep "^$sym=\|^# $sym is not set" "$2" || echo absent)" >&2
			bad=1
		fi
	done <"$1"
	return $bad
}

# Running a command in a test guest (scripts/uml-run, scripts/smp-run): the
# options both take, the run directory tests/uml/guest-init reads, the
# console, and the verdict.

# spinet_run_opts ARGS...: parse the shared options (-m, -t, -o, --mem,
# --no-leakcheck, --no-build, -q) into run_modules, run_timeout,
# run_results, run_mem, run_leak, run_build and run_quiet, and the command
# into run_cmd. An option it does not know goes to the caller's function
# run_opt, called with the remaining words, which sets run_took to how many
# words it used (0: it does not know the option either).
spinet_run_opts() {
	run_modules="" run_timeout=600 run_results="" run_mem=1G
	run_leak=1 run_build=1 run_quiet=0
	while [ $# -gt 0 ]; do
		case $1 in
		-m | --modules) run_modules=$2; shift 2 ;;
		-t | --timeout) run_timeout=$2; shift 2 ;;
		-o | --results) run_results=$2; shift 2 ;;
		--mem) run_mem=$2; shift 2 ;;
		--no-leakcheck) run_leak=0; shift ;;
		--no-build) run_build=0; shift ;;
		-q | --quiet) run_quiet=1; shift ;;
		--) shift; break ;;
		-*)
			run_took=0
			run_opt "$@"
			[ "$run_took" -gt 0 ] || die "unknown option $1 (see the top of $0)"
			shift "$run_took"
			;;
		*) break ;;
		esac
	done
	[ $# -gt 0 ] || die "usage: $(basename "$0") [options] [--] COMMAND [ARGS...]"
	run_cmd=("$@")
}

# spinet_run_prepare OBJDIR KDIR: make the run directory (run_results, by
# default a new one under $SPINET_CACHE/runs; made absolute), write there
# what the guest's init reads ("modules": run_modules, project modules
# found by name in OBJDIR; "cmd": run_cmd, to run in this directory), and
# set guest_args, the kernel command-line words for the guest's init (KDIR
# holds the kernel's modules under modroot/).
spinet_run_prepare() {
	local obj=$1 kdir=$2 m ko mod_list
	if [ -z "$run_results" ]; then
		mkdir -p "$SPINET_CACHE/runs"
		run_results=$(mktemp -d "$SPINET_CACHE/runs/run.XXXXXX")
	fi
	mkdir -p "$run_results"
	run_results=$(cd "$run_results" && pwd)
	rm -rf "$run_results/kunit" "$run_results/status" "$run_results/modules" "$run_results/cmd"

	: >"$run_results/modules"
	IFS=, read -r -a mod_list <<<"$run_modules"
	for m in "${mod_list[@]}"; do
		case $m in
		'') ;;
		mod:*) echo "modprobe ${m#mod:}" >>"$run_results/modules" ;;
		*.ko) echo "insmod $(realpath "$m")" >>"$run_results/modules" ;;
		*)
			ko=$(find "$obj" -name "$m.ko" -print -quit 2>/dev/null || true)
			[ -n "$ko" ] || die "no module $m.ko in $obj"
			echo "insmod $ko" >>"$run_results/modules"
			;;
		esac
	done
	{
		echo "export SPINET_TOP=$(printf %q "$SPINET_TOP") RESULTS=/run/spinet"
		echo "cd $(printf %q "$PWD") || exit 1"
		printf '%q ' "${run_cmd[@]}"
		echo
	} >"$run_results/cmd"
	guest_args=(init="$SPINET_TOP/tests/uml/guest-init"
		SPINET_RUN="$run_results" SPINET_MODROOT="$kdir/modroot/lib/modules"
		SPINET_TIMEOUT="$run_timeout" SPINET_LEAKCHECK="$run_leak"
		SPINET_KEEP="$SPINET_TOP:$PWD:$SPINET_CACHE:$obj:$kdir")
}

# spinet_run_console COMMAND...: boot the guest; its console goes to
# console.log in the run directory (without the serial line's carriage
# returns), and to stdout unless run_quiet.
spinet_run_console() {
	local log=$run_results/console.log
	if [ "$run_quiet" -eq 1 ]; then
		"$@" </dev/null 2>&1 | sed -u 's/\r$//' >"$log" || true
	else
		"$@" </dev/null 2>&1 | sed -u 's/\r$//' | tee "$log" || true
	fi
}

# spinet_run_verdict NAME: return the command's exit status, or 1 if the
# guest did not finish or the console shows a kernel report (printed).
spinet_run_verdict() {
	local log=$run_results/console.log rc=1 reports
	if [ -f "$run_results/status" ]; then
		rc=$(cat "$run_results/status")
	else
		echo "$1: the guest did not finish (panic, hang or time-out); see $log" >&2
	fi
	reports=$(spinet_console_reports "$log" || true)
	if [ -n "$reports" ]; then
		echo "$1: kernel reports on the console ($log):" >&2
		echo "$reports" | head -n 40 >&2
		[ "$rc" -eq 0 ] && rc=1
	fi
	echo "$1: results in $run_results, exit status $rc" >&2
	return "$rc"
}

# Stages of "make check" and "make check-smp". Each logs to
# $check_logs/NAME.log and adds to check_pass, check_fail and check_skip.
# The caller sets check_logs and zeroes the three counts.

# check_stage NAME COMMAND...: one check, timed.
# shellcheck disable=SC2154
check_stage() {
	local name=$1 t0 rc
	shift
	t0=$(date +%s)
	say "stage $name"
	"$@" >"$check_logs/$name.log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "ok - $name ($(($(date +%s) - t0)) s)"
		check_pass=$((check_pass + 1))
	else
		echo "not ok - $name ($(($(date +%s) - t0)) s), exit $rc; last lines of $check_logs/$name.log:"
		tail -n 25 "$check_logs/$name.log" | sed 's/^/#   /'
		check_fail=$((check_fail + 1))
	fi
	return $rc
}

# check_tally NAME T0: add the last "judge: N passed, N failed, N skipped"
# line of NAME.log to the totals.
# shellcheck disable=SC2154
check_tally() {
	local name=$1 t0=$2 line p f s
	line=$(grep '^judge: ' "$check_logs/$name.log" | tail -n 1)
	if [[ $line =~ ^judge:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]} s=${BASH_REMATCH[3]}
	else
		p=0 f=1 s=0
		echo "not ok - $name printed no judgement"
	fi
	grep -E '^(not )?ok - ' "$check_logs/$name.log" | grep -v '^judge' | sed 's/^/  /'
	echo "# $name: $p passed, $f failed, $s skipped ($(($(date +%s) - t0)) s)"
	check_pass=$((check_pass + p)) check_fail=$((check_fail + f)) check_skip=$((check_skip + s))
}

# check_counted NAME COMMAND...: a stage whose judgement is added to the
# totals instead of counting as one check.
# shellcheck disable=SC2154
check_counted() {
	local name=$1 t0
	shift
	t0=$(date +%s)
	say "stage $name"
	"$@" >"$check_logs/$name.log" 2>&1
	check_tally "$name" "$t0"
}

# What "make check" must see run (tests/manifest), one "KIND:NAME" a line
# (kunit:SUITE, e2e:SCRIPT...). A line "KIND:NAME uml" is for the UML guest
# only (the memory-mapped chips: only UML emulates I/O memory); under
# SPINET_VM=smp it is left out, and the word is dropped everywhere.
spinet_manifest() {
	local vm=${SPINET_VM:-uml}
	awk -v vm="$vm" '/^[[:space:]]*(#|$)/ { next }
		NF > 1 && $2 != vm { next }
		{ print $1 }' "$SPINET_TOP/tests/manifest"
}

# The end-to-end scripts tests/e2e/chips lists for CHIP, one a line.
spinet_chip_scripts() {
	awk -v c="$1" '$1 == c { for (i = 2; i <= NF; i++) print $i }' "$SPINET_TOP/tests/e2e/chips"
}

# spinet_driver_ko TARGET: the absolute path of spinet.ko as built for
# TARGET (a scripts/build-modules target), where uml-run and smp-run find
# it by name; dies if there is none.
spinet_driver_ko() {
	local obj=${SPINET_OBJDIR:-$SPINET_CACHE/obj}/$1 ko
	ko=$(find "$obj" -name spinet.ko -print -quit)
	[ -n "$ko" ] || die "no spinet.ko in $obj"
	realpath "$ko"
}

# spinet_chip_dtb CHIP: compile tests/dt/CHIP.dts, without a warning, into
# build/dt/CHIP.dtb and print its path; print nothing if there is no tree.
spinet_chip_dtb() {
	local dts=$SPINET_TOP/tests/dt/$1.dts dtb=$SPINET_TOP/build/dt/$1.dtb warnings
	[ -f "$dts" ] || return 0
	command -v dtc >/dev/null || die "dtc is missing: install device-tree-compiler (scripts/setup-host)"
	mkdir -p "${dtb%/*}"
	# Two suites may run at once: each renames its own into place.
	warnings=$(dtc -I dts -O dtb -o "$dtb.$$" "$dts" 2>&1) ||
		die "dtc failed: $warnings"
	[ -z "$warnings" ] || die "dtc warned: $warnings"
	mv -f "$dtb.$$" "$dtb"
	echo "$dtb"
}

# spinet_main_run RUNDIR: the main guest run of "make check" and "make
# check-smp" (the guest of SPINET_VM, see spinet_vm): load the emulator,
# the driver and every KUnit module, run every end-to-end script of
# tests/manifest, and judge the run against the manifest's KUnit suites and
# end-to-end scripts.
spinet_main_run() {
	local w wants scripts=() vm_run vm_target vm_slow
	spinet_vm
	mapfile -t wants < <(spinet_manifest | grep -E '^(kunit|e2e):')
	for w in "${wants[@]}"; do
		[[ $w == e2e:* ]] && scripts+=("${w#e2e:}")
	done
	"$SPINET_TOP/scripts/$vm_run" -q --no-build -o "$1" -t $((900 * vm_slow)) \
		-m spinet_emu,spinet_emu_kunit,spinet,spinet_kunit,spinet_harness_kunit \
		-- "$SPINET_TOP/tests/e2e/run" "${scripts[@]}"
	"$SPINET_TOP/scripts/judge-run" "$1" "${wants[@]}"
}

# spinet_vm: the guest that scripts/e2e and the main run boot, chosen by
# SPINET_VM: uml (the default; one CPU, KASAN) or smp (qemu, 2 CPUs, KCSAN;
# make check-smp). Sets vm_run (the script that boots it), vm_target (the
# scripts/build-modules target) and vm_slow (by how much to scale time
# limits).
spinet_vm() {
	case ${SPINET_VM:-uml} in
	uml) vm_run=uml-run vm_target=uml vm_slow=1 ;;
	smp) vm_run=smp-run vm_target=smp vm_slow=3 ;;
	*) die "SPINET_VM is uml or smp, not $SPINET_VM" ;;
	esac
}
