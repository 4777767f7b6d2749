#!/usr/bin/env bash
# flamegraph.html of profgate vs async-profiler's HTML flame graph, for the stacks of large.cpu.pb.gz (~23k
# functions, 425k call tree nodes): file size and time to first paint in headless Chromium (median of RUNS page
# loads each, the two pages interleaved in one browser). profgate's page is the differential graph of two copies
# of the profile; async-profiler's is its plain flame graph of the same stacks (folded at function granularity by
# benchmarks/FoldedStacks.java), made by tools.profiler:jfr-converter, which is used here only and not shipped.
# Needs: JDK 17+, node + npm, Debian chromium. Usage: benchmarks/flamegraph-vs-async.sh [RUNS]  (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
CONVERTER_VERSION=4.2
PROFILE=../shared/fixtures/pprof/large.cpu.pb.gz
CHROMIUM="${PROFGATE_CHROMIUM:-/usr/bin/chromium}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

[ -f detector/target/profgate.jar ] || ./mvnw -B -q -pl detector package -DskipTests
(cd detector/src/test/browser && npm ci --no-audit --no-fund --loglevel=error)
./mvnw -B -q dependency:copy -Dartifact="tools.profiler:jfr-converter:$CONVERTER_VERSION" -DoutputDirectory="$WORK"

java -jar detector/target/profgate.jar compare --base "$PROFILE" --head "$PROFILE" --out "$WORK/profgate" >/dev/null
java -cp detector/target/profgate.jar benchmarks/FoldedStacks.java "$PROFILE" > "$WORK/large.collapsed"
java -jar "$WORK/jfr-converter-$CONVERTER_VERSION.jar" "$WORK/large.collapsed" "$WORK/async-profiler.html" >/dev/null

node detector/src/test/browser/first-paint.mjs "$CHROMIUM" "$RUNS" \
  "$WORK/profgate/flamegraph.html" "$WORK/async-profiler.html"
