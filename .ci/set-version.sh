#!/usr/bin/env bash
# Sets profgate's version everywhere a release changes it (docs/releasing.md): every POM naming it (the parent, its
# modules, the Jenkins plugin, the example service), project.build.outputTimestamp (now, the time every jar entry
# carries), and for a release version the jar that jbang-catalog.json runs.
# Usage: .ci/set-version.sh 0.2.0 | 0.3.0-SNAPSHOT
set -euo pipefail
cd "$(dirname "$0")/.."
new=${1:?usage: .ci/set-version.sh VERSION}
[[ $new =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || { echo "not a version: $new" >&2; exit 2; }
old=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
git grep -l -F "<version>$old</version>" -- '*pom.xml' |
  xargs sed -i "s:<version>${old//./\\.}</version>:<version>$new</version>:"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sed -i "s|<project.build.outputTimestamp>[^<]*<|<project.build.outputTimestamp>$now<|" pom.xml
if [[ $new != *-SNAPSHOT ]]; then
  sed -i -E "s:download/v[^/\"]+/profgate-[^/\"]+\.jar:download/v$new/profgate-$new.jar:" jbang-catalog.json
fi
echo "profgate $old -> $new (outputTimestamp $now)"
