package dev.sumoclient.users.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDriftTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path temp;

  private int run(String... args) {
    return SpecDrift.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sharedUpstreamDescriptionDoesNotDriftFromOurs() {
    String location = System.getProperty("sumo.upstream.spec", "");
    assumeTrue(
        !location.isBlank() && Files.isRegularFile(Path.of(location)),
        () ->
            "upstream description not found at '"
                + location
                + "' (system property sumo.upstream.spec): drift against upstream not checked");

    int exitCode = run(location);

    assertThat(out()).contains("No difference.");
    assertThat(exitCode).isZero();
  }

  @Test
  void breakingDriftExitsWithTwoAndWritesTheSameFindingsAsJson() throws IOException {
    Path json = temp.resolve("reports/drift.json");

    int exitCode =
        run(
            Fixtures.path("narrowed-max-length.yaml").toString(),
            "--ours",
            Fixtures.path("base.yaml").toString(),
            "--json",
            json.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(out())
        .contains(
            "  BREAKING      POST /v1/users (createUser) › request body › firstName:"
                + " maxLength changed: 128 -> 64")
        .contains("Summary: 4 difference(s): 1 breaking, 3 non-breaking");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/summary/exitCode").asInt()).isEqualTo(2);
    assertThat(report.at("/summary/breaking").asInt()).isEqualTo(1);
    assertThat(report.get("differences")).hasSize(4);
    assertThat(report.get("differences").findValuesAsText("impact"))
        .containsExactlyInAnyOrder("BREAKING", "NON_BREAKING", "NON_BREAKING", "NON_BREAKING");
  }

  @Test
  void onlyNonBreakingDriftExitsWithOne() {
    int exitCode =
        run(
            Fixtures.path("new-operation.yaml").toString(),
            "--ours",
            Fixtures.path("base.yaml").toString());

    assertThat(exitCode).isEqualTo(1);
  }

  @Test
  void noDriftExitsWithZero() {
    String base = Fixtures.path("base.yaml").toString();

    assertThat(run(base, "--ours", base)).isZero();
    assertThat(out()).contains("No difference.");
  }

  @Test
  void missingUpstreamFileIsReportedAndExitsWithThree() {
    int exitCode = run(temp.resolve("absent.yaml").toString());

    assertThat(exitCode).isEqualTo(SpecDrift.CANNOT_RUN);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no OpenAPI description at")
        .contains("absent.yaml");
  }

  @Test
  void unknownOptionPrintsUsageAndExitsWithThree() {
    int exitCode = run("--colour", "red");

    assertThat(exitCode).isEqualTo(SpecDrift.CANNOT_RUN);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown option --colour")
        .contains("usage: SpecDrift");
  }
}
