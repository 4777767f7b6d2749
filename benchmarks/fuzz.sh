#!/usr/bin/env bash
# Fuzzes profgate's parsers for longer than the build's short pass (FUZZING.md):
#   benchmarks/fuzz.sh TARGET[,TARGET...]|all [MINUTES]
# TARGET: pprof collapsed flamebearer remote-answers jmh-result baseline-manifest settings. Targets run one after the
# other, each for MINUTES (default 10), at nice 19, in Jazzer's standalone driver (whose -max_total_time, unlike the
# JUnit run's, is not capped by @FuzzTest's maxDuration). The corpus grows in detector/.cifuzz-corpus/; a finding is
# written to the target's inputs folder under detector/src/test/resources/, where the default build replays it, and
# fuzzing goes on (up to 10 distinct findings per target); the script then fails.
set -euo pipefail
cd "$(dirname "$0")/../detector"

declare -A TARGETS=(
  [pprof]=dev.profgate.format.PprofFuzzTest:pprof
  [collapsed]=dev.profgate.format.CollapsedFuzzTest:collapsed
  [flamebearer]=dev.profgate.format.FlamebearerFuzzTest:flamebearer
  [remote-answers]=dev.profgate.source.remote.RemoteAnswerFuzzTest:answer
  [jmh-result]=dev.profgate.format.JmhResultFuzzTest:jmhResult
  [baseline-manifest]=dev.profgate.source.BaselineManifestFuzzTest:manifest
  [settings]=dev.profgate.config.SettingsFuzzTest:settings
)
# Jazzer's regex injection detector reports every invalid pattern; redaction patterns in profgate.yml are regexes by
# design (an invalid one is a clear error), so it is off (for every target, as it must be for the build's regression JVM).
export JAZZER_DISABLED_HOOKS=com.code_intelligence.jazzer.sanitizers.RegexInjection
ORDER=(pprof collapsed flamebearer remote-answers jmh-result baseline-manifest settings)

usage() {
  echo "usage: $0 TARGET[,TARGET...]|all [MINUTES]; targets: ${ORDER[*]}" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
minutes=${2:-10}
[[ $minutes =~ ^[0-9]+$ && $minutes -gt 0 ]] || usage
if [[ $1 == all ]]; then
  names=("${ORDER[@]}")
else
  IFS=, read -r -a names <<<"$1"
  for name in "${names[@]}"; do
    [[ -n ${TARGETS[$name]:-} ]] || usage
  done
fi

nice -n 19 ../mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz.classpath \
    -Dmdep.includeScope=test
# a copy of the classes, so that building while fuzzing does not change them under the fuzzer
rm -rf target/fuzz-classes && mkdir target/fuzz-classes && cp -r target/classes target/test-classes target/fuzz-classes/
classpath="target/fuzz-classes/test-classes:target/fuzz-classes/classes:$(cat target/fuzz.classpath)"

failed=()
for name in "${names[@]}"; do
  target=${TARGETS[$name]}
  log=target/fuzz-$name.log
  echo "fuzzing $name (${target/:/#}) for $minutes min; log: detector/$log"
  status=0
  nice -n 19 java -Xmx2g -XX:-OmitStackTraceInFastThrow -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
      --target_class="${target%%:*}" --target_method="${target##*:}" --keep_going=10 \
      -max_total_time=$((minutes * 60)) -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs|stat::number_of_executed_units)|== Java Exception|FuzzTestFinding' "$log" || true
  echo "corpus: $(find ".cifuzz-corpus/${target%%:*}/${target##*:}" -type f 2>/dev/null | wc -l) files; exit status $status"
  [[ $status -eq 0 ]] || failed+=("$name")
done
[[ ${#failed[@]} -eq 0 ]] || { echo "findings in: ${failed[*]}" >&2; exit 1; }
