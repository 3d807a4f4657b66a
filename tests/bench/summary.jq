# SPDX-License-Identifier: GPL-2.0
# make bench: one profile's figures from the raw runs of both drivers
# (tests/bench/guest.sh writes them), their medians, the ratio spinet /
# mainline and the issue's targets. Run by scripts/bench as
#
#   jq -n --slurpfile s SPINET.json --slurpfile m MAINLINE.json \
#      --argjson host HOST-JSON -f tests/bench/summary.jq
#
# Documentation/performance.md says how each figure is measured.

# The median of a list of numbers (nulls left out), or null.
def median:
  map(select(. != null)) | sort |
  if length == 0 then null
  elif length % 2 == 1 then .[length / 2 | floor]
  else (.[length / 2 - 1] + .[length / 2]) / 2 end;

def div($a; $b): if $a == null or $b == null or $b == 0 then null else $a / $b end;

# The guest's idle share of a window, the emulator's spinning until the
# bus clock says a message is done counted as idle: it stands for bus time,
# in which the CPU would be free.
def idle($d; $user_hz):
  div($d.cpu_idle + $d.emu_spin_ns / 1e9 * $user_hz; $d.cpu_total);

# A chip on the emulator's memory bus (the DM9000): every read or write of
# its index or data port is counted as one SPI message of one chip select,
# its bytes as sent (a write) or received (a read); no bus time.
def mmio_chip: . == "dm9000";

# The bytes a window moved over the bus: on SPI every byte is clocked out
# (spi_bytes_tx counts them all), on the memory bus a byte is read or
# written.
def bus_bytes($d; $mmio):
  if $mmio then $d.emu_spi_bytes_tx + $d.emu_spi_bytes_rx else $d.emu_spi_bytes_tx end;

# The share of a window the bus was busy (null where it costs nothing).
def bus_busy($d):
  if $d.emu_spi_bus_ns > 0 then $d.emu_spi_bus_ns / 1000 / $d.us else null end;

# TCP payload in a frame: Ethernet 14, IPv4 20, TCP 20 + timestamps 12.
def tcp_hdr: 66;

# The figures of one TCP run, over its measuring window (.d: deltas).
def tcp_run($user_hz; $mmio):
  .d as $d | .dir as $dir |
  (if $dir == "tx" then "rx" else "tx" end) as $other |
  (if $dir == "tx" then $d.emu_tx_frames else $d.emu_rx_stored end) as $frames |
  # payload that arrived: counted by the receiver; for rx the DUT's frame
  # count (frames the chip dropped never crossed the bus) times the
  # peer's mean frame size (the drivers differ in what bytes they count)
  (if $dir == "tx" then $d.peer_rx_bytes - tcp_hdr * $d.peer_rx_packets
   elif $d.peer_tx_packets > 0 then
     $d.dut_rx_packets * ($d.peer_tx_bytes / $d.peer_tx_packets - tcp_hdr)
   else null end) as $payload |
  (($d.cpu_system + $d.cpu_irq + $d.cpu_softirq) / $user_hz) as $cpu |
  (($d.emu_cpu_ns + $d.emu_spin_ns) / 1e9) as $emu |
  {
    mbps: (.iperf.sum_received.bits_per_second / 1e6),
    retransmits: .iperf.sum_sent.retransmits,
    idle: idle($d; $user_hz),
    bus_busy: bus_busy($d),
    window_s: ($d.us / 1e6),
    frames: $frames,
    msgs_per_frame: div($d.emu_spi_messages - $d["emu_spi_\($other)_messages"]; $frames),
    cs_per_frame: div($d.emu_spi_cs_asserts - $d["emu_spi_\($other)_cs_asserts"]; $frames),
    # on the memory bus at the 16-bit width "add" gives the chip, A
    # accesses moving B bytes are B - A data-port words and 2A - B byte
    # accesses (index writes and registers, which are 8 bits wide)
    byte_accesses_per_frame: (if $mmio then
      div(2 * ($d.emu_spi_messages - $d["emu_spi_\($other)_messages"]) -
          (bus_bytes($d; $mmio) - $d["emu_spi_\($other)_bytes"]); $frames) else null end),
    bus_us_per_frame: (if $d.emu_spi_bus_ns > 0 then
      div(($d.emu_spi_bus_ns - $d["emu_spi_\($other)_bus_ns"]) / 1000; $frames) else null end),
    bus_bytes_per_payload: div(bus_bytes($d; $mmio) - $d["emu_spi_\($other)_bytes"]; $payload),
    irqs_per_frame: div($d.emu_irq_raised; $frames),
    overflow: (if $dir == "rx" then div($d.emu_rx_drop_full; $d.emu_rx_frames) else null end),
    cpu_s_per_gb: div($cpu - $emu; ($payload // 0) / 1e9),
    cpu_s_per_gb_raw: div($cpu; ($payload // 0) / 1e9),
    emu_share: div($emu; $cpu)
  };

def udp_run($user_hz):
  .d as $d |
  (if .dir == "tx" then $d.peer_rx_packets else $d.dut_rx_packets end) as $got |
  {
    pps: div($got; $d.us / 1e6),
    offered_pps: .offered_pps,
    generated_pps: (if .pktgen_run_us > 0 then .generated / .pktgen_run_us * 1e6 else null end),
    loss: (if .generated > 0 then 1 - .delivered / .generated else null end),
    queue_drops: .queue_drops,
    idle: idle($d; $user_hz),
    # pktgen spins between datagrams under 100 us apart, so idle time says
    # nothing; a generator that fell behind its rate says the CPU was short
    gen_share: (if .pktgen_run_us > 0 and .offered_pps > 0
      then .generated / .pktgen_run_us * 1e6 / .offered_pps else null end),
    bus_busy: bus_busy($d),
    drop_full: $d.emu_rx_drop_full,
    tx_rejected: $d.emu_tx_rejected
  };

# The medians of the runs of one kind and direction of driver $g.
def runs($g; $kind; $dir): $g.runs | map(select(.kind == $kind and .dir == $dir and (.error | not)));
def med($list; f): [$list[] | f] | median;

def driver_figures($g):
  $g.user_hz as $hz |
  ($g.chip // "dm9051" | mmio_chip) as $mmio |
  (runs($g; "tcp"; "tx") | map(tcp_run($hz; $mmio))) as $ttx |
  (runs($g; "tcp"; "rx") | map(tcp_run($hz; $mmio))) as $trx |
  (runs($g; "udp64"; "tx") | map(udp_run($hz))) as $u64tx |
  (runs($g; "udp64"; "rx") | map(udp_run($hz))) as $u64rx |
  (runs($g; "udp1472"; "tx") | map(udp_run($hz))) as $u1tx |
  (runs($g; "udp1472"; "rx") | map(udp_run($hz))) as $u1rx |
  runs($g; "ping"; "idle") as $pi |
  runs($g; "ping"; "loaded") as $pl |
  (runs($g; "tcp_bidir"; "tx") | first // null) as $bd |
  (runs($g; "tcp_p4"; "tx") | first // null) as $p4 |
  {
    tcp_tx_mbps: med($ttx; .mbps), tcp_rx_mbps: med($trx; .mbps),
    tcp_tx_retransmits: med($ttx; .retransmits),
    tcp_bidir_tx_mbps: ($bd.iperf.sum_received.bits_per_second // null | if . then . / 1e6 else null end),
    tcp_bidir_rx_mbps: ($bd.iperf.sum_received_bidir_reverse.bits_per_second // null | if . then . / 1e6 else null end),
    tcp_p4_mbps: ($p4.iperf.sum_received.bits_per_second // null | if . then . / 1e6 else null end),
    udp64_tx_pps: med($u64tx; .pps), udp64_tx_loss: med($u64tx; .loss),
    udp64_tx_offered_pps: med($u64tx; .offered_pps),
    udp64_tx_generated_pps: med($u64tx; .generated_pps),
    udp64_rx_generated_pps: med($u64rx; .generated_pps),
    udp64_rx_pps: med($u64rx; .pps), udp64_rx_loss: med($u64rx; .loss),
    udp64_rx_offered_pps: med($u64rx; .offered_pps),
    udp1472_tx_pps: med($u1tx; .pps), udp1472_tx_loss: med($u1tx; .loss),
    udp1472_rx_pps: med($u1rx; .pps), udp1472_rx_loss: med($u1rx; .loss),
    ping_idle_p50_us: med($pi; .p50_us), ping_idle_p99_us: med($pi; .p99_us),
    ping_idle_bus_us: med($pi; if .d.emu_spi_bus_ns > 0 and .samples > 0
      then .d.emu_spi_bus_ns / 1000 / .samples else null end),
    # bus accesses (SPI messages) per idle echo exchange
    ping_idle_msgs: med($pi; if .samples > 0 then .d.emu_spi_messages / .samples else null end),
    ping_loaded_p50_us: med($pl; .p50_us), ping_loaded_p99_us: med($pl; .p99_us),
    rx_msgs_per_frame: med($trx; .msgs_per_frame), tx_msgs_per_frame: med($ttx; .msgs_per_frame),
    rx_cs_per_frame: med($trx; .cs_per_frame), tx_cs_per_frame: med($ttx; .cs_per_frame),
    rx_byte_accesses_per_frame: med($trx; .byte_accesses_per_frame),
    tx_byte_accesses_per_frame: med($ttx; .byte_accesses_per_frame),
    rx_bus_us_per_frame: med($trx; .bus_us_per_frame), tx_bus_us_per_frame: med($ttx; .bus_us_per_frame),
    rx_bus_bytes_per_payload: med($trx; .bus_bytes_per_payload),
    tx_bus_bytes_per_payload: med($ttx; .bus_bytes_per_payload),
    rx_irqs_per_frame: med($trx; .irqs_per_frame), tx_irqs_per_frame: med($ttx; .irqs_per_frame),
    rx_overflow: med($trx; .overflow),
    tcp_tx_bus_busy: med($ttx; .bus_busy), tcp_rx_bus_busy: med($trx; .bus_busy),
    udp64_tx_bus_busy: med($u64tx; .bus_busy), udp64_rx_bus_busy: med($u64rx; .bus_busy),
    tx_cpu_s_per_gb: med($ttx; .cpu_s_per_gb), rx_cpu_s_per_gb: med($trx; .cpu_s_per_gb),
    tx_cpu_s_per_gb_raw: med($ttx; .cpu_s_per_gb_raw), rx_cpu_s_per_gb_raw: med($trx; .cpu_s_per_gb_raw),
    tx_emu_cpu_share: med($ttx; .emu_share), rx_emu_cpu_share: med($trx; .emu_share),
    slab_before_kb: $g.slab_kb.before, slab_peak_kb: $g.slab_kb.peak,
    slab_after_kb: $g.slab_kb.after,
    slab_growth_kb: ($g.slab_kb.after - $g.slab_kb.before),
    slab_drv_growth_kb: (if $g.slab_kb.kmalloc_skb_after != null
      then $g.slab_kb.kmalloc_skb_after - $g.slab_kb.kmalloc_skb_before else null end)
  } + {
    # CPU-bound: the guest idle less than 20 % of the run (median)
    cpu_bound: {
      tcp_tx: (med($ttx; .idle) // 1 | . < 0.2), tcp_rx: (med($trx; .idle) // 1 | . < 0.2),
      # UDP: the generator reached less than 90 % of its rate
      udp64_tx: (med($u64tx; .gen_share) // 1 | . < 0.9), udp64_rx: (med($u64rx; .gen_share) // 1 | . < 0.9),
      udp1472_tx: (med($u1tx; .gen_share) // 1 | . < 0.9), udp1472_rx: (med($u1rx; .gen_share) // 1 | . < 0.9)
    },
    idle: {
      tcp_tx: med($ttx; .idle), tcp_rx: med($trx; .idle),
      udp64_tx: med($u64tx; .idle), udp64_rx: med($u64rx; .idle)
    }
  };

($s[0]) as $sg | ($m[0]) as $mg |
$sg.profile as $p | $sg.timing as $tm |
($sg.chip // "dm9051" | mmio_chip) as $mmio |
# the profile the latency targets are judged in: the Pi's bus, or for a
# memory-mapped chip the only one it runs
(if $mmio then "instant" else "pi4" end) as $lat |
(if $tm.instant then null else $tm.hz / $tm.clocks_per_byte end) as $byte_rate |
(if $byte_rate then $byte_rate * 8 * 1448 / 1518 / 1e6 else null end) as $limit |
(if $byte_rate then $byte_rate / (64 + 42 + 4) else null end) as $pps64 |
(if $byte_rate then $byte_rate / (1472 + 42 + 4) else null end) as $pps1472 |
driver_figures($sg) as $fs | driver_figures($mg) as $fm |

# One row: name, unit, which figure, its target (text and test), and the
# key of its CPU-bound flag.
def row($lbl; $unit; $key; $target; $flag):
  { label: $lbl, unit: $unit, key: $key,
    spinet: $fs[$key], mainline: $fm[$key],
    ratio: div($fs[$key]; $fm[$key]),
    cpu_bound: (if $flag then {spinet: $fs.cpu_bound[$flag], mainline: $fm.cpu_bound[$flag]} else null end)
  } + $target;

# Targets: text, and met (true, false; null where there is none).
# A figure whose target is set against the SPI bus, on a memory-mapped chip.
def t_spi_only: {target: "none: a target set against the SPI bus", met: null};
def t_tcp($key):
  if $mmio then t_spi_only
  elif $p == "pi4" or $p == "fast" then
    ({pi4: 1.15, fast: 1.10}[$p]) as $r |
    {target: ">= \(0.9 * $limit * 100 | round / 100) (90 % of bus) and >= \($r) x mainline",
     met: ($fs[$key] != null and $fm[$key] != null and $fs[$key] >= 0.9 * $limit and $fs[$key] >= $r * $fm[$key])}
  elif $p == "instant" then
    {target: ">= 90", met: ($fs[$key] != null and $fs[$key] >= 90)}
  else {} end;
def t_max($key; $max): {target: "<= \($max)", met: ($fs[$key] != null and $fs[$key] <= $max)};
def t_pi4(t): if $p == "pi4" then t else {} end;
def t_lat(t): if $p == $lat then t else {} end;
def t_udp64(t): if $mmio then t_spi_only else t_pi4(t) end;

{
  chip: ($sg.chip // "dm9051"), mmio: $mmio, profile: $p, spec: $sg.spec, timing: $tm, params: $sg.params,
  kernel: $sg.kernel, qdisc: {spinet: $sg.qdisc, mainline: $mg.qdisc},
  host: $host,
  bus: {byte_rate: $byte_rate, tcp_limit_mbps: $limit, udp64_pps: $pps64, udp1472_pps: $pps1472},
  seconds: {spinet: $sg.seconds, mainline: $mg.seconds},
  figures: [
    row("TCP DUT to peer"; "Mbit/s"; "tcp_tx_mbps"; t_tcp("tcp_tx_mbps"); "tcp_tx"),
    row("TCP peer to DUT"; "Mbit/s"; "tcp_rx_mbps"; t_tcp("tcp_rx_mbps"); "tcp_rx"),
    row("TCP --bidir, DUT to peer"; "Mbit/s"; "tcp_bidir_tx_mbps"; {}; null),
    row("TCP --bidir, peer to DUT"; "Mbit/s"; "tcp_bidir_rx_mbps"; {}; null),
    row("TCP -P 4, DUT to peer"; "Mbit/s"; "tcp_p4_mbps"; {}; null),
    (if $mmio then empty else
      row("bus busy, TCP DUT to peer"; "fraction"; "tcp_tx_bus_busy"; {}; null),
      row("bus busy, TCP peer to DUT"; "fraction"; "tcp_rx_bus_busy"; {}; null) end),
    row("UDP 64 B received"; "pkt/s"; "udp64_rx_pps";
        t_udp64({target: ">= 2.0 x mainline and >= \(0.85 * $pps64 | round) (85 % of bus)",
               met: ($fs.udp64_rx_pps != null and $fm.udp64_rx_pps != null and
                     $fs.udp64_rx_pps >= 2 * $fm.udp64_rx_pps and $fs.udp64_rx_pps >= 0.85 * $pps64)});
        "udp64_rx"),
    row("UDP 64 B received, generated"; "pkt/s"; "udp64_rx_generated_pps"; {}; null),
    row("UDP 64 B received, loss"; "fraction"; "udp64_rx_loss"; {}; null),
    row("UDP 64 B sent"; "pkt/s"; "udp64_tx_pps";
        t_udp64({target: ">= 1.8 x mainline",
               met: ($fs.udp64_tx_pps != null and $fm.udp64_tx_pps != null and
                     $fs.udp64_tx_pps >= 1.8 * $fm.udp64_tx_pps)});
        "udp64_tx"),
    row("UDP 64 B sent, generated"; "pkt/s"; "udp64_tx_generated_pps"; {}; null),
    row("UDP 64 B sent, loss"; "fraction"; "udp64_tx_loss"; {}; null),
    (if $mmio then empty else
      row("bus busy, UDP 64 B received"; "fraction"; "udp64_rx_bus_busy"; {}; null),
      row("bus busy, UDP 64 B sent"; "fraction"; "udp64_tx_bus_busy"; {}; null) end),
    row("UDP 1472 B received"; "pkt/s"; "udp1472_rx_pps"; {}; "udp1472_rx"),
    row("UDP 1472 B received, loss"; "fraction"; "udp1472_rx_loss"; {}; null),
    row("UDP 1472 B sent"; "pkt/s"; "udp1472_tx_pps"; {}; "udp1472_tx"),
    row("UDP 1472 B sent, loss"; "fraction"; "udp1472_tx_loss"; {}; null),
    row("ping idle p50"; "us"; "ping_idle_p50_us";
        t_lat({target: "<= mainline - 200",
               met: ($fs.ping_idle_p50_us != null and $fm.ping_idle_p50_us != null and
                     $fs.ping_idle_p50_us <= $fm.ping_idle_p50_us - 200)}); null),
    row("ping idle p99"; "us"; "ping_idle_p99_us"; {}; null),
    (if $mmio then row("bus accesses per idle ping"; "accesses"; "ping_idle_msgs"; {}; null)
     else row("bus time per idle ping"; "us"; "ping_idle_bus_us"; {}; null) end),
    row("ping under TCP p50"; "us"; "ping_loaded_p50_us"; {}; null),
    row("ping under TCP p99"; "us"; "ping_loaded_p99_us";
        t_lat({target: "<= 0.8 x mainline",
               met: ($fs.ping_loaded_p99_us != null and $fm.ping_loaded_p99_us != null and
                     $fs.ping_loaded_p99_us <= 0.8 * $fm.ping_loaded_p99_us)}); null),
    # A memory-mapped chip has no messages or chip selects: each port
    # access counts as one of each (the same number twice), and no bus time.
    (if $mmio then
      row("bus accesses per RX frame"; "accesses"; "rx_msgs_per_frame"; t_spi_only; null),
      row("  of them index and register (8-bit)"; "accesses"; "rx_byte_accesses_per_frame"; {}; null),
      row("bus accesses per TX frame"; "accesses"; "tx_msgs_per_frame"; t_spi_only; null),
      row("  of them index and register (8-bit)"; "accesses"; "tx_byte_accesses_per_frame"; {}; null)
     else
      row("SPI messages per RX frame"; "msgs"; "rx_msgs_per_frame"; t_max("rx_msgs_per_frame"; 2.2); null),
      row("SPI messages per TX frame"; "msgs"; "tx_msgs_per_frame"; t_max("tx_msgs_per_frame"; 1.5); null),
      row("chip selects per RX frame"; "CS"; "rx_cs_per_frame"; t_max("rx_cs_per_frame"; 2.5); null),
      row("chip selects per TX frame"; "CS"; "tx_cs_per_frame"; t_max("tx_cs_per_frame"; 4); null),
      row("bus time per RX frame"; "us"; "rx_bus_us_per_frame"; {}; null),
      row("bus time per TX frame"; "us"; "tx_bus_us_per_frame"; {}; null) end),
    row("bus bytes per RX payload byte"; "B/B"; "rx_bus_bytes_per_payload"; {}; null),
    row("bus bytes per TX payload byte"; "B/B"; "tx_bus_bytes_per_payload"; {}; null),
    row("interrupts per RX frame"; "irqs"; "rx_irqs_per_frame"; {}; null),
    row("interrupts per TX frame"; "irqs"; "tx_irqs_per_frame"; {}; null),
    row("TCP RX: frames the chip dropped, full"; "fraction"; "rx_overflow"; {}; null),
    row("CPU per GB sent, emulator excluded"; "s/GB"; "tx_cpu_s_per_gb";
        (if $p == "instant" then
          {target: "<= 0.6 x mainline",
           met: ($fs.tx_cpu_s_per_gb != null and $fm.tx_cpu_s_per_gb != null and
                 $fs.tx_cpu_s_per_gb <= 0.6 * $fm.tx_cpu_s_per_gb)} else {} end); "tcp_tx"),
    row("CPU per GB received, emulator excluded"; "s/GB"; "rx_cpu_s_per_gb";
        (if $p == "instant" then
          {target: "<= 0.6 x mainline",
           met: ($fs.rx_cpu_s_per_gb != null and $fm.rx_cpu_s_per_gb != null and
                 $fs.rx_cpu_s_per_gb <= 0.6 * $fm.rx_cpu_s_per_gb)} else {} end); "tcp_rx"),
    (if $mmio then
      row("CPU per GB sent, emulator included"; "s/GB"; "tx_cpu_s_per_gb_raw"; {}; "tcp_tx"),
      row("CPU per GB received, emulator included"; "s/GB"; "rx_cpu_s_per_gb_raw"; {}; "tcp_rx")
     else empty end),
    row("emulator's share of that CPU, sent"; "fraction"; "tx_emu_cpu_share"; {}; null),
    row("emulator's share of that CPU, received"; "fraction"; "rx_emu_cpu_share"; {}; null),
    row("slab before the runs"; "KB"; "slab_before_kb"; {}; null),
    row("slab peak during the runs"; "KB"; "slab_peak_kb"; {}; null),
    row("slab after the runs"; "KB"; "slab_after_kb"; {}; null),
    row("slab growth, after - before"; "KB"; "slab_growth_kb"; t_max("slab_growth_kb"; 64); null),
    row("  of it kmalloc and skb objects in use"; "KB"; "slab_drv_growth_kb"; {}; null)
  ],
  drivers: {
    spinet: {module: $sg.driver_module, figures: $fs, runs: $sg.runs},
    mainline: {module: $mg.driver_module, figures: $fm, runs: $mg.runs}
  }
}
