package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The standalone jar's entry point: parses the options, starts an emulator and serves until stopped
 * by a signal or {@code POST /__admin/shutdown}.
 */
public final class StandaloneMain {
  /** Exit status for an invalid command line. */
  public static final int USAGE_ERROR = 2;

  private StandaloneMain() {}

  /** Runs the emulator until stopped; exits with status 2 on an invalid command line. */
  public static void main(String[] args) throws InterruptedException {
    // This process's own logging: Jetty's start and stop lines (INFO, through SLF4J's simple
    // binding, which only this jar carries) would bury the emulator's own; warnings still show.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int status =
        run(
            args,
            System.out,
            System.err,
            System.getenv(),
            emulator ->
                Runtime.getRuntime()
                    .addShutdownHook(new Thread(emulator::close, "sumo-emulator-stop")));
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Receives the emulator as soon as it serves, e.g. to register a shutdown hook. */
  public interface StartListener {
    /** Called once the emulator serves. */
    void started(SumoEmulator emulator);
  }

  /**
   * Parses, starts and serves until the emulator is closed.
   *
   * @return 0 after a normal stop or {@code --help}, {@link #USAGE_ERROR} for bad options
   */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      StartListener listener)
      throws InterruptedException {
    CommandLine options;
    try {
      options = CommandLine.parse(args, env);
    } catch (CommandLine.UsageException e) {
      err.println("sumo-users-emulator: " + e.getMessage());
      err.println("Try --help.");
      return USAGE_ERROR;
    }
    if (options.help()) {
      out.print(CommandLine.USAGE);
      return 0;
    }
    Integer threads = options.threads();
    if (threads != null && threads < Quotas.SUMO_MAX_IN_FLIGHT) {
      // Without the latency fault a request holds its thread until answered, so fewer threads
      // than the in-flight quota means that quota can never be reached.
      err.println(
          "sumo-users-emulator: warning: --threads "
              + threads
              + " is below the "
              + Quotas.SUMO_MAX_IN_FLIGHT
              + " requests Sumo allows in flight per access key; that quota can then be reached"
              + " only by requests the latency fault holds. Use --threads "
              + Quotas.SUMO_MAX_IN_FLIGHT
              + " or more to test it.");
    }
    SumoEmulator emulator;
    try {
      emulator = options.builder().start();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("sumo-users-emulator: " + e.getMessage());
      return 1;
    }
    listener.started(emulator);
    out.println("Sumo Logic User Management emulator listening on " + emulator.baseUri());
    out.println(
        "  users: "
            + emulator.users().size()
            + ", access id: "
            + emulator.accessKey().id()
            + (options.accessKey().equals(SumoEmulator.DEFAULT_ACCESS_KEY) ? " (default key)" : "")
            + ", limits: "
            + (options.limits() ? "on" : "off"));
    if (emulator.accessKeys().size() > 1) {
      out.println(
          "  access keys: "
              + emulator.accessKeys().stream()
                  .map(key -> key.id() + " (owner " + key.ownerId() + ")")
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    out.println("  admin: " + emulator.adminUri() + "  (POST /__admin/shutdown stops it)");
    out.flush();
    emulator.awaitClose();
    out.println("Sumo Logic User Management emulator stopped.");
    out.flush();
    return 0;
  }
}
