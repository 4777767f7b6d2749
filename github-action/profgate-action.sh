#!/usr/bin/env bash
# Entry script of the profgate GitHub Action: action.yml runs one stage per step, and the tests run it the same way.
#   build    builds detector/target/profgate.jar from this action's own checkout (./mvnw at the action's ref)
#            and exports PROFGATE_CLASSPATH to the later steps (through $GITHUB_ENV)
#   run      runs the comparison of $PROFGATE_MODE (compare, bench, deploy) into $PROFGATE_OUT with --fail-on never,
#            so the report is always written; exit 2 only for bad input (the gate is decided by 'publish')
#   publish  publishes that report folder to GitHub (PR comment, check run, job summary, step outputs); its exit
#            code is the gate's: 0 pass, 1 the verdict fails per $PROFGATE_FAIL_ON, 2 error
# Every input arrives as an environment variable and is passed to profgate as one argument, never evaluated by
# the shell. $PROFGATE_ARGS holds extra arguments, one per line: '--flag value' (the value is the rest of the line,
# taken literally) or a lone argument. PROFGATE_DRY_RUN=1 prints the profgate arguments, one per line, instead.
set -euo pipefail

profgate() {
  if [[ ${PROFGATE_DRY_RUN:-} == 1 ]]; then
    printf '%s\n' "$@"
    return 0
  fi
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$PROFGATE_CLASSPATH" \
    dev.profgate.cli.Main "$@"
}

# Appends to the array named $1: "$2 LINE" for each non-empty line of $3 (or each line alone when $2 is empty).
append_lines() {
  local -n into=$1
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    [[ -z ${line//[[:space:]]/} ]] && continue
    if [[ -n $2 ]]; then
      into+=("$2" "$line")
    elif [[ $line == --*' '* ]]; then
      into+=("${line%% *}" "${line#* }")
    else
      into+=("$line")
    fi
  done <<<"$3"
}

# Appends "$2 $3" to the array named $1 when $3 is not empty.
append_option() {
  local -n to=$1
  [[ -n $3 ]] && to+=("$2" "$3")
  return 0
}

stage_build() {
  local root
  root=$(cd "$(dirname "$0")/.." && pwd)
  (cd "$root" && ./mvnw -B -q -pl detector -am package -DskipTests)
  echo "PROFGATE_CLASSPATH=$root/detector/target/profgate.jar" >>"$GITHUB_ENV"
}

stage_run() {
  local args=()
  case ${PROFGATE_MODE:-compare} in
    compare)
      args=(compare)
      append_lines args --base "${PROFGATE_BASE:-}"
      append_lines args --head "${PROFGATE_HEAD:-}"
      ;;
    bench)
      args=(bench)
      append_option args --base-ref "${PROFGATE_BASE:-}"
      append_option args --head-ref "${PROFGATE_HEAD:-}"
      ;;
    deploy)
      args=(deploy-check)
      append_option args --pyroscope-url "${PROFGATE_PYROSCOPE_URL:-}"
      append_option args --tenant "${PROFGATE_PYROSCOPE_TENANT:-}"
      append_option args --base "${PROFGATE_BASE:-}"
      append_option args --head "${PROFGATE_HEAD:-}"
      append_option args --deployed-at "${PROFGATE_DEPLOYED_AT:-}"
      append_option args --window "${PROFGATE_WINDOW:-}"
      append_option args --gap "${PROFGATE_GAP:-}"
      ;;
    *)
      echo "::error title=profgate::input 'mode' is '${PROFGATE_MODE}'; use compare, bench or deploy"
      exit 2
      ;;
  esac
  append_option args --config "${PROFGATE_CONFIG:-}"
  append_option args --gate "${PROFGATE_GATE:-}"
  append_lines args "" "${PROFGATE_ARGS:-}"
  local out=${PROFGATE_OUT:-profgate-report}
  [[ $out == /* ]] || out=$PWD/$out
  args+=(--out "$out" --fail-on never)
  profgate "${args[@]}"
  [[ ${PROFGATE_DRY_RUN:-} == 1 ]] || echo "report-dir=$out" >>"$GITHUB_OUTPUT"
}

stage_publish() {
  local args=(publish github --report "$PROFGATE_REPORT_DIR" --fail-on "${PROFGATE_FAIL_ON:-fail}"
    --comment "${PROFGATE_COMMENT:-always}")
  append_option args --artifact-url "${PROFGATE_ARTIFACT_URL:-}"
  profgate "${args[@]}"
}

# Registers every secret of the environment with the runner (::add-mask::), so that no log line shows it even if a
# tool prints it; a token passed as a plain input is not masked by GitHub otherwise.
mask_secrets() {
  local name value
  for name in GITHUB_TOKEN PYROSCOPE_TOKEN PROFGATE_TOKEN PROFGATE_PASSWORD; do
    value=${!name:-}
    if [[ -n $value ]]; then
      echo "::add-mask::$value"
    fi
  done
}

case ${1:-} in
  build | run | publish)
    mask_secrets
    "stage_$1"
    ;;
  *)
    echo "usage: $0 build|run|publish" >&2
    exit 2
    ;;
esac
