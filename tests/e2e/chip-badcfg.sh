#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bad configurations, from the disabled nodes of tests/dt/CHIP.dts, made one
# at a time as emu2: each must give one clear message and either a clean
# failure (no net device, no driver bound, no MDIO bus, no interrupt
# requested) or the documented fallback. The kernel's console is scanned for
# reports and kmemleak runs after the suite, as for every script.
#
#   spi@2 no "interrupts"             probe fails, names the property
#   spi@3 MISO reads 0xff             probe fails, prints the ID it read
#   spi@4 no PHY on MDIO              probe fails, names the MDIO address
#   spi@5 48 MHz, above the chip's    warns, runs at 45 MHz
#   spi@6 5-byte MAC, blank EEPROM    warns twice, random MAC
#   spi@7 all-zero MAC (placeholder)  quiet, the EEPROM's MAC
#   spi@8 INT on another pin          registers (it cannot tell); the link
#                                     stays down and ethtool -S counts no
#                                     interrupt, as Documentation/
#                                     raspberry-pi.md says
#
# The DM9000 (tests/dt/dm9000.dts), a memory-mapped chip, has its own:
#
#   no-irq      no "interrupts"               probe fails, names the property
#   no-chip     the bus reads 0xff            probe fails, prints the ID it read
#   bad-mac     5-byte MAC, blank EEPROM      warns twice, random MAC
#   odd-width   a 3-byte data port            probe fails, names the width
#   width-strap a 16-bit port, 8-bit strap    probe fails, names both widths
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=SCRIPTDIR/emu.sh
. "$(dirname "$0")/emu.sh"

: "${E2E_DRIVER:=spinet}"
cleanup() { emu_ctl del emu2 2>/dev/null; }
trap cleanup EXIT

if [ "$E2E_DRIVER" != spinet ]; then
	e2e_skip "bad configurations" "the checks are spinet's messages and fallbacks"
	e2e_finish
	exit
fi
if [ ! -d /sys/firmware/devicetree/base/spinet-emu ]; then
	e2e_check "the guest booted with the chips' device tree" false
	e2e_finish
	exit
fi

# make_bad NODE: the chip NODE describes, as emu2, with a fresh kernel log.
make_bad() { dmesg -C && emu_ctl dt "$1" && [ -n "$(emu_spidev emu2)" ]; }
gone() { emu_ctl del emu2; }

# said_once TEXT: exactly one kernel message holds TEXT.
said_once() {
	local n
	n=$(dmesg | grep -cF -- "$1")
	dmesg | grep -F -- "$1"
	[ "$n" = 1 ] || { echo "\"$1\" said $n times"; return 1; }
}
# not_said TEXT: no kernel message holds TEXT.
not_said() { ! dmesg | grep -F -- "$1"; }

# nothing_left: the failed probe left nothing registered.
nothing_left() {
	local dev
	dev=$(emu_spidev emu2)
	! emu_netdev emu2 || { echo "a net device is left"; return 1; }
	[ ! -e "$(emu_devpath emu2)/driver" ] || { echo "a driver is bound"; return 1; }
	[ -z "$(find /sys/class/mdio_bus -name "*$dev*")" ] || { echo "an MDIO bus is left"; return 1; }
	! grep -F " $dev" /proc/interrupts || { echo "an interrupt is requested"; return 1; }
}

has_netdev() { wait_for 5 emu_netdev emu2; }
dev_file() { cat "/sys/class/net/$(emu_netdev emu2)/$1"; }
mac_is() { [ "$(dev_file address)" = "$1" ] && [ "$(dev_file addr_assign_type)" = "$2" ]; }

fails() { # NODE WHAT MESSAGE
	e2e_check "$2: emu2 is made" make_bad "$1"
	e2e_check "$2: one message: $3" said_once "$3"
	e2e_check "$2: nothing is left registered" nothing_left
	e2e_check "$2: the chip is removed" gone
}
if [ "${E2E_CHIP:-dm9051}" = dm9000 ]; then
	fails no-irq "no interrupt" 'no interrupt: the device tree node needs "interrupts"'
	fails no-chip "no chip answering" "chip ID ffff:ffff is not a DM9000"
	e2e_check "bad MAC: emu2 is made" make_bad bad-mac
	e2e_check "bad MAC: one warning about the tree's" said_once "invalid MAC address in the device tree"
	e2e_check "bad MAC: one warning about the random one" \
		said_once "no MAC address in the device tree or the chip's EEPROM, using random"
	e2e_check "bad MAC: the address is random (addr_assign_type 1)" \
		eval 'has_netdev && [ "$(dev_file addr_assign_type)" = 1 ]'
	e2e_check "bad MAC: the chip is removed" gone
	fails odd-width "a 3-byte data port" "data port of 3 bytes: the bus is 1, 2 or 4 bytes wide"
	fails width-strap "a 16-bit port on an 8-bit chip" \
		"data port of 2 bytes, but the chip is strapped for 1"
	e2e_finish
	exit
fi
fails spi@2 "no interrupt" 'no interrupt: the device tree node needs "interrupts"'
too_fast_checks() {
	e2e_check "too fast: emu2 is made" make_bad spi@5
	e2e_check "too fast: one warning" \
		said_once "spi-max-frequency 48000000 Hz is above the DM9051's 45000000 Hz, using 45000000 Hz"
	e2e_check "too fast: it runs at 45 MHz" up_at_45
	e2e_check "too fast: the chip is removed" gone
}
up_at_45() {
	has_netdev && ip link set "$(emu_netdev emu2)" up && sleep 0.5 &&
	[ "$(cat "$EMU_DBG/emu2/spi_hz")" = 45000000 ]
}
case ${E2E_CHIP:-dm9051} in
w5500)
	# No spi@4 or spi@5 in w5500.dts: its PHY is not on MDIO, and no
	# clock the emulated controller takes is above the chip's 80 MHz.
	fails spi@3 "no chip answering" "VERSIONR ff is not a W5500 (04)"
	;;
*)
	fails spi@3 "no chip answering" "chip ID ffff:ffff is not a DM9051"
	fails spi@4 "no PHY" "no PHY answers at MDIO address"
	too_fast_checks
	;;
esac

e2e_check "bad MAC: emu2 is made" make_bad spi@6
e2e_check "bad MAC: one warning about the tree's" said_once "invalid MAC address in the device tree"
e2e_check "bad MAC: one warning about the random one" \
	said_once "no MAC address in the device tree or the chip's EEPROM, using random"
e2e_check "bad MAC: the address is random (addr_assign_type 1)" \
	eval 'has_netdev && [ "$(dev_file addr_assign_type)" = 1 ]'
e2e_check "bad MAC: the chip is removed" gone

e2e_check "placeholder MAC: emu2 is made" make_bad spi@7
if [ "${E2E_CHIP:-dm9051}" = w5500 ]; then
	# The W5500 holds no address of its own.
	e2e_check "placeholder MAC: no warning about the tree's" not_said "invalid MAC address"
	e2e_check "placeholder MAC: one warning, a random address" \
		eval 'said_once "using random" && has_netdev && [ "$(dev_file addr_assign_type)" = 1 ]'
else
	e2e_check "placeholder MAC: no warning" eval 'not_said "MAC address in" && not_said random'
	e2e_check "placeholder MAC: the EEPROM's address is used" \
		eval 'has_netdev && mac_is 02:00:5e:51:00:03 0'
fi
# The control for the INT check below: with the right interrupt and a
# cable, the link comes up and interrupts are counted.
irq_seen() {
	local ndev irqs
	ndev=$(emu_netdev emu2)
	emu_ctl peer emu2 && ip link set "$ndev" up &&
	wait_for 6 eval '[ "$(dev_file carrier)" = 1 ]' &&
	irqs=$(ethtool -S "$ndev" | awk '$1 == "irqs:" { print $2 }') &&
	echo "carrier $(dev_file carrier), irqs $irqs" && [ "$irqs" -gt 0 ]
}
e2e_check "placeholder MAC: with a cable, link comes up, irqs counted" irq_seen
e2e_check "placeholder MAC: the chip is removed" gone

e2e_check "INT on another pin: emu2 is made and registers" \
	eval 'make_bad spi@8 && has_netdev'
no_irq_seen() {
	local ndev irqs
	ndev=$(emu_netdev emu2)
	emu_ctl peer emu2 && ip link set "$ndev" up && sleep 6 &&
	irqs=$(ethtool -S "$ndev" | awk '$1 == "irqs:" { print $2 }') &&
	echo "carrier $(dev_file carrier), irqs $irqs" &&
	# The W5500's link is polled, not interrupt-driven: carrier may be up.
	{ [ "${E2E_CHIP:-dm9051}" = w5500 ] || [ "$(dev_file carrier)" = 0 ]; } &&
	[ "$irqs" = 0 ]
}
e2e_check "INT on another pin: link stays down, irqs 0" no_irq_seen
e2e_check "INT on another pin: down and removed" \
	eval 'ip link set "$(emu_netdev emu2)" down && gone'
e2e_finish
