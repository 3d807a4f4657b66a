# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers for end-to-end scripts that run against the chip emulator
# (tests/emu). Source after lib.sh.

EMU_DBG=/sys/kernel/debug/spinet-emu

emu_ctl() { echo "$*" >"$EMU_DBG/ctl"; }

# emu_counter CHIP NAME: one of the chip's counters.
emu_counter() { awk -v n="$2" '$1 == n { print $2 }' "$EMU_DBG/$1/counters"; }

# slurp VAR FILE: the whole of FILE in VAR, in one go, without starting a
# process. Read line by line, bash seeks back after each line, and each
# seek has a seq_file (debugfs counters, /proc/meminfo, net/dev) print its
# text anew, so a number that grew a digit in between shifted the next line
# (once an empty key, whose "bad array subscript" silently ended a stress
# loop after 2 of its 20 rounds).
slurp() { read -r -d "" "$1" <"$2" || :; }

# emu_counters ARRAY CHIP: all of the chip's counters into an associative
# array, without starting a process (fails if there are none), read in one
# go (mapfile reads in blocks; see slurp). Not "while read ... <<<": a
# here-string is a pipe, which bash reads a byte per system call, 760 of
# them for this file, and each is slow in a loaded guest.
emu_counters() {
	local -n _ec=$1
	local -a _lines
	local _l
	_ec=()
	mapfile -t _lines <"$EMU_DBG/$2/counters" || :
	for _l in "${_lines[@]}"; do
		[ -n "$_l" ] && _ec[${_l%% *}]=${_l##* }
	done
	[ ${#_ec[@]} -gt 0 ]
}

# emu_spidev CHIP: the device a driver binds to for the chip: its SPI
# device (spi0.0...), or a memory-mapped chip's platform device (dm9000.0
# made by "add", 20000000.ethernet from the device tree).
emu_spidev() { awk -v c="$1" '$1 == c { print $3 }' "$EMU_DBG/ctl"; }

# emu_bus CHIP: the bus of that device, spi or platform.
emu_bus() {
	if [ -e "/sys/bus/spi/devices/$(emu_spidev "$1")" ]; then
		echo spi
	else
		echo platform
	fi
}

# emu_devpath CHIP: the device's directory in sysfs.
emu_devpath() { echo "/sys/bus/$(emu_bus "$1")/devices/$(emu_spidev "$1")"; }

# emu_netdev CHIP: the netdev a driver created for the chip, if any.
emu_netdev() {
	local d
	for d in "$(emu_devpath "$1")"/net/*; do
		[ -e "$d" ] && basename "$d" && return 0
	done
	return 1
}

# wait_for SECONDS COMMAND...: poll until the command succeeds.
wait_for() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.2
	done
}

# netdev_stat NS DEV FIELD: a counter from sysfs statistics in a namespace.
netdev_stat() { ip netns exec "$1" cat "/sys/class/net/$2/statistics/$3"; }

# emu_reg CHIP ADDR: one register of the chip, two hex digits, read through
# the model's side-effect-free view.
emu_reg() {
	local a=$(($2))
	awk -v l="$(printf '%02x:' $((a & 0xf0)))" -v f=$(((a & 15) + 2)) \
		'$1 == l { print $f }' "$EMU_DBG/$1/regs"
}

# mc_bin MAC: the hash bin of a MAC address in the DM9000 family's
# multicast filter, ether_crc_le(6, mac) & 63 (the reflected CRC-32,
# initial value ~0, no final inversion).
mc_bin() {
	local crc=$((0xffffffff)) byte b i
	for byte in ${1//:/ }; do
		b=$((16#$byte))
		for ((i = 0; i < 8; i++)); do
			if (((crc ^ b) & 1)); then
				crc=$(((crc >> 1) ^ 0xedb88320))
			else
				crc=$((crc >> 1))
			fi
			b=$((b >> 1))
		done
	done
	echo $((crc & 63))
}

# emu_mar_matches CHIP NS DEV: the DM9051 chip's hash table (MAR,
# 0x16-0x1d; bin n is bit n % 8 of MAR[n / 8]) holds exactly the bins of
# DEV's link-layer multicast list and broadcast, or every bin when DEV is
# promiscuous, all-multicast or has more than 32 groups (spinet's limit).
emu_mar_matches() {
	local bins=(0 0 0 0 0 0 0 0) mcs flags m b got w
	flags=$(ip -n "$2" link show dev "$3" | head -n 1)
	mapfile -t mcs < <(ip -n "$2" maddr show dev "$3" | awk '$1 == "link" { print $2 }')
	if [[ $flags == *PROMISC* || $flags == *ALLMULTI* ]] || [ ${#mcs[@]} -gt 32 ]; then
		bins=(255 255 255 255 255 255 255 255)
	else
		for m in ff:ff:ff:ff:ff:ff "${mcs[@]}"; do
			b=$(mc_bin "$m")
			bins[b / 8]=$((bins[b / 8] | 1 << (b % 8)))
		done
	fi
	got=$(awk '$1 == "10:" { print $8, $9, $10, $11, $12, $13, $14, $15 }' "$EMU_DBG/$1/regs")
	printf -v w "%02x " "${bins[@]}"
	echo "MAR of $1: $got; $3 wants ${w% } (${#mcs[@]} groups)"
	[ "$got" = "${w% }" ]
}

# emu_oracle_quirks CHIP...: what the emulated controller must let through
# for the mainline driver of E2E_CHIP to work at all. Mainline w5100 reads
# each frame's 2-byte RX header into a buffer on its stack (w5100_rx_skb),
# which a controller that maps buffers for DMA must refuse (limit_dma_safe,
# on by default); on a Raspberry Pi such short transfers go by PIO, so it
# works there. Nothing for spinet, which must pass with every limit.
emu_oracle_quirks() {
	local c
	[ "${E2E_DRIVER:-spinet}" = mainline ] && [ "${E2E_CHIP:-dm9051}" = w5500 ] || return 0
	for c in "$@"; do
		echo 0 >"$EMU_DBG/$c/limit_dma_safe" || return 1
	done
}
