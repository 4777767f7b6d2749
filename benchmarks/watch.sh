#!/usr/bin/env bash
# profgate watch at scale: SERVICES services x a week of hourly profiles of large.cpu.pb.gz size (168 each), as a
# folder of dated profiles (DIR/service-NN/YYYY-MM-DDTHH.pb.gz, symlinks to two files). The first REGRESSED services
# regress from hour 100: their later hours are large.cpu.pb.gz merged with the regex-per-call fixture by
# `go tool pprof -proto` (+2% of CPU, regexp compiled per call), so their candidates are compared as a real run's
# would be; the others are copies with nothing to find. Run by bin/profgate watch under -Xmx1g. Prints the verdict
# lines, wall time, CPU time and max RSS (/usr/bin/time -v), the GC summary (-Xlog:gc) and the load average before
# and after. Goal (issue 25): 20 services (3,360 windows) in < 2 min on 2 cores, heap < 1 GB.
#   ./mvnw -B -q package -DskipTests && [HEAP=1g] benchmarks/watch.sh [SERVICES] [REGRESSED]
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=$(realpath ../shared/fixtures/pprof)
services=${1:-20}
regressed=${2:-2}
repo=$PWD
[[ -f $repo/detector/target/profgate.jar ]] || { echo "watch: build first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "watch: /usr/bin/time not found (Debian package time)" >&2; exit 2; }
command -v go > /dev/null || { echo "watch: go not found (Debian package golang-go)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go tool pprof -proto "$fixtures/large.cpu.pb.gz" "$fixtures/go-payments-v2-regex-per-call.cpu.pb.gz" \
  > "$work/regressed.pb.gz" 2> /dev/null
for s in $(seq -w 1 "$services"); do
  mkdir -p "$work/profiles/service-$s"
  for h in $(seq 0 167); do
    profile=$fixtures/large.cpu.pb.gz
    if (( 10#$s <= regressed && h >= 100 )); then profile=$work/regressed.pb.gz; fi
    ln -s "$profile" "$work/profiles/service-$s/$(date -u -d "2026-03-02 + $h hours" +%FT%H).pb.gz"
  done
done
echo "input: $services services x 168 hours of large.cpu.pb.gz ($(stat -c %s "$fixtures/large.cpu.pb.gz") bytes)," \
  "$regressed regressed from hour 100"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
JAVA_TOOL_OPTIONS="-Xmx${HEAP:-1g} -Xlog:gc:file=$work/gc.log" /usr/bin/time -v -o "$work/time.txt" \
  "$repo/bin/profgate" watch --profiles "$work/profiles" --from 2026-03-02T00:00:00Z --to 2026-03-09T00:00:00Z \
  --out "$work/report" > "$work/stdout.txt" 2> "$work/stderr.txt" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "exit code $status"
head -12 "$work/stdout.txt"
tail -3 "$work/stderr.txt"
grep -E 'Elapsed|User time|System time|Maximum resident' "$work/time.txt"
awk -f benchmarks/gc-summary.awk "$work/gc.log"
