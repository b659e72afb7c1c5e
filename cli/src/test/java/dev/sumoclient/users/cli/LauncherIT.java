package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged product: target/dist/sumo-users, the launcher script, running the shaded jar. */
class LauncherIT {
  static final Path DIST = Path.of(System.getProperty("sumo.cli.dist", "target/dist"));

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of(DIST.resolve("sumo-users").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("SUMO"));
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theLauncherRunsTheShadedJarAgainstTheEmbeddedEmulator() throws Exception {
    assertThat(Files.isExecutable(DIST.resolve("sumo-users"))).isTrue();
    Result version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).matches("sumo-users \\d+\\.\\d+\\.\\d+.*\\s*");

    Result list = run("--emulator", "--users", "4", "users", "list", "-o", "ndjson");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out().lines()).hasSize(4);
    assertThat(list.err()).isEmpty();
  }

  @Test
  void theCompletionScriptShipsNextToTheLauncherAndInTheJar() throws Exception {
    Result completion = run("completion");
    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out())
        .isEqualTo(Files.readString(DIST.resolve("sumo-users_completion"), StandardCharsets.UTF_8))
        .contains("complete -F");
    Process bash =
        new ProcessBuilder("bash", "-n", DIST.resolve("sumo-users_completion").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).isZero();
  }
}
