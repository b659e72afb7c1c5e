package dev.sumoclient.users.benchmarks.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measure 5's second half: which jars each contender loads classes from to build its client and
 * make its first call, with their count and total size.
 *
 * <p>The uber-jar hides where a class comes from, so each contender runs once more on the module's
 * unshaded class path ({@code target/classes} plus the jars listed in {@code
 * target/runtime-classpath.txt}, written at package time) with the JVM logging every class it
 * loads. Jars count once each; classes from {@code target/classes} are the benchmark's own code,
 * except for a generated peer's sources, which a team compiles into its own application and which
 * are reported apart.
 */
final class ClassPathReport {
  private static final String SOURCE = " source: ";
  private static final String GENERATED = "dev.sumoclient.users.benchmarks.generated.";

  private ClassPathReport() {}

  static void print(List<String> contenders, EmulatorProcess emulator, String id) throws Exception {
    Path target = targetDirectory();
    Path listing = target == null ? null : target.resolve("runtime-classpath.txt");
    if (listing == null || !Files.isRegularFile(listing)) {
      System.out.println(
          "class path per contender SKIPPED: no target/runtime-classpath.txt next to the benchmarks"
              + " jar (build with ./mvnw -B -pl benchmarks -am package)");
      return;
    }
    Path classes = target.resolve("classes");
    String classPath = classes + java.io.File.pathSeparator + Files.readString(listing).strip();
    for (String contender : contenders) {
      Path log = Files.createTempFile("class-load-" + contender, ".log");
      try {
        ColdStartHarness.once(
            contender,
            emulator,
            id,
            classPath,
            List.of("-Xshare:off", "-Xlog:class+load=info:file=" + log));
        report(contender, Files.readAllLines(log), classes);
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }

  private static void report(String contender, List<String> lines, Path classes)
      throws IOException {
    Map<Path, Integer> jars = new TreeMap<>();
    Map<String, Long> generated = new LinkedHashMap<>();
    int jdk = 0;
    for (String line : lines) {
      int at = line.indexOf(SOURCE);
      if (at < 0) {
        continue;
      }
      String source = line.substring(at + SOURCE.length()).strip();
      String className = line.substring(line.lastIndexOf(' ', at - 1) + 1, at);
      if (!source.startsWith("file:") && !source.startsWith("jar:file:")) {
        // jrt:/..., the CDS archive, or a class the JVM defined itself (lambdas, proxies).
        jdk++;
        continue;
      }
      String path = source.replaceFirst("^jar:", "").replaceFirst("^file:", "");
      int bang = path.indexOf('!');
      if (bang >= 0) {
        path = path.substring(0, bang);
      }
      Path file = Path.of(path);
      if (file.startsWith(classes)) {
        if (className.startsWith(GENERATED)) {
          Path classFile = classes.resolve(className.replace('.', '/') + ".class");
          generated.put(className, Files.isRegularFile(classFile) ? Files.size(classFile) : 0L);
        }
        continue;
      }
      jars.merge(file, 1, Integer::sum);
    }
    long bytes = 0;
    StringBuilder names = new StringBuilder();
    for (Path jar : jars.keySet()) {
      bytes += size(jar);
      names.append(names.length() == 0 ? "" : ", ").append(jar.getFileName());
    }
    System.out.printf(
        "class path, %s: %d jars, %.2f MiB, loaded from for build + first getUser (%d classes from"
            + " them, %d from the JDK or defined by the JVM); generated sources compiled into the application: %d"
            + " classes loaded, %.1f KiB: %s%n",
        contender,
        jars.size(),
        bytes / (1024.0 * 1024.0),
        jars.values().stream().mapToInt(Integer::intValue).sum(),
        jdk,
        generated.size(),
        generated.values().stream().mapToLong(Long::longValue).sum() / 1024.0,
        names);
  }

  private static long size(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      try (Stream<Path> all = Files.walk(file)) {
        return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
    }
    return Files.size(file);
  }

  /** The directory holding the benchmarks jar (or classes) this JVM runs from. */
  private static Path targetDirectory() throws URISyntaxException {
    Path from =
        Path.of(ClassPathReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return from.getParent();
  }
}
