#!/usr/bin/env bash
# Records the JFR profile pools of detector/src/test/resources/recordings/jfr/ (see the README there): SAME runs of
# the payments-api example's base version into same/, and VARIANT_RUNS runs each of regex-per-call into regex/ and
# formatter-per-call into formatter/. Every profile is its own JVM. The variant runs are spread evenly over the
# same-version runs, in rounds whose order rotates (same, regex, formatter / regex, formatter, same / ...), so machine
# drift hits all pools alike. Each run does a fixed amount of work (REQUESTS on each of THREADS threads), so a busy
# machine yields about as many CPU samples as an idle one, only later. Recorded and converted as record-demo.sh does
# (JFR with the "profile" settings, but see JFR_SETTINGS below), then `profgate convert` to gzipped pprof, which
# keeps only sample types, stacks, values and per-sample timestamps; the JFR files (which carry the recording
# machine's environment variables, system properties and JVM arguments) are deleted, never stored.
#
# Usage: baselines/record-recordings.sh
#        (env: SAME=30 VARIANT_RUNS=6 REQUESTS=7000000 THREADS=2 JFR_SETTINGS=profile,allocation-profiling=off)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=examples/record-rounds.sh
. examples/record-rounds.sh

REQUESTS=${REQUESTS:-7000000}
THREADS=${THREADS:-2}
# JFR's "profile" settings sample running Java threads every 10 ms (jdk.ExecutionSample#period=10 ms). Their
# allocation samples (up to 300 a second of wall time) are switched off: they would make each file four times larger
# (about 90 KB instead of 25 KB) for a sample type these pools are not for. JFR_SETTINGS=profile records them too.
JFR_SETTINGS=${JFR_SETTINGS:-profile,allocation-profiling=off}
TIME_LIMIT_SECONDS=600
OUT=detector/src/test/resources/recordings/jfr

./mvnw -B -q -pl detector package -DskipTests
./mvnw -B -q -f examples/payments-api/pom.xml package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Copies, so that a rebuild during the recording (which takes a while) cannot change the tools under it.
cp detector/target/profgate.jar examples/payments-api/target/payments-api.jar "$work/"
PROFGATE=$work/profgate.jar
WORKLOAD=$work/payments-api.jar
rm -rf "$OUT/same" "$OUT/regex" "$OUT/formatter"
mkdir -p "$OUT/same" "$OUT/regex" "$OUT/formatter"

declare -A VARIANT=([same]=base [regex]=regex-per-call [formatter]=formatter-per-call)

record() { # pool run
    local jfr="$work/$1-$2.jfr" file
    file=$(printf '%s/%s/%02d.pb.gz' "$OUT" "$1" "$2")
    echo "recording $file (${VARIANT[$1]}, $REQUESTS requests on each of $THREADS threads)"
    java -XX:StartFlightRecording:filename="$jfr",settings="$JFR_SETTINGS" -Xlog:jfr+startup=error \
        -Dpayments.variant="${VARIANT[$1]}" -jar "$WORKLOAD" "$TIME_LIMIT_SECONDS" "$THREADS" "$REQUESTS"
    java -jar "$PROFGATE" convert "$jfr" "$file"
    rm -f "$jfr"
}

record_rounds
echo "wrote $OUT/same, $OUT/regex and $OUT/formatter"
