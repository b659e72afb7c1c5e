package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sync --apply on a real terminal, through tmux: the confirmation prompt, answered by keystrokes,
 * and the progress bar drawn in place. Skipped with the reason when tmux is missing, except in CI
 * (CI set), where .ci/run installs tmux and a missing one fails.
 */
class TerminalTest {
  @TempDir Path dir;
  SumoEmulator emulator;
  final String socket = "sumo-users-test-" + ProcessHandle.current().pid();

  @BeforeEach
  void requireTmux() throws Exception {
    boolean available;
    try {
      available = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      available = false;
    }
    if (!available && System.getenv("CI") != null) {
      throw new AssertionError("tmux is required in CI (.ci/run installs it)");
    }
    Assumptions.assumeTrue(available, "tmux is not installed: apt-get install -y tmux");
    emulator = SumoEmulator.builder().port(0).seedUsers(2).limits(false).start();
  }

  @AfterEach
  void stop() throws Exception {
    tmux("kill-server");
    if (emulator != null) {
      emulator.close();
    }
  }

  String tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  String screen() throws Exception {
    return tmux("capture-pane", "-p", "-t", "cli");
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Test
  void confirmationPromptAndProgressBarOnATerminal() throws Exception {
    Path team = SyncFiles.newUsers(dir, "t", 30);
    List<String> words = new ArrayList<>(List.of("env"));
    ChildCli.environment(emulator, dir).forEach((name, value) -> words.add(name + "=" + value));
    // --apply without --yes: on a terminal it asks.
    words.addAll(
        ChildCli.command(
            List.of(), List.of(SyncFiles.sync(team, "--apply", "--requests-per-second", "8"))));
    String command =
        words.stream().map(TerminalTest::quote).collect(Collectors.joining(" "))
            + "; echo EXIT=$?; sleep 60";
    tmux("new-session", "-d", "-s", "cli", "-x", "160", "-y", "50", command);

    String screen = waitFor("Apply these 30 changes? [y/N]");
    assertThat(screen).contains("+ create     t0@example.com");
    assertThat(emulator.users()).hasSize(2);

    tmux("send-keys", "-t", "cli", "y", "Enter");
    List<String> frames = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(screen = screen()).contains("EXIT=")) {
      frames.add(screen);
      assertThat(System.nanoTime()).as("the apply ends").isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(screen).contains("EXIT=0").contains("Applied: 30 created");
    // The bar, drawn in place while it ran: a partial frame with its done/total and rate.
    assertThat(frames)
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsPattern("sync +\\d+% \\[[=> .]*\\] +\\d+/30 steps")
                    .doesNotContain("30/30"));
    assertThat(screen).containsPattern("sync 100% \\[=+\\] 30/30 steps").contains("steps/s");
    // One bar, redrawn: never a second line of it.
    assertThat(screen.lines().filter(l -> l.startsWith("sync ")).count()).isEqualTo(1);
    assertThat(emulator.users()).hasSize(32);
  }

  private String waitFor(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String screen;
    while (!(screen = screen()).contains(text)) {
      assertThat(System.nanoTime())
          .as("waiting for '" + text + "' on:\n" + screen)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
    return screen;
  }
}
