#!/usr/bin/env bash
# Entry script of the profgate GitHub Action: action.yml runs one stage per step, and the tests run it the same way.
#   prepare  decides where profgate's jar comes from and which Java runs it, as step outputs: 'java', a java of 17
#            or later already on the runner ($JAVA_HOME/bin/java, else java on PATH), empty when there is none
#            (action.yml then has actions/setup-java install one without making it the job's default); and
#            'maven-home', 'maven-key' and 'maven-restore-key' when the jar is built from source (for actions/cache)
#   build    gets the jar. At a release of the action (github-action/release.properties, written by the release
#            workflow on the release's tag, names the POM's version): the release's profgate-VERSION.jar from the
#            runner's tool cache, else downloaded from the repository's GitHub release and used only when its
#            SHA-256 is the committed one. At any other ref (a branch, a commit): built from this checkout with
#            ./mvnw. Exports PROFGATE_JAVA and PROFGATE_CLASSPATH to the later steps (through $GITHUB_ENV); the
#            job's JAVA_HOME and PATH stay as they were
#   run      runs the comparison of $PROFGATE_MODE (compare, bench, deploy) into $PROFGATE_OUT with --fail-on never,
#            so the report is always written; exit 2 only for bad input (the gate is decided by 'publish')
#   publish  publishes that report folder to GitHub (PR comment, check run, job summary, step outputs); its exit
#            code is the gate's: 0 pass, 1 the verdict fails per $PROFGATE_FAIL_ON, 2 error
# Every input arrives as an environment variable and is passed to profgate as one argument, never evaluated by
# the shell. $PROFGATE_ARGS holds extra arguments, one per line: '--flag value' (the value is the rest of the line,
# taken literally) or a lone argument. PROFGATE_DRY_RUN=1 prints the profgate arguments, one per line, instead.
# PROFGATE_RELEASE_SERVER replaces https://github.com as the server of the release's jar (a mirror, the tests).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RELEASE_FILE=github-action/release.properties
MIN_JAVA=17

profgate() {
  if [[ ${PROFGATE_DRY_RUN:-} == 1 ]]; then
    printf '%s\n' "$@"
    return 0
  fi
  "${PROFGATE_JAVA:-java}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$PROFGATE_CLASSPATH" \
    dev.profgate.cli.Main "$@"
}

# Prints one error line for the runner and exits 2.
fail() {
  echo "::error title=profgate::$1"
  exit 2
}

# Prints the SHA-256 of the file $1 (- for the standard input) in hex.
sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum -- "$1"
  else
    shasum -a 256 -- "$1"
  fi | cut -d ' ' -f 1
}

# Prints the major version of the java command $1 (17 for "17.0.15", 8 for "1.8.0_292"); nothing when it does not
# run or names no version.
java_major() {
  local said
  said=$("$1" -version 2>&1) || return 0
  [[ $said =~ version\ \"(1\.)?([0-9]+) ]] && echo "${BASH_REMATCH[2]}"
  return 0
}

# Sets RELEASE_REPOSITORY, RELEASE_VERSION and RELEASE_SHA256 from the release file when this checkout is that
# release (the file names the POM's version); else sets NO_RELEASE to the reason and returns 1.
read_release() {
  local key value pom
  RELEASE_REPOSITORY='' RELEASE_VERSION='' RELEASE_SHA256=''
  if [[ ! -f $ROOT/$RELEASE_FILE ]]; then
    NO_RELEASE="no $RELEASE_FILE"
    return 1
  fi
  while IFS='=' read -r key value; do
    case $key in
      repository) RELEASE_REPOSITORY=$value ;;
      version) RELEASE_VERSION=$value ;;
      sha256) RELEASE_SHA256=$value ;;
    esac
  done <"$ROOT/$RELEASE_FILE"
  [[ $RELEASE_REPOSITORY =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ && $RELEASE_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+ &&
    $RELEASE_SHA256 =~ ^[0-9a-f]{64}$ ]] ||
    fail "$RELEASE_FILE needs the lines repository=OWNER/NAME, version=X.Y.Z and sha256=(64 hex digits)"
  pom=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -1)
  if [[ $pom != "$RELEASE_VERSION" ]]; then
    NO_RELEASE="$RELEASE_FILE is for $RELEASE_VERSION, this checkout's POM for $pom"
    return 1
  fi
}

stage_prepare() {
  if read_release; then
    echo "profgate: release $RELEASE_VERSION of the action: profgate-$RELEASE_VERSION.jar of $RELEASE_REPOSITORY"
  else
    echo "profgate: no release of the action at this ref ($NO_RELEASE): profgate is built from source"
    local key
    key=$(cd "$ROOT" && cat pom.xml detector/pom.xml .mvn/wrapper/maven-wrapper.properties | sha256 -)
    echo "maven-home=$HOME/.m2/profgate" >>"$GITHUB_OUTPUT"
    echo "maven-key=profgate-maven-${RUNNER_OS:-}-$key" >>"$GITHUB_OUTPUT"
    echo "maven-restore-key=profgate-maven-${RUNNER_OS:-}-" >>"$GITHUB_OUTPUT"
  fi
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)"; do
    [[ -n $candidate ]] || continue
    major=$(java_major "$candidate")
    if ((${major:-0} >= MIN_JAVA)); then
      echo "profgate: Java $major at $candidate"
      echo "java=$candidate" >>"$GITHUB_OUTPUT"
      return 0
    fi
    echo "profgate: $candidate is Java ${major:-of no known version}; profgate needs $MIN_JAVA or later"
  done
  echo "profgate: actions/setup-java installs Java for profgate's steps only (not the job's JAVA_HOME or PATH)"
}

# Sets JAR to the release's jar (read_release) in the tool cache ($RUNNER_TOOL_CACHE/profgate/VERSION/ARCH, with
# the @actions/tool-cache marker ARCH.complete beside it), downloaded and checked first when it is not there.
release_jar() {
  local arch=${RUNNER_ARCH:-X64}
  local dir=${RUNNER_TOOL_CACHE:?the runner sets RUNNER_TOOL_CACHE}/profgate/$RELEASE_VERSION/${arch,,}
  local name=profgate-$RELEASE_VERSION.jar
  local url=${PROFGATE_RELEASE_SERVER:-https://github.com}/$RELEASE_REPOSITORY/releases/download/v$RELEASE_VERSION/$name
  if [[ -f $dir.complete && -f $dir/$name ]]; then
    if [[ $(sha256 "$dir/$name") == "$RELEASE_SHA256" ]]; then
      echo "profgate: $name from the tool cache ($dir)"
      JAR=$dir/$name
      return 0
    fi
    echo "::warning title=profgate::$dir/$name in the tool cache is not the release's jar; downloading it again"
  fi
  echo "profgate: downloading $url"
  local download said actual
  download=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/$name.XXXXXX")
  if ! said=$(curl --fail --silent --show-error --location --retry 3 --connect-timeout 30 --max-time 300 \
    --output "$download" -- "$url" 2>&1); then
    rm -f "$download"
    fail "could not download $name from $url: ${said//$'\n'/ }"
  fi
  actual=$(sha256 "$download")
  if [[ $actual != "$RELEASE_SHA256" ]]; then
    rm -f "$download"
    fail "$name downloaded from $url has SHA-256 $actual, but $RELEASE_FILE says $RELEASE_SHA256: not used"
  fi
  rm -rf "$dir" "$dir.complete"
  mkdir -p "$dir"
  mv "$download" "$dir/$name"
  : >"$dir.complete"
  echo "profgate: $name checked (SHA-256 $actual) and kept in the tool cache ($dir)"
  JAR=$dir/$name
}

# Sets JAR to detector/target/profgate.jar, built from this checkout by ./mvnw with the java $1. Maven and its
# downloads go to $PROFGATE_MAVEN_HOME (action.yml's cache restores and saves it).
source_jar() {
  local home maven_home=${PROFGATE_MAVEN_HOME:?action.yml passes the Maven home} start=$SECONDS
  home=$(cd "$(dirname "$(readlink -f "$1")")/.." && pwd)
  echo "profgate: building profgate with ./mvnw in $ROOT, Java home $home, Maven's downloads in $maven_home"
  (cd "$ROOT" && JAVA_HOME=$home MAVEN_USER_HOME=$maven_home ./mvnw -B --no-transfer-progress \
    "-Dmaven.repo.local=$maven_home/repository" -pl detector -am package -DskipTests)
  echo "profgate: built detector/target/profgate.jar in $((SECONDS - start)) s"
  JAR=$ROOT/detector/target/profgate.jar
}

stage_build() {
  local java=${PROFGATE_JAVA:-} major
  if [[ -z $java ]]; then
    java=${PROFGATE_SETUP_JAVA_HOME:?actions/setup-java names no Java}/bin/java
    major=$(java_major "$java")
    ((${major:-0} >= MIN_JAVA)) ||
      fail "input 'java-version' gave Java ${major:-?} ($java); profgate needs $MIN_JAVA or later"
  fi
  if read_release; then
    release_jar
  else
    source_jar "$java"
  fi
  echo "PROFGATE_JAVA=$java" >>"$GITHUB_ENV"
  echo "PROFGATE_CLASSPATH=$JAR" >>"$GITHUB_ENV"
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
      append_option args --jvm "${PROFGATE_JVM:-}"
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
      fail "input 'mode' is '${PROFGATE_MODE}'; use compare, bench or deploy"
      ;;
  esac
  [[ -z ${PROFGATE_JVM:-} || ${PROFGATE_MODE:-compare} == bench ]] ||
    fail "input 'jvm' is for mode bench (the JVM of the benchmark forks); mode is '$PROFGATE_MODE'"
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
  prepare | build | run | publish)
    mask_secrets
    "stage_$1"
    ;;
  *)
    echo "usage: $0 prepare|build|run|publish" >&2
    exit 2
    ;;
esac
