package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the example session of the README's "Command line" section and compares every output with
 * what the README shows; a {@code cat} in the session writes the file the later commands read.
 */
class ReadmeSessionTest {
  static final Path README = Path.of("..", "README.md");

  @TempDir Path dir;

  record Step(String command, List<String> expected) {}

  static List<Step> session() throws Exception {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int start = lines.indexOf("## Command line");
    assertThat(start).as("README section 'Command line'").isNotNegative();
    int open = lines.subList(start, lines.size()).indexOf("```console") + start;
    List<Step> steps = new ArrayList<>();
    for (int i = open + 1; !lines.get(i).equals("```"); i++) {
      String line = lines.get(i);
      if (line.startsWith("$ ")) {
        steps.add(new Step(line.substring(2), new ArrayList<>()));
      } else {
        steps.get(steps.size() - 1).expected().add(line);
      }
    }
    return steps;
  }

  @Test
  void theReadmeSessionIsWhatTheCommandsPrint() throws Exception {
    List<String> mismatches = new ArrayList<>();
    StringBuilder replay = new StringBuilder();
    for (Step step : session()) {
      List<String> words = List.of(step.command().split(" "));
      if (words.get(0).equals("cat")) {
        Files.write(dir.resolve(words.get(1)), step.expected());
        continue;
      }
      assertThat(words.get(0)).isEqualTo("sumo-users");
      String[] args =
          words.subList(1, words.size()).stream()
              .map(w -> Files.exists(dir.resolve(w)) ? dir.resolve(w).toString() : w)
              .toArray(String[]::new);
      CliRun.Result r = new CliRun(dir).run(args);
      // Errors come first, as on a terminal; plain progress lines carry timings and are left out.
      String errors =
          r.err()
              .lines()
              .filter(l -> !l.startsWith("sync: "))
              .map(l -> l + "\n")
              .reduce("", String::concat);
      String actual =
          (errors + r.out())
              .replace(dir.toString() + "/", "")
              .replaceAll("http://127\\.0\\.0\\.1:\\d+/", "http://127.0.0.1:8080/")
              .stripTrailing();
      String expected = String.join("\n", step.expected()).stripTrailing();
      if (!actual.equals(expected)) {
        mismatches.add("$ " + step.command() + "\n" + actual);
      }
      replay.append("$ ").append(step.command()).append('\n').append(actual).append('\n');
    }
    Files.writeString(Path.of("target", "readme-session.txt"), replay);
    assertThat(mismatches).as("README session outputs that differ (actual shown)").isEmpty();
  }
}
