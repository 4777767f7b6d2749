#!/usr/bin/env bash
# End to end, JVM start included: `profgate compare` against `go tool pprof -top -diff_base` on two copies of the
# same pprof profile, timed side by side in one hyperfine run: `java -jar detector/target/profgate.jar`, the
# launcher `bin/profgate` (the same jar with short-run JVM settings) and pprof. Prints mean wall and CPU
# (user + sys) times and the ratios pprof/profgate; the goal is a wall ratio >= 2. Needs java, go (Debian
# golang-go) and hyperfine (Debian hyperfine):
#   ./mvnw -B -q package -DskipTests && benchmarks/vs-pprof.sh [PROFILE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-../shared/fixtures/pprof/large.cpu.pb.gz}
runs=${2:-10}
repo=$PWD
jar=$repo/detector/target/profgate.jar
for tool in java go hyperfine; do
  command -v "$tool" >/dev/null || { echo "vs-pprof: '$tool' not found" >&2; exit 2; }
done
[[ -f $jar ]] || { echo "vs-pprof: $jar missing; run ./mvnw -B -q package -DskipTests" >&2; exit 2; }
[[ -f $profile ]] || { echo "vs-pprof: profile '$profile' not found" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$profile" "$work/base.pb.gz"
cp "$profile" "$work/head.pb.gz"
cd "$work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --style basic -N --warmup 2 --runs "$runs" --export-csv times.csv \
  -n jar "java -jar $jar compare --base base.pb.gz --head head.pb.gz" \
  -n launcher "$repo/bin/profgate compare --base base.pb.gz --head head.pb.gz" \
  -n pprof "go tool pprof -top -diff_base base.pb.gz head.pb.gz"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# times.csv columns: command,mean,stddev,median,user,system,min,max (seconds)
awk -F, 'NR > 1 { wall[$1] = $2; cpu[$1] = $5 + $6 }
  function row(label, name) {
    printf "%-38s wall %6.3f s  cpu %6.3f s   pprof/profgate: wall %.2fx  cpu %.2fx\n",
      label, wall[name], cpu[name], wall["pprof"] / wall[name], cpu["pprof"] / cpu[name]
  }
  END {
    printf "%-38s wall %6.3f s  cpu %6.3f s\n", "go tool pprof -top -diff_base", wall["pprof"], cpu["pprof"]
    row("java -jar profgate.jar compare", "jar")
    row("bin/profgate compare", "launcher")
    print "goal: wall ratio >= 2x"
  }' times.csv
