#!/usr/bin/env bash
# Builds the committed HEAD twice, each time from a fresh clone in a folder of its own, and compares the SHA-256 of
# every jar of detector/target (and of the SBOM, bom.json, with -Prelease): prints both hashes of each, exits 1 when
# any differs (docs/releasing.md). Arguments go to Maven (e.g. -o offline, -Prelease for the sources and javadoc jars
# and the SBOM too). REPRO_DIR keeps the two builds there (a/ and b/), for the release to take its files from;
# otherwise they go in a temporary folder, removed at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse HEAD)
if [[ -n ${REPRO_DIR:-} ]]; then
  work=$REPRO_DIR
  rm -rf "$work/a" "$work/b"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
[[ -z $(git -C "$repo" status --porcelain --untracked-files=no) ]] || echo "note: uncommitted changes are not built"

for side in a b; do
  echo "build $side: commit $commit in $work/$side"
  git clone --quiet --shared --no-checkout "$repo" "$work/$side"
  git -C "$work/$side" checkout --quiet --detach "$commit"
  (cd "$work/$side" && ./mvnw -B -q -pl detector package -DskipTests "$@")
done

outputs() { (cd "$1/detector/target" && { ls -- *.jar bom.json 2>/dev/null || true; }); }
jars=$(outputs "$work/a")
status=0
for jar in $jars; do
  a=$(sha256sum "$work/a/detector/target/$jar" | cut -d' ' -f1)
  b=$(sha256sum "$work/b/detector/target/$jar" 2>/dev/null | cut -d' ' -f1 || true)
  if [[ $a == "$b" ]]; then
    echo "identical  $a  $jar"
  else
    echo "DIFFERENT  $a  $jar (build a)"
    echo "DIFFERENT  ${b:-missing}  $jar (build b)"
    status=1
  fi
done
[[ $(outputs "$work/b") == "$jars" ]] || { echo "the builds made different files"; status=1; }
((status == 0)) && echo "reproducible: both builds of $commit made the same $(wc -w <<<"$jars") file(s)"
exit $status
