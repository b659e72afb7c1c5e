package dev.sumoclient.users.drift;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Fails the build when our description breaks clients of the last released one.
 *
 * <p>Usage: {@code CompatibilityGate --baseline <released.yaml> --baseline-version <version>
 * --project-version <version> [--current <our.yaml>] [--allow-breaking true|false]}. Compares the
 * released description with the current one (by default the one in the api-spec jar) like {@link
 * SpecDrift} does, and exits 1 if any difference is breaking, unless the project's major version is
 * above the baseline's or {@code --allow-breaking true} is given. Exit code 0 otherwise, 3 when it
 * cannot run.
 */
public final class CompatibilityGate {

  static final int PASSED = 0;
  static final int FAILED = 1;

  private static final String USAGE =
      "usage: CompatibilityGate --baseline <released.yaml> --baseline-version <version>"
          + " --project-version <version> [--current <our.yaml>] [--allow-breaking true|false]";

  private CompatibilityGate() {}

  /**
   * Runs the gate and exits with its exit code.
   *
   * @param args options, see the class description
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Arguments arguments =
          Arguments.parse(
              args,
              Set.of(
                  "--baseline",
                  "--baseline-version",
                  "--project-version",
                  "--current",
                  "--allow-breaking"));
      Path baseline = Path.of(arguments.required("--baseline")).normalize();
      String baselineVersion = arguments.required("--baseline-version");
      String projectVersion = arguments.required("--project-version");
      String current = arguments.option("--current");
      boolean allowBreaking = Boolean.parseBoolean(arguments.option("--allow-breaking"));

      // Our description has only our tag's operations; servers we drop break clients that use them.
      DriftDetector detector = new DriftDetector(Descriptions.USER_MANAGEMENT_TAG, Set.of());
      DriftReport report =
          new DriftReport(
              "released description " + baselineVersion + " (" + baseline + ")",
              "current description " + projectVersion,
              detector.compare(
                  Descriptions.read(baseline),
                  current == null ? Descriptions.readOurs() : Descriptions.read(Path.of(current))));
      out.print(report.text());
      if (report.breakingCount() == 0) {
        out.println("Compatibility gate passed: no breaking change since " + baselineVersion + ".");
        return PASSED;
      }
      if (major(projectVersion) > major(baselineVersion)) {
        out.println(
            "Compatibility gate passed: breaking changes are allowed in a new major version ("
                + baselineVersion
                + " -> "
                + projectVersion
                + ").");
        return PASSED;
      }
      if (allowBreaking) {
        out.println(
            "Compatibility gate OVERRIDDEN by sumo.spec.allowBreaking=true: "
                + report.breakingCount()
                + " breaking change(s) accepted. Say so in the CHANGELOG.");
        return PASSED;
      }
      err.println(
          "Compatibility gate failed: "
              + report.breakingCount()
              + " breaking change(s) since the released description "
              + baselineVersion
              + ". Undo them, raise the major version, or build with -Dsumo.spec.allowBreaking=true"
              + " and say so in the CHANGELOG.");
      return FAILED;
    } catch (Arguments.UsageException e) {
      err.println("compatibility-gate: " + e.getMessage());
      err.println(USAGE);
      return SpecDrift.CANNOT_RUN;
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      err.println("compatibility-gate: " + e.getMessage());
      return SpecDrift.CANNOT_RUN;
    }
  }

  /** The major version: the number before the first dot, e.g. 1 for {@code 1.4.0-SNAPSHOT}. */
  static int major(String version) {
    String head = version.split("[.-]", 2)[0];
    try {
      return Integer.parseInt(head);
    } catch (NumberFormatException e) {
      throw new Arguments.UsageException("not a version: " + version);
    }
  }
}
