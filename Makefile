# SPDX-License-Identifier: GPL-2.0
# spinet: SPI Ethernet for Linux with NAPI, GRO and BQL.
#
#   make                  build the modules for KERNELRELEASE (default: the
#                         running kernel) against KDIR
#   make install          build for KERNELRELEASE and install spinet.ko under
#                         /lib/modules/KERNELRELEASE/updates, depmod, and put
#                         packaging/modprobe.d/spinet.conf (blacklist dm9051,
#                         w5100_spi)
#                         in MODPROBE_D (default /etc/modprobe.d); root
#   make uninstall        undo "make install" for KERNELRELEASE
#   make dkms-install     copy the driver's sources to /usr/src/spinet-VERSION,
#                         dkms add, build and install for KERNELRELEASE, and
#                         put spinet.conf in MODPROBE_D; root, needs dkms
#   make dkms-remove      dkms remove --all, delete /usr/src/spinet-VERSION
#                         and MODPROBE_D/spinet.conf
#   make check            every test and check (the README's test command)
#   make check-smp        the tests on 2 CPUs under KCSAN and lockdep, in qemu
#   make stress [STRESS_ITER=N]
#                         every fault of the test plan injected under traffic,
#                         long loops, a table of faults, counters and recovery
#                         times (STRESS_ITER=N: at most N iterations of each)
#   make e2e DRIVER=spinet|mainline CHIP=dm9051|w5500 [DT=1]
#                         the end-to-end suite of one chip against one driver
#                         (DT=1: the chips described in a device tree)
#   make bench [BENCH_CHIPS="dm9051 w5500"]
#                         spinet against the kernel's own driver on the
#                         emulated chip (default the DM9051; w5500: against
#                         w5100-spi): throughput, packets per second,
#                         latency, SPI cost per frame, CPU, memory; a table
#                         per chip and bus profile (BENCH_PROFILES, BENCH_T...:
#                         see scripts/bench); not part of make check
#   make demo [DEMO_DRIVER=spinet|mainline]
#                         two emulated chips, ping and iperf3, a short report
#   make uml-run ARGS=..  run a command in the UML test guest
#   make style            checkpatch --strict on the C sources
#   make dtbo             build and check the Raspberry Pi overlays (build/dtbo)
#   make clean
#
# Kbuild (the file next to this one) describes the objects; this Makefile is
# only the front door, for people and for DKMS.

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install

# Installing. VERSION is the one place the version lives; dkms.conf holds it
# literally (DKMS sources that file from several places) and dkms-install
# refuses a mismatch. dkms runs with the caller's make flags cleared.
SPINET_VERSION = $(shell cat VERSION)
DKMS_SRC = /usr/src/spinet-$(SPINET_VERSION)
MODPROBE_D = /etc/modprobe.d
DKMS = MAKEFLAGS= MFLAGS= MAKELEVEL= dkms

install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_DIR=updates modules_install
	depmod -a $(KERNELRELEASE)
	mkdir -p $(MODPROBE_D)
	cp packaging/modprobe.d/spinet.conf $(MODPROBE_D)/spinet.conf

uninstall:
	rm -f /lib/modules/$(KERNELRELEASE)/updates/drivers/net/ethernet/spinet/spinet.ko*
	-cd /lib/modules/$(KERNELRELEASE) && \
		rmdir -p updates/drivers/net/ethernet/spinet 2>/dev/null
	depmod -a $(KERNELRELEASE)
	rm -f $(MODPROBE_D)/spinet.conf

dkms-install:
	grep -qx 'PACKAGE_VERSION="$(SPINET_VERSION)"' dkms.conf || \
		{ echo 'dkms.conf: PACKAGE_VERSION is not VERSION' >&2; exit 1; }
	if [ -d /var/lib/dkms/spinet/$(SPINET_VERSION) ]; then \
		$(DKMS) remove spinet/$(SPINET_VERSION) --all; fi
	rm -rf $(DKMS_SRC)
	mkdir -p $(DKMS_SRC)
	tar cf - Kbuild Makefile dkms.conf VERSION \
		`find drivers -name '*.[ch]' -o -name Kbuild` | \
		(cd $(DKMS_SRC) && tar xf -)
	$(DKMS) add spinet/$(SPINET_VERSION)
	$(DKMS) build spinet/$(SPINET_VERSION) -k $(KERNELRELEASE)
	$(DKMS) install spinet/$(SPINET_VERSION) -k $(KERNELRELEASE)
	mkdir -p $(MODPROBE_D)
	cp packaging/modprobe.d/spinet.conf $(MODPROBE_D)/spinet.conf

dkms-remove:
	if [ -d /var/lib/dkms/spinet/$(SPINET_VERSION) ]; then \
		$(DKMS) remove spinet/$(SPINET_VERSION) --all; fi
	rm -rf $(DKMS_SRC)
	rm -f $(MODPROBE_D)/spinet.conf

.PHONY: install uninstall dkms-install dkms-remove

check:
	scripts/check

check-smp:
	scripts/check-smp

stress:
	scripts/stress

bench:
	scripts/bench

DRIVER ?= spinet
CHIP ?= dm9051
e2e:
	$(if $(DT),E2E_DT=$(DT)) scripts/e2e $(DRIVER) $(CHIP)

DEMO_DRIVER ?= spinet
demo:
	DEMO_DRIVER=$(DEMO_DRIVER) scripts/demo

uml-run:
	scripts/uml-run $(ARGS)

style:
	scripts/check-style

dtbo:
	scripts/dtbo
.PHONY: dtbo

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	rm -rf build

.PHONY: all modules modules_install check check-smp stress bench e2e demo uml-run style clean
