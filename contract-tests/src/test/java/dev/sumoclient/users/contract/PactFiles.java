package dev.sumoclient.users.contract;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import dev.sumoclient.users.pact.SumoPact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The pact files that the consumer tests wrote, as the checks after them read them. */
final class PactFiles {

  /** A pact file and what it holds. */
  record PactFile(Path path, Pact pact) {
    String fileName() {
      return path.getFileName().toString();
    }
  }

  private PactFiles() {}

  /** The folder given to the build as {@code sumo.pacts.dir}: target/pacts of this module. */
  static Path directory() {
    return Path.of(System.getProperty("sumo.pacts.dir", "target/pacts"));
  }

  /** Every pact file whose provider is Sumo Logic's User Management API, sorted by name. */
  static List<PactFile> forSumoProvider() {
    Path dir = directory();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "No pact folder at "
              + dir.toAbsolutePath()
              + ": the consumer tests (phase test) write it; run `verify`, not only the ITs");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(f -> new PactFile(f, DefaultPactReader.INSTANCE.loadPact(f.toFile())))
          .filter(f -> f.pact().getProvider().getName().equals(SumoPact.PROVIDER))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the pact folder " + dir.toAbsolutePath(), e);
    }
  }
}
