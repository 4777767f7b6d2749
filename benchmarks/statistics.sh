#!/usr/bin/env bash
# The engine measured on real same-version recordings (docs/statistics.md, "Measured: false fails and power"):
# A/A false fails (verdicts FAIL and WARN of PAIRS random disjoint pairs of 1, 2, 3 and 5 runs per side) and the
# synthetic power curve (+0.25, +0.5, +1 and +3% of CPU added to one function, or spread evenly under one interior
# function over 3-4 of its callees, in each head run of PAIRS random POWER_K-vs-POWER_K pairs)
# (dev.profgate.analysis.EngineMeasurement), then the scale's error on the recorded large changes against their fixed
# work ("The scale's trim"; dev.profgate.analysis.ScaleAccuracy). Builds the detector's classes and test classes, then
# prints markdown tables. Knobs (env):
#   POOLS    directories of same-version profiles, one per run (default: the recorded Go and JFR pools)
#   PAIRS    comparisons per table cell (default 20)
#   SEED     seed of the random pairs and targets (default 1)
#   POWER_K  runs per side of the power curve (default 5)
#   BUILD=0  skips the build (classes already in detector/target)
# Usage: benchmarks/statistics.sh
#        POOLS="baselines/demo/base" PAIRS=10 benchmarks/statistics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
recordings=detector/src/test/resources/recordings
pools=${POOLS:-$recordings/go/same $recordings/jfr/same}
pairs=${PAIRS:-20}
seed=${SEED:-1}
power_k=${POWER_K:-5}

classpath=detector/target/statistics.classpath
if [[ ${BUILD:-1} != 0 || ! -f $classpath ]]; then
  ./mvnw -q -B -pl detector test-compile dependency:build-classpath -Dmdep.outputFile=target/statistics.classpath \
    -Dmdep.includeScope=runtime -Djacoco.skip >&2
fi
run=(java -cp "detector/target/test-classes:detector/target/classes:$(cat "$classpath")" -Dprofgate.repo=.)
# shellcheck disable=SC2086 # POOLS is a list of directories
"${run[@]}" dev.profgate.analysis.EngineMeasurement --pairs "$pairs" --seed "$seed" --power-replicates "$power_k" $pools
echo
"${run[@]}" dev.profgate.analysis.ScaleAccuracy
