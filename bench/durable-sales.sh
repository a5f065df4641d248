#!/usr/bin/env bash
# Durable sales through the real PaymentService + JooqPaymentStore on H2 and PostgreSQL, and a pgbench
# TPC-B-like baseline on the same PostgreSQL, in one run. From the repository root:
#
#   mvn -q -B -pl bench -am package -DskipTests && bench/durable-sales.sh | tee durable-sales.log
#
# (~22 minutes on 2 cores.)
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth; database `test` for the store's own
# schema, and a database `shoudan_pgbench` that this script creates and drops for pgbench).
set -euo pipefail
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=bench/target/benchmarks.jar
OUT=${OUT:-target/durable-sales}
THREADS=${THREADS:-"1 8 32"}
mkdir -p "$OUT"

echo "== machine: $(nproc) cores; $(uptime)"

echo "== JMH DurableSaleBenchmark (throughput, sales/s)"
for t in $THREADS; do
  "$JAVA" -jar "$JAR" DurableSaleBenchmark -t "$t" -rf json -rff "$OUT/jmh-t$t.json" 2>&1 \
    | grep -E "^Benchmark|^DurableSaleBenchmark|sales, |Exception|void" || true
  echo "   load after -t $t: $(uptime | sed 's/.*load average/load average/')"
done

# The highest throughput per store over the thread counts.
read -r H2_MAX PG_MAX < <(python3 - "$OUT" <<'PY'
import json, glob, sys
best = {}
for path in glob.glob(sys.argv[1] + "/jmh-t*.json"):
    for run in json.load(open(path)):
        store = run["params"]["store"]
        best[store] = max(best.get(store, 0), run["primaryMetric"]["score"])
print(round(best.get("H2", 0)), round(best.get("POSTGRESQL", 0)))
PY
)
echo "== max sales/s: H2 $H2_MAX, PostgreSQL $PG_MAX"

# Each latency run starts from a fresh checkpoint, as pgbench's does (createdb forces one): the JMH runs
# leave gigabytes of WAL, and a checkpoint that max_wal_size forces in the middle of a 30 s window makes
# every first write to a page log a full page image — the timeline line shows such stalls.
checkpoint() { psql -h 127.0.0.1 -U postgres -d test -qc CHECKPOINT; }
# Percentiles of a throttled (-R) pgbench run's per-transaction log: field 3 is the transaction's time in µs,
# field 7 how late it started after its scheduled time, so their sum is its latency without coordinated omission.
pgbench_percentiles() {
  cat "$OUT"/pgbench_log.* | awk '{print $3 + $7}' | sort -n | awk '{a[NR]=$1} END {printf "   %d transactions: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n", NR, a[int(NR*0.5)]/1000, a[int(NR*0.9)]/1000, a[int(NR*0.99)]/1000, a[int(NR*0.999)]/1000, a[NR]/1000}'
}

echo "== open-loop latency at half the maximum rate (20 s closed-loop warm-up, ~40 s at the rate until the warm-up's dirty pages are written back, 30 s measured, 16 workers)"
"$JAVA" -Dshoudan.timeline=true -Dlogback.configurationFile=logback-bench.xml -cp "$JAR" io.shoudan.bench.DurableSaleLoad H2 $((H2_MAX / 2)) 30 16 20 2>&1 | grep -E "^\[|^  \(|^  slowest|Exception"
checkpoint
wal_syncs() { psql -h 127.0.0.1 -U postgres -d test -Atqc "SELECT wal_sync FROM pg_stat_wal"; }
SYNCS=$(wal_syncs)
"$JAVA" -Dshoudan.timeline=true -Dlogback.configurationFile=logback-bench.xml -cp "$JAR" io.shoudan.bench.DurableSaleLoad POSTGRESQL $((PG_MAX / 2)) 30 16 20 2>&1 | grep -E "^\[|^  \(|^  slowest|Exception"
echo "   WAL flushes in the whole run (warm-up included): $(( $(wal_syncs) - SYNCS ))"
# The same run with the sale's sessions asking PostgreSQL to wait 1 ms before a WAL flush for other commits
# to share it, whatever their number (commit_siblings 0; commit_delay needs a superuser or a DBA's
# ALTER ROLE … SET): fewer flushes per sale for ~1 ms more per commit (docs/BENCHMARKS.md, "Durable sales").
checkpoint
SYNCS=$(wal_syncs)
"$JAVA" -Dshoudan.timeline=true -Dlogback.configurationFile=logback-bench.xml \
  -Dshoudan.pg.url="jdbc:postgresql://127.0.0.1:5432/test?options=-c%20commit_delay%3D1000%20-c%20commit_siblings%3D0" \
  -cp "$JAR" io.shoudan.bench.DurableSaleLoad POSTGRESQL $((PG_MAX / 2)) 30 16 20 2>&1 | grep -E "^\[|^  \(|^  slowest|Exception" | sed 's/^\[POSTGRESQL\]/[POSTGRESQL, commit_delay 1 ms]/'
echo "   WAL flushes in the whole run (warm-up included): $(( $(wal_syncs) - SYNCS ))"
echo "   load: $(uptime | sed 's/.*load average/load average/')"

echo "== pgbench (TPC-B-like) on the same PostgreSQL, database shoudan_pgbench"
dropdb -h 127.0.0.1 -U postgres --if-exists shoudan_pgbench
createdb -h 127.0.0.1 -U postgres shoudan_pgbench
pgbench -h 127.0.0.1 -U postgres -i -s 10 -q shoudan_pgbench 2>&1 | tail -1
pgbench -h 127.0.0.1 -U postgres -T 30 -c 8 -j 2 shoudan_pgbench 2>&1 | tee "$OUT/pgbench.txt" | grep -E "latency average|^tps"
TPS=$(grep -Eo "^tps = [0-9.]+" "$OUT/pgbench.txt" | head -1 | grep -Eo "[0-9.]+$")
HALF=$(python3 -c "print(int($TPS / 2))")
echo "== pgbench at half its maximum rate ($HALF tps, 30 s), per-transaction latency from its scheduled start"
checkpoint
rm -f "$OUT"/pgbench_log.*
(cd "$OUT" && pgbench -h 127.0.0.1 -U postgres -T 30 -R "$HALF" -c 8 -j 2 -l shoudan_pgbench > pgbench-half.txt 2>&1)
pgbench_percentiles
# A sale commits twice (PROCESSING before the channel is called, the result before the terminal is
# answered), so at half its maximum rate it asks the disk for about PG_MAX flushes a second. pgbench's
# simple-update transaction (-N) commits once: run at PG_MAX transactions a second it shows what the same
# flush rate costs on this disk alone — the floor under the sale's p99 (docs/BENCHMARKS.md, "Durable sales").
echo "== pgbench -N (one commit per transaction) at the sales' commit rate ($PG_MAX tps, 30 s), latency from its scheduled start"
checkpoint
rm -f "$OUT"/pgbench_log.*
(cd "$OUT" && pgbench -h 127.0.0.1 -U postgres -N -T 30 -R "$PG_MAX" -c 8 -j 2 -l shoudan_pgbench > pgbench-flush-rate.txt 2>&1)
pgbench_percentiles
# The ratio above divides rates measured minutes apart, and this machine's speed moves from one minute to
# the next by more than the margin; here each 20 s of sales (closed loop, 8 workers, as JMH -t 8) is
# followed by 20 s of pgbench (sales paused), five times, in one warm JVM: each pair sees the same machine.
echo "== paired: 20 s of sales (8 workers) then 20 s of pgbench, five times (40 s warm-up)"
"$JAVA" -Dlogback.configurationFile=logback-bench.xml -cp "$JAR" io.shoudan.bench.SaleCpuTime POSTGRESQL 8 20 5 40 \
  --pgbench shoudan_pgbench 2>&1 | grep -E "^\[|Exception" | tee "$OUT/paired.txt"
dropdb -h 127.0.0.1 -U postgres shoudan_pgbench
echo "== ratio PostgreSQL sales/s ÷ pgbench tps = $PG_MAX / $TPS = $(python3 -c "print(round($PG_MAX / $TPS, 3))") (JMH's maximum and pgbench's, minutes apart)"
echo "== $(grep -E "^\[pairs\]" "$OUT/paired.txt" | sed 's/^\[pairs\] //') (sales and pgbench alternating)"
echo "== done: $(uptime)"
