package dev.sumoclient.users.drift;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports how a Sumo Logic API description differs from ours in its User Management operations.
 *
 * <p>Usage: {@code SpecDrift <upstream.yaml> [--ours <file>] [--json <file>]}. The upstream file
 * may be the full description (every tag); only the {@code userManagement} operations and the
 * schemas they reach are compared with our description (by default the one in the api-spec jar).
 * The report goes to standard output, and as JSON to the {@code --json} file when given. Exit code:
 * 0 no difference, 1 only non-breaking differences, 2 at least one breaking difference, 3 the tool
 * could not run (bad arguments, unreadable file).
 */
public final class SpecDrift {

  static final int CANNOT_RUN = 3;

  private static final String USAGE =
      "usage: SpecDrift <upstream.yaml> [--ours <our.yaml>] [--json <report.json>]";
  private static final String LOCAL_SERVERS = "spec-drift/local-servers.txt";

  private SpecDrift() {}

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the upstream description's path, then options
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Arguments arguments = Arguments.parse(args, Set.of("--ours", "--json"));
      if (arguments.positional().size() != 1) {
        throw new Arguments.UsageException("give exactly one upstream description");
      }
      Path upstreamFile = Path.of(arguments.positional().get(0));
      String oursOption = arguments.option("--ours");
      DriftDetector detector =
          new DriftDetector(Descriptions.USER_MANAGEMENT_TAG, knownLocalServers());
      DriftReport report =
          new DriftReport(
              oursOption == null
                  ? "ours (api-spec " + Descriptions.OURS_ON_CLASSPATH + ")"
                  : oursOption,
              "upstream " + upstreamFile,
              detector.compare(
                  oursOption == null
                      ? Descriptions.readOurs()
                      : Descriptions.read(Path.of(oursOption)),
                  Descriptions.read(upstreamFile)));
      out.print(report.text());
      out.println(
          "Exit code "
              + report.exitCode()
              + " (0: no difference, 1: only non-breaking, 2: at least one breaking)");
      String json = arguments.option("--json");
      if (json != null) {
        Path jsonFile = Path.of(json);
        if (jsonFile.toAbsolutePath().getParent() != null) {
          Files.createDirectories(jsonFile.toAbsolutePath().getParent());
        }
        Files.writeString(jsonFile, report.json(), StandardCharsets.UTF_8);
        out.println("JSON report: " + jsonFile);
      }
      return report.exitCode();
    } catch (Arguments.UsageException e) {
      err.println("spec-drift: " + e.getMessage());
      err.println(USAGE);
      return CANNOT_RUN;
    } catch (IllegalArgumentException
        | IllegalStateException
        | IOException
        | UncheckedIOException e) {
      err.println("spec-drift: " + e.getMessage());
      return CANNOT_RUN;
    }
  }

  /**
   * Deployments our description lists that the upstream description does not (it predates them):
   * their absence upstream is expected and not reported. The list and its reasons are in {@value
   * #LOCAL_SERVERS}.
   */
  static Set<String> knownLocalServers() {
    try (InputStream in = SpecDrift.class.getClassLoader().getResourceAsStream(LOCAL_SERVERS)) {
      if (in == null) {
        throw new IllegalStateException(LOCAL_SERVERS + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(DriftDetector::withoutTrailingSlash)
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
