package dev.sumoclient.users.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.ContentTransfer;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void quickStartRunsAgainstTheDeploymentTheEnvironmentNames() throws Exception {
    try (SumoEmulator emulator = SumoEmulator.builder().port(0).seedUsers(30).start()) {
      // A real child process, so the quick start reads a real environment as a user's would.
      ProcessBuilder java =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  QuickStart.class.getName(),
                  "ada@example.org")
              .redirectErrorStream(true);
      java.environment().put("SUMOLOGIC_BASE_URL", emulator.baseUri().toString());
      java.environment().put("SUMOLOGIC_ACCESSID", emulator.accessKey().id());
      java.environment().put("SUMOLOGIC_ACCESSKEY", emulator.accessKey().key());
      Process process = java.start();
      List<String> lines =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList();

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("exit code; output: %s", lines).isZero();
      assertThat(lines.stream().filter(line -> line.contains("@")).count())
          .as("one line per listed user")
          .isEqualTo(30);
      assertThat(lines).anyMatch(line -> line.startsWith("created "));
      assertThat(emulator.userByEmail("ada@example.org")).as("created, then deleted").isEmpty();
      assertThat(emulator.contentTransfers())
          .singleElement()
          .extracting(ContentTransfer::disposition)
          .isEqualTo(ContentTransfer.Disposition.TRANSFERRED_TO_CALLER);
    }
  }
}
