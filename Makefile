# SPDX-License-Identifier: GPL-2.0
# spinet: SPI Ethernet for Linux with NAPI, GRO and BQL.
#
#   make                  build the modules for KERNELRELEASE (default: the
#                         running kernel) against KDIR
#   make check            every test and check (the README's test command)
#   make e2e DRIVER=spinet|mainline CHIP=dm9051
#                         the end-to-end suite of one chip against one driver
#   make demo [DEMO_DRIVER=spinet|mainline]
#                         two emulated chips, ping and iperf3, a short report
#   make uml-run ARGS=..  run a command in the UML test guest
#   make style            checkpatch --strict on the C sources
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

check:
	scripts/check

DRIVER ?= spinet
CHIP ?= dm9051
e2e:
	scripts/e2e $(DRIVER) $(CHIP)

DEMO_DRIVER ?= spinet
demo:
	DEMO_DRIVER=$(DEMO_DRIVER) scripts/demo

uml-run:
	scripts/uml-run $(ARGS)

style:
	scripts/check-style

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	rm -rf build

.PHONY: all modules modules_install check e2e demo uml-run style clean
