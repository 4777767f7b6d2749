#!/usr/bin/env bash
# End to end, JVM start included: `bin/profgate compare` against `go tool pprof -top -diff_base` on two copies of
# the same pprof profile, side by side in one run. Each round runs every command once, in an order that rotates
# from round to round: pprof; `bin/profgate compare --out DIR` (the whole report folder, the text report printed);
# `bin/profgate compare` (the text report only); with BEFORE=DIR also the same two runs of another checkout's
# launcher (DIR/bin/profgate and its jar), for a before/after measured under the same load. Prints, per command,
# the median and the minimum over the rounds of the wall time and of the CPU time (user + sys), and each wall
# time's ratio to pprof's (the goal: the report folder in at most 0.5x pprof's time); the load average before and
# after. Warm-up rounds (not counted) come first: the launcher's first run after a build writes its class data
# sharing archive (bin/profgate; PROFGATE_CDS=off measures without it). Needs java, go (Debian golang-go) and bash:
#   ./mvnw -B -q package -DskipTests && benchmarks/vs-pprof.sh [PROFILE] [ROUNDS] [WARMUP]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$(realpath "${1:-../shared/fixtures/pprof/large.cpu.pb.gz}")
rounds=${2:-10}
warmup=${3:-2}
repo=$PWD
for tool in java go; do
  command -v "$tool" >/dev/null || { echo "vs-pprof: '$tool' not found" >&2; exit 2; }
done
for dir in "$repo" ${BEFORE:+"$BEFORE"}; do
  [[ -f $dir/detector/target/profgate.jar ]] || {
    echo "vs-pprof: $dir/detector/target/profgate.jar missing; run ./mvnw -B -q package -DskipTests" >&2; exit 2; }
done
[[ -f $profile ]] || { echo "vs-pprof: profile '$profile' not found" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$profile" "$work/base.pb.gz"
cp "$profile" "$work/head.pb.gz"
cd "$work"

names=(pprof folder text)
commands=("go tool pprof -top -diff_base base.pb.gz head.pb.gz"
  "$repo/bin/profgate compare --base base.pb.gz --head head.pb.gz --out out"
  "$repo/bin/profgate compare --base base.pb.gz --head head.pb.gz")
if [[ -n ${BEFORE:-} ]]; then
  names+=(before-folder before-text)
  commands+=("$BEFORE/bin/profgate compare --base base.pb.gz --head head.pb.gz --out out"
    "$BEFORE/bin/profgate compare --base base.pb.gz --head head.pb.gz")
fi
count=${#names[@]}

# Runs command $1 once with the report folder removed first; appends "name wall user sys" to times.txt when $2 is 1.
run() {
  local t status
  rm -rf out
  TIMEFORMAT='%3R %3U %3S'
  t=$({ time ${commands[$1]} >/dev/null 2>stderr.txt; } 2>&1) && status=0 || status=$?
  if [[ $status -ne 0 ]]; then
    echo "vs-pprof: '${commands[$1]}' exited with $status:" >&2
    cat stderr.txt >&2
    exit 2
  fi
  [[ $2 == 1 ]] && echo "${names[$1]} $t" >>times.txt
  return 0
}

echo "uptime before: $(uptime)"
: >times.txt
for ((r = 0; r < warmup + rounds; r++)); do
  for ((i = 0; i < count; i++)); do
    run $(((i + r) % count)) $((r >= warmup))
  done
done
echo "uptime after:  $(uptime)"
echo "$rounds rounds (after $warmup warm-up rounds), each command once per round in rotating order, on $(nproc) cores"
awk -v order="${names[*]}" '
  { wall[$1, ++n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4 }
  function sorted(name, what, out,   i, j, k, v) {
    k = n[name]
    for (i = 1; i <= k; i++) out[i] = what == "wall" ? wall[name, i] : cpu[name, i]
    for (i = 2; i <= k; i++) { v = out[i]; for (j = i - 1; j >= 1 && out[j] > v; j--) out[j + 1] = out[j]; out[j + 1] = v }
  }
  function median(a, k) { return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
  END {
    split(order, names, " ")
    sorted("pprof", "wall", w); pmed = median(w, n["pprof"]); pmin = w[1]
    printf "%-14s %11s %9s %11s %9s   %s\n", "command", "wall median", "wall min", "cpu median", "cpu min", "wall / pprof: median, min"
    for (c = 1; c in names; c++) {
      name = names[c]
      sorted(name, "wall", w); sorted(name, "cpu", u)
      printf "%-14s %9.3f s %7.3f s %9.3f s %7.3f s   %.2fx  %.2fx\n", name, median(w, n[name]), w[1],
        median(u, n[name]), u[1], median(w, n[name]) / pmed, w[1] / pmin
    }
    print "goal: folder at most 0.50x pprof (wall)"
  }' times.txt
