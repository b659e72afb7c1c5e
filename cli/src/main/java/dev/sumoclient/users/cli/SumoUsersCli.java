package dev.sumoclient.users.cli;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code sumo-users}, the command line for administrators of Sumo Logic users.
 *
 * <p>Run {@code sumo-users --help}; the exit codes are 0 (done), 1 (a call failed), 2 (bad command
 * line, setting or input file; nothing sent) and 3 ({@code sync --apply} partly done).
 */
@Command(
    name = "sumo-users",
    mixinStandardHelpOptions = true,
    versionProvider = SumoUsersCli.Version.class,
    description =
        "Manage Sumo Logic users: list and audit, create, update, delete, sync from a file.",
    subcommands = {UsersCommand.class, EmulatorCommand.class, CompletionCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  a call failed (refused, throttled past retries, timed out, not found)",
      "  2  bad command line, setting or input file; nothing was sent",
      "  3  sync --apply did part of the plan; rerun it with the same journal",
      "",
      "Credentials: SUMOLOGIC_ACCESSID/SUMOLOGIC_ACCESSKEY, else the [default] profile of",
      "~/.sumologic/credentials (owner-only permissions); --profile picks another one."
    })
public final class SumoUsersCli {
  @Option(
      names = "--deployment",
      scope = ScopeType.INHERIT,
      paramLabel = "<code>",
      description = "Sumo Logic deployment, such as us2, eu, au (default: environment or profile).")
  @Nullable String deployment;

  @Option(
      names = "--endpoint",
      scope = ScopeType.INHERIT,
      paramLabel = "<url>",
      description = "Base URL to call instead of the deployment's, e.g. a proxy: https://gw/api.")
  @Nullable String endpoint;

  @Option(
      names = "--profile",
      scope = ScopeType.INHERIT,
      paramLabel = "<name>",
      description = "Profile of ~/.sumologic/credentials to use (default: SUMOLOGIC_PROFILE).")
  @Nullable String profile;

  @Option(
      names = "--emulator",
      scope = ScopeType.INHERIT,
      description = "Try it safely: run against an embedded emulator seeded with --users users.")
  boolean emulator;

  @Option(
      names = "--users",
      scope = ScopeType.INHERIT,
      paramLabel = "<n>",
      defaultValue = "25",
      description = "Users the --emulator starts with (default: ${DEFAULT-VALUE}).")
  int seedUsers;

  @Option(
      names = "--requests-per-second",
      scope = ScopeType.INHERIT,
      paramLabel = "<n>",
      description =
          "The access key's request quota, for accounts with other limits than Sumo's 4/s.")
  @Nullable Integer requestsPerSecond;

  @Option(
      names = "--quota-group",
      scope = ScopeType.INHERIT,
      paramLabel = "<name>",
      description =
          "Budget of 4 requests/s shared with other clients of the same Sumo user (default:"
              + " SUMOLOGIC_QUOTA_GROUP, else the access id).")
  @Nullable String quotaGroup;

  @Option(
      names = "--timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "<time>",
      defaultValue = "60s",
      description =
          "Longest a call may take, quota waits and retries included: 500ms, 30s, 2m (default:"
              + " ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and the client's debug log.")
  boolean debug;

  CliContext ctx = CliContext.system();

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // Hibernate Validator logs through JBoss Logging: route it to SLF4J, quiet unless --debug.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        Arrays.asList(args).contains("--debug") ? "debug" : "warn");
    int status = run(args, CliContext.system());
    System.out.flush();
    System.exit(status);
  }

  static int run(String[] args, CliContext ctx) {
    SumoUsersCli root = new SumoUsersCli();
    root.ctx = ctx;
    CommandLine cmd = commandLine(root);
    cmd.setOut(new java.io.PrintWriter(ctx.out(), true));
    cmd.setErr(new java.io.PrintWriter(ctx.err(), true));
    cmd.setParameterExceptionHandler(
        (e, args1) -> {
          ctx.err().println("sumo-users: " + e.getMessage());
          ctx.err()
              .println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    cmd.setExecutionExceptionHandler((e, line, parsed) -> Errors.report(e, ctx.err(), root.debug));
    return cmd.execute(args);
  }

  static CommandLine commandLine(SumoUsersCli root) {
    CommandLine cmd = new CommandLine(root);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpAutoWidth(true);
    return cmd;
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SumoUsersCli.class.getPackage().getImplementationVersion();
      return new String[] {"sumo-users " + (version == null ? "(development build)" : version)};
    }
  }
}
