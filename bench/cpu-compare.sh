#!/usr/bin/env bash
# Issue 22's before/after figures, measured in CPU time (the machine is shared with other engineers' builds:
# wall-clock throughput moves with their load by more than the differences we look for; the CPU a thread or
# the JVM spent per operation does not stretch with it — it still moves a little with cache and SMT contention,
# so compare jars in the same session, one after the other, and read the rounds, not one number).
#
#   usage: bench/cpu-compare.sh JAR [REPO]   (JAR: a bench/target/benchmarks.jar built with
#                                          mvn -B -q -pl bench -am package -DskipTests;
#                                          REPO: a checkout whose examples/ the benchmarks read, default .)
#
# (1) eligibility: EligibilityCpuTime 3 — full verdicts per second of the measuring thread's CPU time, on the
#     three shipped scenarios 01/02/07, without and with alternatives; a warm-up round then rounds 1 and 2,
#     3 s each (~1 min).
# (2) durable sale on H2: SaleCpuTime H2 8 10 3 20 — the real PaymentService + JooqPaymentStore on an H2
#     file, 8 workers in a closed loop, 20 s warm-up, three 10 s rounds; per round the JVM's CPU time per
#     sale (process CPU, GC and JIT included), the heap allocated per sale, and sales/s (wall clock: shown,
#     but load-dependent) (~1 min).
# Takes ~2.5 minutes. Prints the raw lines and a summary (best and median of the measured rounds).
set -euo pipefail
JAR=$(realpath "${1:?usage: bench/cpu-compare.sh path/to/benchmarks.jar [repository root]}")
REPO=${2:-.}
[ -f "$REPO/examples/01-huabei-3-installments-ok.json" ] || { echo "no examples/ under $REPO: give a repository root" >&2; exit 2; }
cd "$REPO"
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java | head -1)}
OUT=$(mktemp -d)
echo "== jar: $JAR, run in $(pwd) ($(sha256sum "$JAR" | cut -c1-12)); java: $("$JAVA" -version 2>&1 | head -1)"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(date -u '+%F %T UTC'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== (1) eligibility, verdicts per thread-CPU-second: java -cp JAR io.shoudan.bench.EligibilityCpuTime 3"
"$JAVA" -cp "$JAR" io.shoudan.bench.EligibilityCpuTime 3 2>&1 | grep -E "^(warm-up|round)|Exception" | tee "$OUT/eligibility.txt"
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== (2) durable sales on H2, CPU per sale: java -Dlogback.configurationFile=logback-bench.xml -cp JAR io.shoudan.bench.SaleCpuTime H2 8 10 3 20"
"$JAVA" -Dlogback.configurationFile=logback-bench.xml -cp "$JAR" io.shoudan.bench.SaleCpuTime H2 8 10 3 20 2>&1 \
  | grep -E "^\[|Exception" | tee "$OUT/sale.txt"
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$OUT" <<'PY'
import re, sys, statistics
out = sys.argv[1]
print("== summary (measured rounds only; higher verdicts/CPU-s and lower CPU ms/sale are better)")
rows = {}
for line in open(out + "/eligibility.txt"):
    m = re.match(r"round \d+ (\S+)\s+without alternatives:\s+([\d,]+) verdicts/CPU-s\s+with:\s+([\d,]+)", line)
    if m:
        r = rows.setdefault(m.group(1), ([], []))
        r[0].append(int(m.group(2).replace(",", "")))
        r[1].append(int(m.group(3).replace(",", "")))
for scenario, (without, with_) in rows.items():
    print(f"   eligibility {scenario[:2]}: without alternatives best {max(without):,} median {statistics.median(without):,.0f}"
          f" | with alternatives best {max(with_):,} median {statistics.median(with_):,.0f}  verdicts/CPU-s")
cpu, alloc, rate = [], [], []
for line in open(out + "/sale.txt"):
    m = re.search(r"round \d+: [\d,]+ sales, ([\d,]+)/s\s+CPU per sale: JVM ([\d.]+) ms.*allocated per sale ([\d.]+) KB", line)
    if m:
        rate.append(int(m.group(1).replace(",", ""))); cpu.append(float(m.group(2))); alloc.append(float(m.group(3)))
if cpu:
    print(f"   H2 durable sale: JVM CPU per sale best {min(cpu):.3f} ms median {statistics.median(cpu):.3f} ms"
          f" | allocated median {statistics.median(alloc):.1f} KB/sale | sales/s (wall, load-dependent) median {statistics.median(rate):,.0f}")
PY
rm -rf "$OUT"
