# SPDX-License-Identifier: GPL-2.0
# make bench: the text table of one profile, from the summary that
# tests/bench/summary.jq makes (jq -r -f tests/bench/table.jq PROFILE.json).

def spaces($n): if $n > 0 then " " * $n else "" end;
def lpad($n): tostring | spaces($n - length) + .;
def rpad($n): tostring | . + spaces($n - length);

# A number with $d decimals, without floating-point noise.
def fixed($d):
  if $d == 0 then round | tostring
  else
    (if . < 0 then "-" else "" end) as $sign |
    (fabs * pow(10; $d) | round | tostring) as $i |
    (if ($i | length) <= $d then "0" * ($d + 1 - ($i | length)) + $i
     else $i end) as $j |
    $sign + $j[0:($j | length) - $d] + "." + $j[($j | length) - $d:]
  end;

# Three significant digits or so.
def num:
  if . == null then "-"
  elif fabs >= 100 then fixed(0)
  elif fabs >= 10 then fixed(1)
  elif fabs >= 1 then fixed(2)
  else fixed(3) end;

def mark($b): if $b then "*" else " " end;

.timing as $t |
"profile \(.profile)" +
(if .mmio then ": the memory bus (a port access costs the CPU only, no bus time; the cable runs at 100 Mbit/s)"
 elif $t.instant then ": instant (no bus delays; the cable runs at 100 Mbit/s)"
 else ": SPI \($t.hz) Hz, \($t.clocks_per_byte) clocks a byte, \($t.msg_ns) ns a message, \($t.cs_ns) ns a chip-select toggle" end),
"chip: the emulated \(.chip // "dm9051" | ascii_upcase); spinet against the kernel's own \(.drivers.mainline.module) driver",
(if .bus.tcp_limit_mbps then
  "bus limit (byte rate x 8 x 1448 / 1518): \(.bus.tcp_limit_mbps | num) Mbit/s of TCP payload; UDP 64 B: \(.bus.udp64_pps | num) pkt/s, 1472 B: \(.bus.udp1472_pps | num) pkt/s"
 else "bus limit: none (the cable's 100 Mbit/s: 94.1 Mbit/s of TCP payload)" end),
"runs: TCP \(.params.t) s after \(.params.omit) s omitted, UDP \(.params.udp_t) s, \(.params.pings) pings \(.params.ping_i) s apart; medians of \(.params.n); guests took \(.seconds.spinet) s (spinet), \(.seconds.mainline) s (mainline); kernel \(.kernel)",
"",
("figure" | rpad(41)) + ("unit" | rpad(9)) + ("spinet" | lpad(10)) + ("mainline" | lpad(11)) + ("ratio" | lpad(8)) + "  target",
(.figures[] |
  (.label | rpad(41)) + (.unit | rpad(9)) +
  ((.spinet | num) + mark(.cpu_bound.spinet) | lpad(10)) +
  ((.mainline | num) + mark(.cpu_bound.mainline) | lpad(11)) +
  (.ratio | num | lpad(8)) +
  (if .target == null then ""
   elif .met == null then "  \(.target)"
   else "  \(.target): " + (if .met then "met" else "MISSED" end) end)),
"",
"* CPU-bound: the guest was idle less than 20 % of the run (TCP; the emulator spinning out bus time counts as idle), or the UDP generator reached less than 90 % of its rate (medians)",
"ratio: spinet / mainline; medians of \(.params.n) runs where a target applies",
(if .mmio then
  "bus accesses: reads and writes of the chip's index and data ports (the emulator counts each as one SPI message of one chip select, so chip selects, bus time and bus busy are left out); the rest of a frame's accesses are 16-bit data-port words, the bus width the emulator gives the chip",
  "targets: none on throughput, bus accesses or UDP (set against the SPI bus); CPU per GB, latency (in the instant profile) and memory as for the SPI chips"
 else empty end)
