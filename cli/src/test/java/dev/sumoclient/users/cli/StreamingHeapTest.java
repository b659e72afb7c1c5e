package dev.sumoclient.users.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming: a child JVM with a 16 MiB heap exports every user as NDJSON, holding one page at a
 * time. 20,000 users by default; the figure for 100,000 (docs/benchmarks.md) comes from {@code
 * -Dsumo.cli.heapUsers=100000}.
 */
class StreamingHeapTest {
  static final int USERS = Integer.getInteger("sumo.cli.heapUsers", 20_000);

  @TempDir Path dir;

  @Test
  void exportingEveryUserKeepsOnlyAPageInMemory() throws Exception {
    try (SumoEmulator emulator =
        SumoEmulator.builder().port(0).seedUsers(USERS).limits(false).journalCapacity(10).start()) {
      Path gcLog = dir.resolve("gc.log");
      Path export = dir.resolve("users.ndjson");
      ProcessBuilder pb =
          ChildCli.builder(
              emulator,
              dir,
              List.of("-Xmx16m", "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog),
              List.of("users", "list", "-o", "ndjson", "--requests-per-second", "1000"));
      pb.redirectOutput(export.toFile()).redirectError(dir.resolve("err.txt").toFile());
      long start = System.nanoTime();
      Process p = pb.start();
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
      long count;
      try (var lines = Files.lines(export)) {
        count = lines.count();
      }
      assertThat(count).isEqualTo(USERS);
      List<String> gc = Files.readAllLines(gcLog);
      long liveAfterFullGc = max(gc, "Pause Full");
      long afterAnyGc = max(gc, "Pause");
      System.out.printf(
          "[heap] users list -o ndjson: %,d users, %,d bytes of output, in a -Xmx16m child JVM:"
              + " live heap after full GC at most %,d KiB (after any GC %,d KiB); %,d ms; %d"
              + " cores, %s %s%n",
          USERS,
          Files.size(export),
          liveAfterFullGc / 1024,
          afterAnyGc / 1024,
          millis,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"));
      // What stays after a full collection is the CLI itself plus one page, whatever the total.
      long live = liveAfterFullGc > 0 ? liveAfterFullGc : afterAnyGc;
      // Holding every user (about 1 KiB each as objects) could not fit in 16 MiB at all.
      assertThat(live).isPositive().isLessThan(14L * 1024 * 1024);
    }
  }

  /** Largest heap occupancy after the named collections, from lines such as "14M->8M(15M)". */
  static long max(List<String> log, String kind) {
    Pattern p = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");
    long max = 0;
    for (String line : log) {
      Matcher m = p.matcher(line);
      if (line.contains(kind) && m.find()) {
        long unit =
            switch (m.group(4)) {
              case "K" -> 1024L;
              case "M" -> 1024L * 1024;
              default -> 1024L * 1024 * 1024;
            };
        max = Math.max(max, Long.parseLong(m.group(3)) * unit);
      }
    }
    return max;
  }
}
