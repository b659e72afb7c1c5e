package dev.sumoclient.users.benchmarks.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Describes where a figure was measured, so that every printed figure carries its context. */
final class Machine {
  private Machine() {}

  /**
   * Returns a multi-line description: cores, memory, OS, CPU model, JDK and the date.
   *
   * @return the description
   */
  static String describe() {
    Runtime rt = Runtime.getRuntime();
    return String.join(
        System.lineSeparator(),
        "machine: "
            + rt.availableProcessors()
            + " cores, "
            + totalMemoryMiB()
            + " MiB RAM, CPU "
            + cpuModel(),
        "os:      "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        "jdk:     "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + ", max heap "
            + rt.maxMemory() / (1024 * 1024)
            + " MiB, args "
            + ManagementFactory.getRuntimeMXBean().getInputArguments(),
        "date:    " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Prints the description under a title line. */
  static void printHeader(String title) {
    System.out.println();
    System.out.println("=== " + title + " ===");
    System.out.println(describe());
  }

  private static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown");
  }

  private static String totalMemoryMiB() {
    return firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(v -> String.valueOf(Long.parseLong(v.replace("kB", "").strip()) / 1024))
        .orElse("?");
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
          return java.util.Optional.of(line.substring(colon + 1).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or unreadable: the figure still prints, with "unknown" in place.
    }
    return java.util.Optional.empty();
  }
}
