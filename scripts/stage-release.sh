#!/usr/bin/env bash
# Rehearses a release: stages every published artifact into a local file repository, signed with a
# throwaway gpg key made here (nothing secret is committed or kept), checks what was staged, then
# builds a service against ONLY that repository and Maven Central, with a fresh local repository.
#
#   scripts/stage-release.sh [staging-dir]     (default: target/staging)
#
# A real release runs the same deploy with the release key and the real repository:
#   ./mvnw -B -Prelease deploy -DaltDeploymentRepository=<id>::<url>
# and then scripts/refresh-baselines.sh (spec-drift/README.md, step 8).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
stage="$(realpath -m "${1:-target/staging}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v gpg >/dev/null || { echo "gpg is missing (Debian: apt-get install -y gnupg)"; exit 1; }

# 1. A throwaway signing key in a throwaway keyring.
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key \
  'sumo-users-java release rehearsal <rehearsal@invalid>' ed25519 sign 1d 2>/dev/null
keyid="$(gpg --batch --list-secret-keys --with-colons | awk -F: '$1=="fpr"{print $10; exit}')"

# 2. Stage: jars, sources, javadoc, flattened POMs, SBOMs, signatures, checksums.
rm -rf "$stage"
mkdir -p "$stage"
start=$(date +%s)
./mvnw -B -q -Prelease deploy \
  -DskipTests -Dinvoker.skip=true -Dspotless.check.skip=true \
  -Dgpg.keyname="$keyid" \
  -DaltDeploymentRepository="staging::file://$stage"
echo "Staged in $(( $(date +%s) - start )) s: $stage"

# 3. Every artifact the BOM lists is complete, signed and carries its metadata.
java scripts/StagedRepositoryCheck.java "$stage" bom/pom.xml
for sig in $(find "$stage" -name '*.asc'); do
  gpg --batch --quiet --verify "$sig" "${sig%.asc}" 2>/dev/null \
    || { echo "Bad signature: $sig"; exit 1; }
done
echo "Signatures: $(find "$stage" -name '*.asc' | wc -l) verified with the rehearsal key"

# 3b. The release's baseline refresh works on what was staged: rehearsed on a scratch copy.
copy="$work/project"
for dir in */src/japicmp/baseline; do
  module="${dir%%/*}"
  mkdir -p "$copy/$dir" && cp "$module/pom.xml" "$copy/$module/" && cp "$dir"/* "$copy/$dir/"
done
mkdir -p "$copy/api-spec/src/baseline" "$copy/spec-drift" && cp spec-drift/pom.xml "$copy/spec-drift/"
scripts/refresh-baselines.sh "$stage" 9.9.9 "$copy" >/dev/null
for dir in */src/japicmp/baseline; do
  module="${dir%%/*}"
  artifact="$(sed -n 's:^  <artifactId>\(.*\)</artifactId>:\1:p' "$module/pom.xml" | head -1)"
  ls "$copy/$dir"/*.jar | grep -qx "$copy/$dir/$artifact-9.9.9.jar" \
    && grep -q "baseline/$artifact-9.9.9.jar</japicmp.baseline>" "$copy/$module/pom.xml" \
    || { echo "refresh-baselines.sh did not refresh $module"; exit 1; }
done
grep -q '<sumo.spec.baseline.version>9.9.9<' "$copy/spec-drift/pom.xml" \
  && cmp -s "$copy/api-spec/src/baseline/sumo-users-9.9.9.yaml" api-spec/src/main/resources/openapi/sumo-users.yaml \
  || { echo "refresh-baselines.sh did not refresh the description baseline"; exit 1; }
echo "Baseline refresh rehearsed: japicmp jars and the description baseline come from the staged artifacts"

# 4. A service builds and tests against the staged repository and Central only.
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$2" | head -1; }
consumer="$work/service"
cp -r bom-it/src/it/service-consumer "$consumer"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
sed -i \
  -e "s/@project.version@/$version/g" \
  -e "s/@junit.oldest.version@/$(prop junit.oldest.version bom-it/pom.xml)/g" \
  -e "s/@pact.version@/$(prop pact.version pom.xml)/g" \
  -e "s/@enforcer.version@/$(prop enforcer.version pom.xml)/g" \
  -e "s/@compiler-plugin.version@/$(prop compiler-plugin.version pom.xml)/g" \
  -e "s/@resources-plugin.version@/$(prop resources-plugin.version pom.xml)/g" \
  -e "s/@surefire.version@/$(prop surefire.version pom.xml)/g" \
  -e "s/@jar-plugin.version@/$(prop jar-plugin.version pom.xml)/g" \
  -e "s/@dependency-plugin.version@/$(prop dependency-plugin.version pom.xml)/g" \
  "$consumer/pom.xml"
cat > "$work/settings.xml" <<EOF
<settings>
  <profiles>
    <profile>
      <id>staged</id>
      <repositories>
        <repository>
          <id>staged</id>
          <url>file://$stage</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>true</enabled></snapshots>
        </repository>
      </repositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>staged</activeProfile></activeProfiles>
</settings>
EOF
start=$(date +%s)
(cd "$consumer" && "$root/mvnw" -B -q -s "$work/settings.xml" \
  -Dmaven.repo.local="$work/fresh-repo" verify) \
  || { echo "The service does not build against the staged repository"; exit 1; }
ours="$(find "$work/fresh-repo/dev/sumoclient" -name '*.jar' | wc -l)"
if [[ "$ours" -eq 0 ]]; then echo "The service did not resolve our artifacts"; exit 1; fi
grep -l 'staged' "$work/fresh-repo/dev/sumoclient/sumo-users-client-extensions/"*/_remote.repositories >/dev/null 2>&1 \
  || grep -rl 'staged' "$work/fresh-repo/dev/sumoclient" >/dev/null \
  || { echo "Our artifacts did not come from the staged repository"; exit 1; }
echo "A service built and passed its tests against the staged repository and Central only" \
  "($(( $(date +%s) - start )) s, fresh local repository)"
