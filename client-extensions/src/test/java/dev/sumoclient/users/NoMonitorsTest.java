package dev.sumoclient.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The client never blocks while holding a monitor, so it never pins a virtual thread's carrier.
 *
 * <p>On JDK 21 to 23 a virtual thread that blocks inside {@code synchronized} or in {@code
 * Object.wait} pins its carrier thread; with a few carriers (one per core) a handful of such waits
 * stall every virtual thread of the service. JDK 24+ no longer pins there, so a test running calls
 * on JDK 25 cannot see the problem; this one reads the client's compiled classes instead (with the
 * JDK's own {@code javap}) and allows no monitor at all: no {@code synchronized} method or block
 * and no {@code Object.wait}/{@code notify}. Locks from {@code java.util.concurrent.locks} park
 * virtual threads without pinning.
 */
class NoMonitorsTest {

  @Test
  void noClientClassUsesSynchronizedOrObjectWait() throws Exception {
    Path classes = classesDirectory();
    List<String> classFiles;
    try (Stream<Path> files = Files.walk(classes)) {
      classFiles =
          files
              .filter(p -> p.toString().endsWith(".class"))
              .map(Path::toString)
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(classFiles).as("client classes found in %s", classes).hasSizeGreaterThan(20);
    ToolProvider javap =
        ToolProvider.findFirst("javap").orElseThrow(() -> new AssertionError("javap not found"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args =
        Stream.concat(Stream.of("-c", "-p"), classFiles.stream()).toArray(String[]::new);
    int exit = javap.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(exit).as("javap: %s", err).isZero();
    String current = "?";
    StringBuilder found = new StringBuilder();
    for (String line : out.toString().split("\n")) {
      if (line.startsWith("Compiled from")
          || line.matches("^\\S.*(class|interface|enum|record) .*")) {
        current = line;
      }
      boolean synchronizedMethod =
          line.startsWith("  ") && !line.startsWith("   ") && line.contains(" synchronized ");
      if (synchronizedMethod
          || line.contains("monitorenter")
          || line.contains("java/lang/Object.wait")
          || line.contains("java/lang/Object.notify")) {
        found.append(current).append(": ").append(line.strip()).append('\n');
      }
    }
    assertThat(found.toString()).as("monitor use in the client's classes").isEmpty();
  }

  private static Path classesDirectory() throws URISyntaxException {
    Path location =
        Paths.get(
            SumoUsersClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(location).as("the client's classes directory").isDirectory();
    return location;
  }
}
