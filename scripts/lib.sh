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

# Run "$@" holding an exclusive lock on the cache, so two builds never
# write the same tree at once.
with_cache_lock() {
	mkdir -p "$SPINET_CACHE"
	(
		flock -w 3600 9 || die "timed out waiting for $SPINET_CACHE/.lock"
		"$@"
	) 9>"$SPINET_CACHE/.lock"
}

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
