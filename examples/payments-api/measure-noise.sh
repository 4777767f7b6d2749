#!/usr/bin/env bash
# Measures what `profgate bench` with its default settings can see on this machine, on the payments-api benchmarks:
#
#   aa        RUNS A/A comparisons (the base jar against itself): how often the gate fails with nothing changed
#   mde       RUNS comparisons of base against copies of it slowed down by LEVELS percent (extra Blackhole work in
#             each `handle` operation, calibrated first): the smallest slowdown caught in at least 19 of 20 runs;
#             with BASE_TOKENS, the base does some of that work already and the head more of it
#   overhead  each benchmark without a profiler, with JFR and with async-profiler, forks interleaved, the profilers
#             attached exactly as profgate attaches them (-prof gc and the CPU time profiler in all three, as profgate
#             runs them): JMH's score, the benchmark threads' and the whole JVM's CPU time per operation; the cost of
#             profiling
#   toggle    the same cost measured inside each fork: ProfilerToggle (src/overhead) attaches the profiler for one
#             iteration of each pair, drawn at random, so the iterations with and without it share the fork's JIT
#             code, heap and machine;
#             per fork the mean of its profiled measurement iterations over the mean of the others, over
#             OVERHEAD_FORKS forks per arm of TOGGLE_ARMS (jfr, default, async, async-cpu, async-cpu10, async-alloc,
#             async-lock, as in overhead; async-2ms: CPU every 2 ms, allocations every 512 KiB, locks from 10 µs;
#             default: what bench attaches, async-profiler's CPU and lock sampling with JFR's allocation sampling;
#             jfr-alloc: JFR's allocation sampling alone (bench-allocations.jfc, the default's part); none:
#             nothing attached, the control for what the alternation alone measures; A+B: both attached, e.g.
#             async-ctimer+jfr-alloc)
#   pairs     A/A comparisons from the kept forks of the mde runs PAIRS_OF (e.g. mde-3-on-80): each side of a run
#             against the same side of the next run, recorded minutes later (not interleaved)
#   reanalyse the kept forks of every aa and mde run compared again by the current build (no benchmark runs):
#             the summaries of a changed analysis on the same measurements
#
#   inject    every finished aa run (a row of aa.tsv) compared again with +LEVELS percent injected into its head
#             forks' scores and CPU times (no benchmark runs): the detection rate of a uniform slowdown under the noise
#             the A/A runs met
#
# Usage: examples/payments-api/measure-noise.sh [aa|mde|overhead|toggle|pairs|reanalyse|inject|all]...
#   env: RUNS=20  LEVELS="3 2 1 5"  BENCH='PaymentBenchmarks.handle$'  OVERHEAD_FORKS=10  OUT=target/noise
#        OVERHEAD_BENCH=PaymentBenchmarks (overhead: the benchmarks measured)
#        PAIRS_OF=mde-3 (pairs: the runs whose forks are paired)
#        TOGGLE_ARMS="jfr default" TOGGLE_ITERATIONS=10 (toggle: the profilers measured; measurement iterations per
#        fork, half of them profiled)
#        OVERHEAD_ARMS="none jfr default" (overhead: the arms, "none" first; also async-cpu, async-alloc, async-lock:
#        async-profiler with CPU sampling alone, or with only one of its allocation and lock sampling;
#        async-cpu20, async-cpu10, async-cpu05, async-cpu02: CPU sampling alone every 20 ms, 10 ms, 500 µs, 200 µs;
#        async-alloc64, async-alloc2m: allocation sampling alone every 64 KiB, 2 MiB; async-lock-only: lock sampling
#        alone;
#        async-cpu02-nostack, async-alloc64-nostack: the same without native frames, cstack=no; async-ctimer,
#        async-ctimer02: CPU sampling with the ctimer engine every 5 ms with lock sampling, every 200 µs alone;
#        async-idle: attached with lock sampling and a CPU sample a second)
#        FROM=1 (aa, mde: resume at run FROM, keeping the rows of the earlier runs in the TSV)
#        TOKENS_PER_PERCENT= (mde: Blackhole tokens per percent of slowdown, instead of calibrating; see profiled)
#        BASE_TOKENS=0 (mde: extra work already in the base; set, the slowdown is more of the work one function
#        already does, instead of a function new in the head)
#        BENCH_ARGS='' (extra profgate bench options, e.g. "--forks 6" to try other settings)
#        PROFGATE=detector/target/profgate.jar  JARS=examples/payments-api/target  NO_BUILD= (set: use them as they are)
# Needs python3 for the summaries. Each run keeps its forks in $OUT/runs/NAME-I/forks and its reports in
# $OUT/runs/NAME-I/report; one line per run in $OUT/NAME.tsv (see row below); a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-20}
FROM=${FROM:-1}
LEVELS=${LEVELS:-"3 2 1 5"}
BENCH=${BENCH:-'PaymentBenchmarks.handle$'}
OVERHEAD_FORKS=${OVERHEAD_FORKS:-10}
BASE_TOKENS=${BASE_TOKENS:-0}
OVERHEAD_ARMS=${OVERHEAD_ARMS:-"none jfr default"}
OVERHEAD_BENCH=${OVERHEAD_BENCH:-PaymentBenchmarks}
PAIRS_OF=${PAIRS_OF:-mde-3}
TOGGLE_ARMS=${TOGGLE_ARMS:-"jfr default"}
TOGGLE_ITERATIONS=${TOGGLE_ITERATIONS:-10}
OUT=${OUT:-target/noise}
BENCH_ARGS=${BENCH_ARGS:-}
PROFGATE=${PROFGATE:-detector/target/profgate.jar}
JARS=${JARS:-examples/payments-api/target}
BASE=$JARS/benchmarks-base.jar

mkdir -p "$OUT/runs"
OUT=$(cd "$OUT" && pwd)
PROFGATE=$(realpath "$PROFGATE")
if [ -z "${NO_BUILD:-}" ]; then
    ./mvnw -B -q -pl detector package -DskipTests
    ./mvnw -B -q -f examples/payments-api/pom.xml package
fi

# Appends one TSV line for run folder $2 (its report.json) to $1.tsv: label, verdict, then for the score and for the
# CPU time per operation: estimated slowdown, its 95% interval, q, verdict; then function findings that fail, seconds
# the run took, load average.
row() { # name run-folder seconds
    python3 - "$2/report/report.json" "$(basename "$2")" "$3" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/$1.tsv" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
b = report["benchmarks"][0]
cells = [sys.argv[2], report["verdict"]]
for m, verdict in [(b, b["scoreVerdict"]), (b["cpu"], b["cpu"]["verdict"])]:
    cells += [m["slowdown"], m["ci"]["low"] - 1, m["ci"]["high"] - 1, m["qValue"], verdict]
cells += [sum(f["severity"] == "fail" for f in report["findings"]), sys.argv[3], sys.argv[4]]
print("\t".join(str(x) for x in cells))
PY
}

# One profgate bench run of base-jar against head-jar, forks and reports kept in $OUT/runs/NAME-I.
bench() { # name index base-jar head-jar
    local started=$SECONDS run="$OUT/runs/$1-$2"
    rm -rf "$run"
    # shellcheck disable=SC2086
    java -jar "$PROFGATE" bench --base-jar "$3" --head-jar "$4" --bench "$BENCH" --fail-on never \
        --forks-dir "$run/forks" --out "$run/report" $BENCH_ARGS > /dev/null 2> "$run.log"
    row "$1" "$run" $((SECONDS - started))
}

summary() { # name title
    python3 - "$OUT/$1.tsv" "$2" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
def count(test): return sum(1 for r in rows if test(r))
def metric(first, name):
    slow = [float(r[first]) for r in rows]
    width = [float(r[first + 2]) - float(r[first + 1]) for r in rows]
    significant = count(lambda r: float(r[first + 3]) <= 0.05 and float(r[first]) > 0)
    return (f"{name}: significantly slower in {significant}, verdict {count(lambda r: r[first + 4] == 'fail')} fail "
            f"{count(lambda r: r[first + 4] == 'warn')} warn, estimate median {statistics.median(slow):+.2%} "
            f"({min(slow):+.2%} to {max(slow):+.2%}), 95% interval width median {statistics.median(width):.2%}")
load = [float(r[14]) for r in rows]
print(f"{sys.argv[2]}: {len(rows)} runs, verdict fail in {count(lambda r: r[1] == 'fail')}, "
      f"warn in {count(lambda r: r[1] == 'warn')}; failing function findings in {count(lambda r: int(r[12]) > 0)}")
print("  " + metric(2, "score"))
print("  " + metric(7, "CPU time"))
print(f"  {statistics.mean(float(r[13]) for r in rows):.0f} s a run; load {min(load):.1f}-{max(load):.1f}")
PY
}

aa() {
    [ "$FROM" -le 1 ] && rm -f "$OUT/aa.tsv"
    for i in $(seq "$FROM" "$RUNS"); do
        bench aa "$i" "$BASE" "$BASE"
        echo "A/A $i/$RUNS: $(tail -1 "$OUT/aa.tsv")"
    done
    summary aa "A/A"
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

# profgate's CpuTimeProfiler in a jar of its own, as profgate puts it on a fork's class path; prints the jar.
helper() {
    local helper="$OUT/helper"
    if [ ! -f "$helper.jar" ]; then
        rm -rf "$helper" && mkdir -p "$helper"
        unzip -q "$PROFGATE" 'dev/profgate/bench/jmh/CpuTimeProfiler.class' -d "$helper"
        jar cf "$helper.jar" -C "$helper" dev
    fi
    echo "$helper.jar"
}

# Median CPU time per handle operation (ns/op) of a jar over 5 forks of plain JMH with profgate's default iterations,
# measured by profgate's CpuTimeProfiler.
score() { # jar
    java -cp "$1:$(helper)" org.openjdk.jmh.Main "$BENCH" -f 5 -wi 8 -w 1s -i 5 -r 1s \
        -prof dev.profgate.bench.jmh.CpuTimeProfiler -rf json -rff "$OUT/calibrate.json" > /dev/null
    python3 -c 'import json,sys,statistics
raw = json.load(open(sys.argv[1]))[0]["secondaryMetrics"]["cpu.time.norm"]["rawData"]
print(statistics.median(statistics.mean(f) for f in raw))' "$OUT/calibrate.json"
}

# The slowdown the extra work really made in the runs NAME-*: the shares b and h of Blackhole.consumeCPU in the base
# and head forks' profiles (the function finding's values), as a slowdown (1 - b) / (1 - h) - 1; a calibration
# measured under other load than the runs can be far off.
profiled() { # name
    python3 - "$OUT/runs" "$1" <<'PY'
import glob, json, statistics, sys
found = [f for name in glob.glob(f"{sys.argv[1]}/{sys.argv[2]}-[0-9]*/report/report.json")
         for f in json.load(open(name))["findings"] if f["function"].endswith("Blackhole.consumeCPU")]
if found:
    shares = [f["head"] for f in found]
    slowdowns = [(1 - f["base"]) / (1 - f["head"]) - 1 for f in found]
    print(f"  extra work in the head profiles: median share {statistics.median(shares):.1%} of the benchmark "
          f"(base {statistics.median(f['base'] for f in found):.1%}), "
          f"a slowdown of {statistics.median(slowdowns):+.1%} "
          f"({min(slowdowns):+.1%} to {max(slowdowns):+.1%} in the {len(found)} runs that report it)")
PY
}

mde() {
    local tokens=2000 base_score slow_score per_token
    if [ -n "${TOKENS_PER_PERCENT:-}" ]; then
        base_score=100 per_token=$(python3 -c "print(1 / $TOKENS_PER_PERCENT)")
    else
        base_score=$(score "$BASE")
        slow_score=$(score "$(slowed $tokens)")
        per_token=$(python3 -c "print(($slow_score - $base_score) / $tokens)")
        echo "calibration: handle $base_score ns/op of CPU, $per_token ns per Blackhole token" \
            | tee "$OUT/calibration.txt"
    fi
    local base=$BASE name
    [ "$BASE_TOKENS" -gt 0 ] && base=$(slowed "$BASE_TOKENS")
    for level in $LEVELS; do
        local n
        # the head's tokens: the base's own plus LEVEL percent of the base's CPU time per operation
        n=$(python3 -c "print($BASE_TOKENS + max(1, round(($base_score + $BASE_TOKENS * $per_token) * $level / 100
                                                      / $per_token)))")
        name="mde-$level" && [ "$BASE_TOKENS" -gt 0 ] && name="mde-$level-on-$BASE_TOKENS"
        [ "$FROM" -le 1 ] && rm -f "$OUT/$name.tsv"
        for i in $(seq "$FROM" "$RUNS"); do
            bench "$name" "$i" "$base" "$(slowed "$n")"
            echo "+$level% ($BASE_TOKENS -> $n tokens) $i/$RUNS: $(tail -1 "$OUT/$name.tsv")"
        done
        summary "$name" "+$level% slowdown ($BASE_TOKENS -> $n tokens)"
        profiled "$name"
    done
}

# Every kept run compared again from its forks by the current build; the TSVs rewritten.
reanalyse() {
    local names
    names=$(find "$OUT/runs" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sed 's/-[0-9]*$//' | sort -u)
    for name in $names; do
        rm -f "$OUT/$name.tsv"
        for run in $(find "$OUT/runs" -mindepth 1 -maxdepth 1 -type d -name "$name-*" | sort -V); do
            local started=$SECONDS
            rm -rf "$run/report"
            java -jar "$PROFGATE" bench --base "$run/forks/base" --head "$run/forks/head" --fail-on never \
                --out "$run/report" > /dev/null 2> "$run.reanalysed.log"
            row "$name" "$run" $((SECONDS - started))
        done
        summary "$name" "$name (reanalysed)"
    done
}

# The kept A/A runs with every head fork's score and CPU time per operation multiplied by 1 + LEVEL/100, compared
# again: a uniform slowdown of LEVEL percent under exactly the noise the A/A runs met. The JMH results alone are
# compared (the scores and CPU times; reading 20 recordings a run would take minutes on a loaded machine): a uniform
# slowdown leaves every function's share as it was, so the function findings are the A/A run's own (aa.tsv).
# A comparison made before ($OUT/injected/RUN-LEVEL/report) is reused: delete $OUT/injected to redo them.
inject() {
    for level in $LEVELS; do
        rm -f "$OUT/inject-$level.tsv"
        for name in $(cut -f1 "$OUT/aa.tsv"); do
            local run="$OUT/runs/$name" slowed="$OUT/injected/$name-$level"
            if [ ! -f "$slowed/report/report.json" ]; then
                inject_run "$run" "$slowed" "$level"
            fi
            row "inject-$level" "$slowed" 0
        done
        summary "inject-$level" "A/A runs with +$level% injected into head"
    done
}

# Run $1's forks with +$3% in its head forks, compared into $2.
inject_run() { # run slowed level
    local run=$1 slowed=$2 level=$3
    rm -rf "$slowed" && mkdir -p "$slowed"
    (cd "$run/forks" && find base head -name 'fork-*.json' -exec cp --parents {} "$slowed" \;)
    find "$slowed/head" -name 'fork-*.json' -exec python3 -c '
import json, sys
factor = 1 + float(sys.argv[1]) / 100
for name in sys.argv[2:]:
    results = json.load(open(name))
    for r in results:
        for metric in [r["primaryMetric"], r["secondaryMetrics"].get("cpu.time.norm")]:
            if metric:
                scale = factor if metric["scoreUnit"].endswith("/op") else 1 / factor
                metric["rawData"] = [[x * scale for x in fork] for fork in metric["rawData"]]
    json.dump(results, open(name, "w"))
' "$level" {} +
    java -jar "$PROFGATE" bench --base "$slowed/base" --head "$slowed/head" --fail-on never \
        --out "$slowed/report" > /dev/null 2> "$slowed.log"
}

# async-profiler's options per arm of overhead and toggle: those of dev.profgate.bench.jmh.Profiler (async, which
# bench attaches with JFR's allocation sampling beside it: arm default; async-2ms: its options before 2026-11-26 13:32
# UTC, async-5ms until 14:16), a part of them, or the same at a higher rate (the cost per sample).
declare -A ASYNC_ARMS=(
    [async]="event=cpu,interval=5ms,lock=10us"
    [async-5ms]="event=cpu,interval=5ms,alloc=2m,lock=10us"
    [async-2ms]="event=cpu,interval=2ms,alloc=512k,lock=10us"
    [async-cpu]="event=cpu,interval=2ms"
    [async-cpu10]="event=cpu,interval=10ms"
    [async-cpu20]="event=cpu,interval=20ms"
    [async-cpu05]="event=cpu,interval=500us"
    [async-cpu02]="event=cpu,interval=200us"
    [async-alloc]="event=cpu,interval=2ms,alloc=512k"
    [async-alloc64]="alloc=64k"
    [async-alloc2m]="alloc=2m"
    [async-lock-only]="lock=10us"
    [async-cpu02-nostack]="event=cpu,interval=200us,cstack=no"
    [async-ctimer02]="event=ctimer,interval=200us"
    [async-ctimer]="event=ctimer,interval=5ms,lock=10us"
    [async-idle]="event=cpu,interval=1s,lock=10us"
    [async-alloc64-nostack]="alloc=64k,cstack=no"
    [async-lock]="event=cpu,interval=2ms,lock=10us"
)
DIAG="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"

# profgate's JFR settings and async-profiler library, copied out of its jar into $OUT/bench.jfc,
# $OUT/bench-allocations.jfc and $OUT/libasyncProfiler.so.
profiler_files() {
    unzip -p "$PROFGATE" profgate/bench.jfc > "$OUT/bench.jfc"
    unzip -p "$PROFGATE" profgate/bench-allocations.jfc > "$OUT/bench-allocations.jfc"
    unzip -p "$PROFGATE" linux-x64/libasyncProfiler.so > "$OUT/libasyncProfiler.so"
}

# The JVM options of a JFR recording to $OUT/overhead.jfr with the settings file $1 (in $OUT), as profgate starts it.
flight_recording() { # settings
    echo "-XX:StartFlightRecording=filename=$OUT/overhead.jfr,settings=$OUT/$1 -Xlog:jfr+startup=error"
}

overhead() {
    profiler_files
    declare -A args=(
        [none]=""
        [jfr]="$DIAG $(flight_recording bench.jfc)"
    )
    for arm in "${!ASYNC_ARMS[@]}"; do
        args[$arm]="$DIAG -agentpath:$OUT/libasyncProfiler.so=start,${ASYNC_ARMS[$arm]},file=$OUT/overhead-async.jfr"
    done
    args[default]="${args[async]} $(flight_recording bench-allocations.jfc)"
    rm -f "$OUT"/overhead-*.json
    local order=($OVERHEAD_ARMS)
    for k in $(seq 1 "$OVERHEAD_FORKS"); do
        for p in "${order[@]}"; do
            local extra=()
            [ -n "${args[$p]}" ] && extra=(-jvmArgsAppend "${args[$p]}")
            java -Djava.io.tmpdir="$OUT" -cp "$BASE:$(helper)" org.openjdk.jmh.Main "$OVERHEAD_BENCH" -f 1 -wi 8 -w 1s \
                -i 5 -r 1s -prof gc -prof dev.profgate.bench.jmh.CpuTimeProfiler -rf json \
                -rff "$OUT/overhead-$p-$k.json" "${extra[@]}" > /dev/null
        done
        order=("${order[@]:1}" "${order[0]}")
        echo "overhead fork $k/$OVERHEAD_FORKS done (load $(cut -d' ' -f1 /proc/loadavg))"
    done
    python3 - "$OUT" "$OVERHEAD_FORKS" $OVERHEAD_ARMS <<'PY'
import json, sys, statistics
out, forks, arms = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
runs = {p: [json.load(open(f"{out}/overhead-{p}-{k}.json")) for k in range(1, forks + 1)] for p in arms}
metrics = [("score (wall)", lambda r: r["primaryMetric"]["score"]),
           ("benchmark threads' CPU", lambda r: r["secondaryMetrics"]["cpu.time.norm"]["score"]),
           ("whole JVM's CPU", lambda r: r["secondaryMetrics"]["cpu.process.norm"]["score"])]
for b, name in enumerate(r["benchmark"].rsplit(".", 1)[1] for r in runs["none"][0]):
    for label, value in metrics:
        values = {p: [value(fork[b]) for fork in runs[p]] for p in runs}
        none = statistics.median(values["none"])
        cells = [f"{p} {statistics.median(values[p]):,.0f} ({statistics.median(values[p]) / none - 1:+.1%};"
                 f" fastest {min(values[p]):,.0f})" for p in arms]
        print(f"{name:19s} {label:23s} ns/op medians over {forks} forks: " + ", ".join(cells))
PY
}

# A/A comparisons from the kept forks of the runs PAIRS_OF-1, PAIRS_OF-2, ...: each side's forks of run i against the
# same side's forks of run i+1 (the same jar, recorded minutes apart and not interleaved), for the disjoint pairs
# (1, 2), (3, 4), ... (analysis only); the comparisons in $OUT/pairs.
pairs() {
    local name=$PAIRS_OF
    rm -f "$OUT/pairs-$name.tsv"
    for side in base head; do
        local i=1
        while [ -d "$OUT/runs/$name-$((i + 1))/forks/$side" ]; do
            local pair="$OUT/pairs/$name-$side-$i" started=$SECONDS
            rm -rf "$pair" && mkdir -p "$pair"
            java -jar "$PROFGATE" bench --base "$OUT/runs/$name-$i/forks/$side" --fail-on never \
                --head "$OUT/runs/$name-$((i + 1))/forks/$side" --out "$pair/report" > /dev/null 2> "$pair.log"
            row "pairs-$name" "$pair" $((SECONDS - started))
            i=$((i + 2))
        done
    done
    summary "pairs-$name" "A/A from pairs of $name runs, each side against itself"
}

toggle() {
    local classes="$OUT/toggle-classes"
    profiler_files
    rm -rf "$classes" && mkdir -p "$classes" "$OUT/toggle"
    (cd "$classes" && unzip -q "$PROFGATE" 'one/profiler/*')
    javac -d "$classes" -cp "$BASE:$classes" \
        examples/payments-api/src/overhead/java/dev/profgate/examples/payments/overhead/ProfilerToggle.java
    declare -A arms=([jfr]="jfr:$OUT/bench.jfc" [jfr-alloc]="jfr:$OUT/bench-allocations.jfc" [none]=none)
    for arm in "${!ASYNC_ARMS[@]}"; do
        arms[$arm]="async:$OUT/libasyncProfiler.so:${ASYNC_ARMS[$arm]}"
    done
    arms[default]="${arms[async]}+${arms[jfr-alloc]}"
    rm -f "$OUT"/toggle-*.json
    for k in $(seq 1 "$OVERHEAD_FORKS"); do
        for p in $TOGGLE_ARMS; do
            local spec="" part
            for part in ${p//+/ }; do spec="${spec:+$spec+}${arms[$part]}"; done
            java -Djava.io.tmpdir="$OUT" -cp "$BASE:$(helper):$classes" org.openjdk.jmh.Main "$OVERHEAD_BENCH" -f 1 \
                -wi 8 -w 1s -i "$TOGGLE_ITERATIONS" -r 1s -prof gc -prof dev.profgate.bench.jmh.CpuTimeProfiler \
                -prof dev.profgate.examples.payments.overhead.ProfilerToggle -rf json -rff "$OUT/toggle-$p-$k.json" \
                -jvmArgsAppend "$DIAG -Dtoggle.dir=$OUT/toggle -Dtoggle.profiler=$spec" > /dev/null
        done
        echo "toggle fork $k/$OVERHEAD_FORKS done (load $(cut -d' ' -f1 /proc/loadavg))"
    done
    python3 - "$OUT" "$OVERHEAD_FORKS" $TOGGLE_ARMS <<'PY'
import json, sys, statistics
out, forks, arms = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
metrics = [("score (wall)", lambda r: r["primaryMetric"]),
           ("benchmark threads' CPU", lambda r: r["secondaryMetrics"]["cpu.time.norm"])]
for p in arms:
    runs = [json.load(open(f"{out}/toggle-{p}-{k}.json")) for k in range(1, forks + 1)]
    for b, name in enumerate(r["benchmark"].rsplit(".", 1)[1] for r in runs[0]):
        for label, metric in metrics:
            costs = []
            for fork in runs:
                values = metric(fork[b])["rawData"][0]
                on = fork[b]["secondaryMetrics"]["toggle.profiled"]["rawData"][0]
                profiled = [v for v, flag in zip(values, on) if flag == 1]
                bare = [v for v, flag in zip(values, on) if flag == 0]
                costs.append(statistics.mean(profiled) / statistics.mean(bare) - 1)
            mean, sd = statistics.mean(costs), statistics.stdev(costs)
            t = {4: 3.182, 6: 2.571, 8: 2.365, 10: 2.262, 12: 2.201, 16: 2.131, 20: 2.093, 30: 2.045,
                 40: 2.023}.get(len(costs), 2.0)
            half = t * sd / len(costs) ** 0.5  # Student's t, n - 1 degrees of freedom (about 2 for other n)
            print(f"{p:12s} {name:19s} {label:23s} cost per fork: median {statistics.median(costs):+.1%}, mean "
                  f"{mean:+.1%} (95% CI {mean - half:+.1%} to {mean + half:+.1%}), range {min(costs):+.1%} to "
                  f"{max(costs):+.1%} over {len(costs)} forks")
PY
}

for what in "${@:-all}"; do
    case "$what" in
        aa) aa ;;
        mde) mde ;;
        overhead) overhead ;;
        toggle) toggle ;;
        pairs) pairs ;;
        reanalyse) reanalyse ;;
        inject) inject ;;
        all) overhead; aa; mde ;;
        *) echo "unknown measurement: $what (aa, mde, overhead, toggle, pairs, reanalyse, inject, all)" >&2; exit 2 ;;
    esac
done
