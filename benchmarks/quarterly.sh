#!/usr/bin/env bash
# The quarterly report at scale: 50 services x 13 weekly profiles of large.cpu.pb.gz size (650 profiles), as a
# folder of dated profiles (--profiles DIR: DIR/service-NN/YYYY-MM-DD.pb.gz, symlinks to one file), reported by
# bin/profgate quarterly under -Xmx1g. Prints wall time, CPU time and max RSS (/usr/bin/time -v), the peak heap used
# after any GC and the heap in use at exit (-Xlog:gc), and the load average before and after. Goal: < 60 s wall,
# < 1 GB heap.
#   ./mvnw -B -q package -DskipTests && benchmarks/quarterly.sh [PROFILE] [SERVICES] [WEEKS]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$(realpath "${1:-../shared/fixtures/pprof/large.cpu.pb.gz}")
services=${2:-50}
weeks=${3:-13}
repo=$PWD
[[ -f $repo/detector/target/profgate.jar ]] || { echo "quarterly: build first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
[[ -f $profile ]] || { echo "quarterly: profile '$profile' not found" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "quarterly: /usr/bin/time not found (Debian package time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in $(seq -w 1 "$services"); do
  mkdir -p "$work/profiles/service-$s"
  for w in $(seq 0 $((weeks - 1))); do
    ln -s "$profile" "$work/profiles/service-$s/$(date -u -d "2026-01-01 + $((7 * w)) days" +%F).pb.gz"
  done
done
to=$(date -u -d "2026-01-01 + $((7 * weeks)) days" +%F)
echo "input: $services services x $weeks weeks of $(basename "$profile") ($(stat -c %s "$profile") bytes)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_TOOL_OPTIONS="-Xmx1g -Xlog:gc:file=$work/gc.log" /usr/bin/time -v -o "$work/time.txt" \
  "$repo/bin/profgate" quarterly --from 2026-01-01 --to "$to" --profiles "$work/profiles" --out "$work/report" \
  > "$work/stdout.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
head -3 "$work/stdout.txt"
grep -E 'Elapsed|User time|System time|Maximum resident' "$work/time.txt"
awk -f benchmarks/gc-summary.awk "$work/gc.log"
