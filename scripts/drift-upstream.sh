#!/usr/bin/env bash
# Compares an upstream Sumo Logic API description with ours and prints spec-drift's report.
#
#   scripts/drift-upstream.sh [upstream.yaml]
#
# Default upstream: ../shared/upstream/sumologic-api.yaml seen from the project root. Exit code is
# the tool's (0 no difference, 1 only non-breaking, 2 breaking, 3 could not run), so CI fails on
# any drift. The JSON report is left in spec-drift/target/spec-drift/drift-report.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
upstream="${1:-$root/../shared/upstream/sumologic-api.yaml}"
if [[ ! -f "$upstream" ]]; then
  # Same rule as the tests: without the upstream file there is nothing to compare; say so loudly.
  echo "spec-drift: SKIPPED, no upstream description at $upstream" >&2
  exit 0
fi
upstream="$(cd "$(dirname "$upstream")" && pwd)/$(basename "$upstream")"

cd "$root"
report="$root/spec-drift/target/spec-drift/drift-report.json"
rm -f "$report"
set +e
# Tests and the gate on our own description belong to the normal build, not to this report.
./mvnw -B -q -pl spec-drift -am -Pdrift verify -DskipTests -Dsumo.spec.gate.skip=true \
  -Dsumo.upstream.spec="$upstream"
status=$?
set -e
# Maven turns every failing exit code into 1; the report keeps the tool's own.
if [[ -f "$report" ]]; then
  code="$(sed -n 's/^ *"exitCode" : \([0-9]*\).*/\1/p' "$report" | head -n 1)"
  exit "${code:-$status}"
fi
exit "$status"
