#!/usr/bin/env bash
# Records the Go profile pools of detector/src/test/resources/recordings/go/ (see the README there): SAME runs of
# the base version into same/, and VARIANT_RUNS runs each of regex-per-call into regex/ and formatter-per-call into
# formatter/. Every profile is its own process. The variant runs are spread evenly over the same-version runs, in
# rounds whose order rotates (same, regex, formatter / regex, formatter, same / ...), so machine drift hits all pools
# alike. Each run does a fixed amount of work (REQUESTS on each of WORKERS goroutines), so a busy machine yields as
# many samples as an idle one, only later. The profiles are runtime/pprof's own output (gzipped pprof, 100 Hz).
#
# Usage: examples/go-payments/record.sh    (env: SAME=30 VARIANT_RUNS=6 REQUESTS=140000 WORKERS=2)
# Needs Go (Debian: apt-get install golang-go); the example uses the standard library only.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=examples/record-rounds.sh
. examples/record-rounds.sh

REQUESTS=${REQUESTS:-140000}
WORKERS=${WORKERS:-2}
OUT=detector/src/test/resources/recordings/go

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd examples/go-payments && go build -trimpath -o "$work/go-payments" .)
rm -rf "$OUT/same" "$OUT/regex" "$OUT/formatter"
mkdir -p "$OUT/same" "$OUT/regex" "$OUT/formatter"

declare -A VARIANT=([same]=base [regex]=regex-per-call [formatter]=formatter-per-call)

record() { # pool run
    local file
    file=$(printf '%s/%s/%02d.pb.gz' "$OUT" "$1" "$2")
    echo "recording $file (${VARIANT[$1]}, $REQUESTS requests on each of $WORKERS goroutines)"
    "$work/go-payments" -variant "${VARIANT[$1]}" -requests "$REQUESTS" -workers "$WORKERS" -cpuprofile "$file"
}

record_rounds
echo "wrote $OUT/same, $OUT/regex and $OUT/formatter"
