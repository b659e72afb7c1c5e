#!/usr/bin/env bash
# After a release: makes the released artifacts the baselines the build's gates compare with
# (spec-drift/README.md, step 8), taken from the staged repository, not rebuilt.
#
#   scripts/refresh-baselines.sh <staging-dir> <released-version> [project-root]
#
# - every module with src/japicmp/baseline/ gets the released jar as
#   <artifactId>-<version>.jar there (older baseline jars removed), and its pom's japicmp.baseline
#   points at it;
# - the api-spec jar's openapi/sumo-users.yaml becomes api-spec/src/baseline/sumo-users-<version>.yaml
#   and spec-drift/pom.xml's sumo.spec.baseline.version is set to <version>.
# Review with git status / git diff, then commit with the release.
set -euo pipefail
stage="$(realpath "$1")"
release="$2"
root="$(realpath "${3:-$(dirname "$0")/..}")"
group=dev/sumoclient

# The newest main jar of an artifact in the staged repository (release or timestamped snapshot).
staged_jar() {
  find "$stage/$group/$1" -name "$1-*.jar" \
    ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-standalone.jar' | sort | tail -1
}

for baseline_dir in "$root"/*/src/japicmp/baseline; do
  module="$(dirname "$(dirname "$(dirname "$baseline_dir")")")"
  pom="$module/pom.xml"
  artifact="$(sed -n 's:^  <artifactId>\(.*\)</artifactId>:\1:p' "$pom" | head -1)"
  jar="$(staged_jar "$artifact")"
  [[ -n "$jar" ]] || { echo "$artifact: no jar in $stage"; exit 1; }
  find "$baseline_dir" -name '*.jar' -delete
  cp "$jar" "$baseline_dir/$artifact-$release.jar"
  sed -i "s:<japicmp.baseline>.*</japicmp.baseline>:<japicmp.baseline>\${project.basedir}/src/japicmp/baseline/$artifact-$release.jar</japicmp.baseline>:" "$pom"
  echo "japicmp baseline of $artifact: $artifact-$release.jar"
done

spec_jar="$(staged_jar sumo-users-api-spec)"
[[ -n "$spec_jar" ]] || { echo "sumo-users-api-spec: no jar in $stage"; exit 1; }
unzip -p "$spec_jar" openapi/sumo-users.yaml > "$root/api-spec/src/baseline/sumo-users-$release.yaml"
sed -i "s:<sumo.spec.baseline.version>.*</sumo.spec.baseline.version>:<sumo.spec.baseline.version>$release</sumo.spec.baseline.version>:" \
  "$root/spec-drift/pom.xml"
echo "description baseline: api-spec/src/baseline/sumo-users-$release.yaml"
