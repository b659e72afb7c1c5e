package dev.sumoclient.users.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int gate(String current, String projectVersion, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--baseline",
                Fixtures.path("base.yaml").toString(),
                "--baseline-version",
                "0.1.0",
                "--project-version",
                projectVersion,
                "--current",
                Fixtures.path(current).toString()));
    args.addAll(List.of(extra));
    return CompatibilityGate.run(
        args.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void breakingChangeWithinTheSameMajorVersionFails() {
    assertThat(gate("removed-operation.yaml", "0.2.0-SNAPSHOT"))
        .isEqualTo(CompatibilityGate.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("BREAKING      DELETE /v1/users/{id} (deleteUser): operation removed");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("1 breaking change(s) since the released description 0.1.0")
        .contains("-Dsumo.spec.allowBreaking=true");
  }

  @Test
  void nonBreakingChangePasses() {
    assertThat(gate("new-operation.yaml", "0.2.0-SNAPSHOT")).isEqualTo(CompatibilityGate.PASSED);
  }

  @Test
  void breakingChangePassesWhenTheMajorVersionRises() {
    assertThat(gate("removed-operation.yaml", "1.0.0-SNAPSHOT"))
        .isEqualTo(CompatibilityGate.PASSED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("new major version (0.1.0 -> 1.0.0");
  }

  @Test
  void breakingChangePassesWithTheDocumentedOverride() {
    assertThat(gate("removed-operation.yaml", "0.2.0-SNAPSHOT", "--allow-breaking", "true"))
        .isEqualTo(CompatibilityGate.PASSED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("OVERRIDDEN");
  }

  @Test
  void majorVersionIsTheNumberBeforeTheFirstDot() {
    assertThat(CompatibilityGate.major("0.1.0-SNAPSHOT")).isZero();
    assertThat(CompatibilityGate.major("12.0.1")).isEqualTo(12);
    assertThat(CompatibilityGate.major("3-SNAPSHOT")).isEqualTo(3);
    assertThatThrownBy(() -> CompatibilityGate.major("next"))
        .hasMessageContaining("not a version: next");
  }
}
