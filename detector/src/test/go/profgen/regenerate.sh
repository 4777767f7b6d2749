#!/usr/bin/env bash
# Rebuilds the Go profiles in detector/src/test/resources/pprof/ and their `go tool pprof -top` references.
# Needs Go (Debian golang-go; the committed files were made with go1.19.8 linux/amd64).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../../resources/pprof
# A fixed, neutral binary path: the profiles' mapping records where the binary ran from.
bin=/tmp/profgen/profgen
(cd "$here" && go build -trimpath -o "$bin" .)
"$bin" "$out"
cd "$out"
"$here/top-tsv.sh" goroutine.pb.gz > goroutine.top.tsv
for profile in mutex block; do
  "$here/top-tsv.sh" $profile.pb.gz -sample_index=contentions > $profile.contentions.top.tsv
  "$here/top-tsv.sh" $profile.pb.gz -sample_index=delay -unit=ns > $profile.delay.top.tsv
done
rm -r /tmp/profgen
