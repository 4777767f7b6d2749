#!/usr/bin/env bash
# Measures what `profgate bench` with its default settings can see on this machine, on the payments-api benchmarks:
#
#   aa        RUNS A/A comparisons (the base jar against itself): how often the gate fails with nothing changed
#   mde       RUNS comparisons of base against copies of it slowed down by LEVELS percent (extra Blackhole work in
#             each `handle` operation, calibrated first): the smallest slowdown caught in at least 19 of 20 runs
#   overhead  JMH scores of `handle` without a profiler, with JFR and with async-profiler, forks interleaved,
#             the profilers attached exactly as profgate attaches them: the cost of profiling
#
# Usage: examples/payments-api/measure-noise.sh [aa|mde|overhead|all]...
#   env: RUNS=20  LEVELS="1 2 3 5"  BENCH='PaymentBenchmarks.handle$'  OVERHEAD_FORKS=10  OUT=target/noise
#        BENCH_ARGS='' (extra profgate bench options, e.g. "--forks 6" to try other settings)
# Needs python3 for the summaries. Results: $OUT/*.tsv and a summary on stdout (copy the numbers to BENCHMARKS.md
# with the machine, the load and the settings).
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-20}
LEVELS=${LEVELS:-"1 2 3 5"}
BENCH=${BENCH:-'PaymentBenchmarks.handle$'}
OVERHEAD_FORKS=${OVERHEAD_FORKS:-10}
OUT=${OUT:-target/noise}
BENCH_ARGS=${BENCH_ARGS:-}
PROFGATE=detector/target/profgate.jar
JARS=examples/payments-api/target
BASE=$JARS/benchmarks-base.jar

mkdir -p "$OUT"
./mvnw -B -q -pl detector package -DskipTests
./mvnw -B -q -f examples/payments-api/pom.xml package

# One profgate bench run; appends "label verdict slowdown ci_low ci_high p q function_findings seconds" to $1.tsv.
bench() { # name base-jar head-jar
    local started=$SECONDS json="$OUT/$1-run.json"
    # shellcheck disable=SC2086
    java -jar "$PROFGATE" bench --base-jar "$2" --head-jar "$3" --bench "$BENCH" --format json --fail-on never \
        $BENCH_ARGS > "$json" 2> "$OUT/$1-run.log"
    python3 - "$json" "$1" $((SECONDS - started)) >> "$OUT/$1.tsv" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
b = report["benchmarks"][0]
print("\t".join(str(x) for x in [sys.argv[2], report["verdict"], b["slowdown"], b["ci"]["low"] - 1,
      b["ci"]["high"] - 1, b["pValue"], b["qValue"], len(report["findings"]), sys.argv[3]]))
PY
}

summary() { # tsv title
    python3 - "$1" "$2" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
fails = sum(r[1] == "fail" for r in rows)
score = sum(float(r[6]) <= 0.05 and float(r[2]) > 0 for r in rows)
findings = sum(int(r[7]) > 0 for r in rows)
slow = [float(r[2]) for r in rows]
print(f"{sys.argv[2]}: {len(rows)} runs, verdict fail in {fails}, significant slowdown in {score}, "
      f"function findings in {findings}; estimated slowdown median {statistics.median(slow):+.2%} "
      f"(min {min(slow):+.2%}, max {max(slow):+.2%}); {statistics.mean(float(r[8]) for r in rows):.0f} s a run")
PY
}

aa() {
    rm -f "$OUT/aa.tsv"
    for i in $(seq 1 "$RUNS"); do
        bench aa "$BASE" "$BASE"
        echo "A/A $i/$RUNS: $(tail -1 "$OUT/aa.tsv")"
    done
    summary "$OUT/aa.tsv" "A/A"
}

# A copy of the base jar whose manifest asks for N tokens of extra work per handle operation.
slowed() { # tokens
    local jar="$OUT/benchmarks-extra-$1.jar"
    if [ ! -f "$jar" ]; then
        cp "$BASE" "$jar"
        printf 'Payments-Extra-Work: %s\n' "$1" > "$OUT/extra.mf"
        jar ufm "$jar" "$OUT/extra.mf" 2> /dev/null
    fi
    echo "$jar"
}

# Mean handle score (ns/op) of a jar: 3 forks of plain JMH.
score() { # jar
    java -jar "$1" "$BENCH" -f 3 -wi 3 -i 5 -rf json -rff "$OUT/calibrate.json" > /dev/null
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"])' "$OUT/calibrate.json"
}

mde() {
    local tokens=4000 base_score slow_score per_token
    base_score=$(score "$BASE")
    slow_score=$(score "$(slowed $tokens)")
    per_token=$(python3 -c "print(($slow_score - $base_score) / $tokens)")
    echo "calibration: handle $base_score ns/op, $per_token ns per Blackhole token"
    for level in $LEVELS; do
        local n
        n=$(python3 -c "print(max(1, round($base_score * $level / 100 / $per_token)))")
        rm -f "$OUT/mde-$level.tsv"
        for i in $(seq 1 "$RUNS"); do
            bench "mde-$level" "$BASE" "$(slowed "$n")"
            echo "+$level% ($n tokens) $i/$RUNS: $(tail -1 "$OUT/mde-$level.tsv")"
        done
        summary "$OUT/mde-$level.tsv" "+$level% slowdown ($n tokens)"
    done
}

overhead() {
    local jfc="$OUT/bench.jfc" lib="$OUT/libasyncProfiler.so"
    unzip -p "$PROFGATE" profgate/bench.jfc > "$jfc"
    unzip -p "$PROFGATE" linux-x64/libasyncProfiler.so > "$lib"
    # The options of dev.profgate.source.jmh.Profiler.
    declare -A args=(
        [none]=""
        [jfr]="-XX:StartFlightRecording=filename=$OUT/overhead.jfr,settings=$jfc -Xlog:jfr+startup=error"
        [async]="-agentpath:$lib=start,event=cpu,interval=2ms,alloc=512k,lock=10us,file=$OUT/overhead-async.jfr"
    )
    rm -f "$OUT"/overhead-*.json
    local order=(none jfr async)
    for k in $(seq 1 "$OVERHEAD_FORKS"); do
        for p in "${order[@]}"; do
            local extra=()
            [ -n "${args[$p]}" ] && extra=(-jvmArgsAppend "${args[$p]}")
            java -jar "$BASE" "$BENCH" -f 1 -wi 3 -i 5 -rf json -rff "$OUT/overhead-$p-$k.json" "${extra[@]}" > /dev/null
        done
        order=("${order[2]}" "${order[0]}" "${order[1]}")
        echo "overhead fork $k/$OVERHEAD_FORKS done"
    done
    python3 - "$OUT" "$OVERHEAD_FORKS" <<'PY'
import json, sys, statistics
out, forks = sys.argv[1], int(sys.argv[2])
scores = {p: [json.load(open(f"{out}/overhead-{p}-{k}.json"))[0]["primaryMetric"]["score"] for k in range(1, forks + 1)]
          for p in ("none", "jfr", "async")}
none = statistics.median(scores["none"])
for p in ("none", "jfr", "async"):
    m = statistics.median(scores[p])
    print(f"{p:5s}: median {m:.1f} ns/op over {forks} forks (min {min(scores[p]):.1f}, max {max(scores[p]):.1f}), "
          f"overhead {m / none - 1:+.2%}")
PY
}

for what in "${@:-all}"; do
    case "$what" in
        aa) aa ;;
        mde) mde ;;
        overhead) overhead ;;
        all) overhead; aa; mde ;;
        *) echo "unknown measurement: $what (aa, mde, overhead, all)" >&2; exit 2 ;;
    esac
done
