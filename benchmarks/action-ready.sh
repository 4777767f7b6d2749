#!/usr/bin/env bash
# How long the GitHub Action takes until profgate is ready to run (BENCHMARKS.md, issue 24): the entry script's
# 'prepare' and 'build' stages, run as the runner runs them (fresh GITHUB_OUTPUT and GITHUB_ENV files per step,
# RUNNER_TOOL_CACHE, prepare's outputs handed to build as action.yml hands them), on a copy of the committed HEAD
# (git archive, as the runner downloads an action):
#   warm          a release of the action (a release.properties for detector/target/profgate.jar), the jar in the
#                 tool cache
#   cold          the same with an empty tool cache: the jar downloaded from a loopback server
#                 (python3 -m http.server) and checked
#   source-warm   no release file: ./mvnw builds the jar, every Maven download already in the local repository
#                 (~/.m2's, offline: MAVEN_ARGS=-o)
# Prints each run's seconds and the median per case. Needs detector/target/profgate.jar (./mvnw -B -q -pl detector
# package -DskipTests). Usage: benchmarks/action-ready.sh [RUNS, default 5; the source build runs twice]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
jar=$repo/detector/target/profgate.jar
[[ -f $jar ]] || { echo "build $jar first" >&2; exit 2; }
work=$(mktemp -d)
server=''
trap '[[ -z $server ]] || kill "$server"; rm -rf "$work"' EXIT

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$repo/pom.xml" | head -1)
mkdir -p "$work/checkout" "$work/served/acme/profgate/releases/download/v$version" "$work/home/.m2/profgate"
git -C "$repo" archive HEAD | tar -x -C "$work/checkout"
cp "$jar" "$work/served/acme/profgate/releases/download/v$version/profgate-$version.jar"
release="repository=acme/profgate
version=$version
sha256=$(sha256sum "$jar" | cut -d ' ' -f 1)"
ln -s ~/.m2/repository "$work/home/.m2/profgate/repository"
ln -s ~/.m2/wrapper "$work/home/.m2/profgate/wrapper"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/served" >/dev/null 2>&1 &
server=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done

# Runs prepare, then build with prepare's outputs, as action.yml does; prints the seconds both took.
ready() {
  local step=$work/step start end java maven_home
  rm -rf "$step" && mkdir -p "$step" && : >"$step/prepare.out" && : >"$step/build.env"
  start=$(date +%s.%N)
  HOME=$work/home GITHUB_OUTPUT=$step/prepare.out GITHUB_ENV=/dev/null RUNNER_TOOL_CACHE=$work/tool-cache \
    RUNNER_TEMP=$step RUNNER_OS=Linux RUNNER_ARCH=X64 bash "$work/checkout/github-action/profgate-action.sh" prepare \
    >"$step/prepare.log"
  java=$(sed -n 's/^java=//p' "$step/prepare.out")
  maven_home=$(sed -n 's/^maven-home=//p' "$step/prepare.out")
  HOME=$work/home GITHUB_OUTPUT=/dev/null GITHUB_ENV=$step/build.env RUNNER_TOOL_CACHE=$work/tool-cache \
    RUNNER_TEMP=$step RUNNER_OS=Linux RUNNER_ARCH=X64 PROFGATE_JAVA=$java PROFGATE_MAVEN_HOME=$maven_home \
    PROFGATE_RELEASE_SERVER=http://127.0.0.1:$port MAVEN_ARGS=-o \
    bash "$work/checkout/github-action/profgate-action.sh" build >"$step/build.log"
  end=$(date +%s.%N)
  grep -q '^PROFGATE_CLASSPATH=' "$step/build.env" || { cat "$step"/*.log >&2; exit 1; }
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'
}

empty_tool_cache() { rm -rf "$work/tool-cache"; }
keep_tool_cache() { :; }
clean_build() { rm -rf "$work/checkout/detector/target"; }

# Prints "CASE: the runs' seconds; median M s" for the case $1, run $2 times; the function $3 runs before each run.
measure() {
  local times=() i
  for ((i = 0; i < $2; i++)); do
    "$3"
    times+=("$(ready)")
  done
  printf '%-12s %s; median %s s\n' "$1:" "${times[*]}" "$(printf '%s\n' "${times[@]}" | sort -n |
    awk '{ t[NR] = $1 } END { printf "%.2f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')"
}

echo "$release" >"$work/checkout/github-action/release.properties"
measure cold "$runs" empty_tool_cache
measure warm "$runs" keep_tool_cache
rm "$work/checkout/github-action/release.properties"
measure source-warm 2 clean_build
