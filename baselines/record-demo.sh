#!/usr/bin/env bash
# Records the demo profiles in baselines/demo/: the payments-api example, base version vs the version that
# compiles its card-number regex on every call, REPLICATES runs per side, interleaved (ABBA order) so that
# machine drift hits both sides alike. Each run does a fixed amount of work (REQUESTS on each of THREADS threads,
# about 8 s on an idle 2-core machine), so a busy machine yields as many samples as an idle one, only later. Each run is recorded with JFR and converted by `profgate convert` into
# gzipped pprof, which keeps only stacks, values and timestamps: the JFR files (which carry the recording
# machine's environment variables, system properties and JVM arguments) are deleted, never stored.
#
# Usage: baselines/record-demo.sh            (env: REPLICATES=6 REQUESTS=1500000 THREADS=2)
set -euo pipefail
cd "$(dirname "$0")/.."

REPLICATES=${REPLICATES:-6}
REQUESTS=${REQUESTS:-1500000}
THREADS=${THREADS:-2}
TIME_LIMIT_SECONDS=600
BASE_VARIANT=base
HEAD_VARIANT=regex-per-call
OUT=baselines/demo
# JFR's "profile" settings sample running Java threads every 10 ms (jdk.ExecutionSample#period=10 ms).
JFR_SETTINGS=profile

./mvnw -B -q -pl detector package -DskipTests
./mvnw -B -q -f examples/payments-api/pom.xml package
PROFGATE=detector/target/profgate.jar
WORKLOAD=examples/payments-api/target/payments-api.jar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$OUT/base" "$OUT/head"
mkdir -p "$OUT/base" "$OUT/head"

record() { # side variant replicate
    local jfr="$work/$1-r$3.jfr"
    echo "recording $1 r$3 ($2, $REQUESTS requests on each of $THREADS threads)"
    java -XX:StartFlightRecording:filename="$jfr",settings="$JFR_SETTINGS" -Xlog:jfr+startup=error \
        -Dpayments.variant="$2" -jar "$WORKLOAD" "$TIME_LIMIT_SECONDS" "$THREADS" "$REQUESTS"
    java -jar "$PROFGATE" convert "$jfr" "$OUT/$1/r$3.pb.gz"
    rm -f "$jfr"
}

for r in $(seq 1 "$REPLICATES"); do
    if (( r % 2 == 1 )); then
        record base "$BASE_VARIANT" "$r"; record head "$HEAD_VARIANT" "$r"
    else
        record head "$HEAD_VARIANT" "$r"; record base "$BASE_VARIANT" "$r"
    fi
done

jdk=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
cat > "$OUT/README.md" <<README
# Demo profiles

Real CPU profiles of the example service \`examples/payments-api\` (a JDK-only payment handler: parse a JSON
payment, validate the card number with a regex and the Luhn checksum, record it in a ledger under a lock, render
and sign the response), driven by its \`LoadMain\`: $REQUESTS requests on each of $THREADS threads per run
(a fixed amount of work, so that a busy machine yields as many samples as an idle one).

| side | variant (system property \`payments.variant\`) | files |
|---|---|---|
| \`base/\` | \`$BASE_VARIANT\`: the card regex is compiled once | \`r1.pb.gz\` ... \`r$REPLICATES.pb.gz\` |
| \`head/\` | \`$HEAD_VARIANT\`: \`CardValidator.isValid\` calls \`Pattern.compile\` on every request | \`r1.pb.gz\` ... \`r$REPLICATES.pb.gz\` |

Each file is one replicate (one JVM run). Runs were interleaved base/head in ABBA order so machine drift hits
both sides. Each run was recorded with JFR (\`-XX:StartFlightRecording:settings=$JFR_SETTINGS\`: execution
samples every 10 ms) on JDK $jdk and converted with \`profgate convert run.jfr rN.pb.gz\` to gzipped pprof,
which carries only sample types, stacks and values; the JFR files, which hold the recording machine's
environment variables, system properties and JVM arguments, were deleted.

\`profgate demo\` compares \`base/\` against \`head/\`; it is expected to fail the gate and name the regex
compilation called from \`CardValidator.isValid\`.

Regenerate (a few minutes; overwrites this directory):

\`\`\`sh
baselines/record-demo.sh    # env: REPLICATES=$REPLICATES REQUESTS=$REQUESTS THREADS=$THREADS
\`\`\`
README
echo "wrote $OUT/base, $OUT/head and $OUT/README.md"
