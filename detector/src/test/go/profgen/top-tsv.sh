#!/usr/bin/env bash
# Usage: top-tsv.sh PROFILE [pprof flags...] > NAME.top.tsv
# Every row of `go tool pprof -top` as "function<TAB>flat<TAB>cum" in raw units, pprof's " (inline)" marker removed
# (the format of ../shared/fixtures/pprof/*.top.tsv).
set -euo pipefail
profile=$1
shift
printf 'function\tflat\tcum\n'
go tool pprof -top -nodecount=1000000 -nodefraction=0 -edgefraction=0 "$@" "$profile" 2>/dev/null |
  awk '
    started {
      name = $0
      sub(/^ *[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+  /, "", name)
      sub(/ \(inline\)$/, "", name)
      flat = $1; cum = $4
      sub(/[^0-9]+$/, "", flat); sub(/[^0-9]+$/, "", cum)
      printf "%s\t%s\t%s\n", name, flat, cum
    }
    /^ *flat  flat%   sum%        cum   cum%$/ { started = 1 }
  '
