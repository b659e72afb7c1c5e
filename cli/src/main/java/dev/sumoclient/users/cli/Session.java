package dev.sumoclient.users.cli;

import dev.sumoclient.users.CredentialsProvider;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The client a command works with, and the embedded emulator behind it in try-it mode. */
final class Session implements AutoCloseable {
  /** Where the client's environment chain looks for a deployment. */
  private static final List<String> DEPLOYMENT_VARIABLES =
      List.of("SUMOLOGIC_ENVIRONMENT", "SUMOLOGIC_BASE_URL", "SUMO_ENDPOINT");

  private static final List<String> DEPLOYMENT_PROPERTIES =
      List.of("sumologic.environment", "sumologic.baseUrl");

  final SumoUsersClient client;
  final Quotas quotas;
  final @Nullable SumoEmulator emulator;

  private Session(SumoUsersClient client, Quotas quotas, @Nullable SumoEmulator emulator) {
    this.client = client;
    this.quotas = quotas;
    this.emulator = emulator;
  }

  static Session open(SumoUsersCli options, CliContext ctx) {
    Quotas quotas =
        options.requestsPerSecond == null
            ? Quotas.sumoDefaults()
            : Quotas.of(
                options.requestsPerSecond,
                Duration.ofSeconds(1),
                Quotas.sumoDefaults().maxConcurrent());
    Duration timeout = duration("--timeout", options.timeout);
    SumoUsersClient.Builder builder =
        SumoUsersClient.builder()
            .applicationName("sumo-users-cli")
            .quotas(quotas)
            .callTimeout(timeout)
            .readTimeout(timeout);
    if (options.quotaGroup != null) {
      builder.quotaGroup(options.quotaGroup);
    }
    if (options.emulator) {
      if (options.profile != null || options.deployment != null || options.endpoint != null) {
        throw CliException.usage(
            "--emulator runs against an embedded emulator: leave out --profile, --deployment and"
                + " --endpoint");
      }
      SumoEmulator emulator =
          SumoEmulator.builder()
              .port(0)
              .host("127.0.0.1")
              .seedUsers(options.seedUsers)
              .limits(true) // Sumo's quotas, as the real service enforces them
              .start();
      try {
        builder
            .endpoint(emulator.baseUri())
            .credentials(SumoEmulator.DEFAULT_ACCESS_ID, SumoEmulator.DEFAULT_ACCESS_KEY);
        return new Session(builder.build(), quotas, emulator);
      } catch (RuntimeException e) {
        emulator.close();
        throw e;
      }
    }

    builder.fromEnvironment(ctx::env);
    Path file = CredentialsFile.location(ctx);
    String profile =
        options.profile != null ? options.profile : ctx.env(CredentialsFile.PROFILE_VARIABLE);
    CredentialsFile credentials = CredentialsFile.readIfPresent(file);
    String usedProfile = profile != null ? profile : "default";
    if (profile != null) {
      if (credentials == null) {
        throw CliException.usage(
            "profile " + profile + " asked for, but " + file + " does not exist");
      }
      if (!credentials.hasProfile(profile)) {
        throw CliException.usage("no profile [" + profile + "] in " + file);
      }
      // A named profile wins over the environment, as with the AWS CLI.
      builder.credentialsProvider(credentials.provider(profile));
    } else if (credentials != null) {
      builder.credentialsProvider(
          CredentialsProvider.chain(
              CredentialsProvider.systemProperties(System::getProperty),
              CredentialsProvider.environment(ctx::env),
              credentials.provider("default")));
    }

    boolean environmentDeployment = deploymentFromEnvironment(ctx);
    if (options.endpoint != null) {
      builder.endpoint(parseEndpoint(options.endpoint));
    } else if (options.deployment != null) {
      builder.deployment(Deployment.parse(options.deployment));
    } else if (profile != null || !environmentDeployment) {
      // The profile's own endpoint or deployment: a named profile's wins over the environment's.
      String endpoint = credentials == null ? null : credentials.setting(usedProfile, "endpoint");
      String deployment =
          credentials == null ? null : credentials.setting(usedProfile, "deployment");
      if (endpoint != null) {
        builder.endpoint(parseEndpoint(endpoint));
      } else if (deployment != null) {
        builder.deployment(Deployment.parse(deployment));
      } else if (!environmentDeployment) {
        throw CliException.usage(NO_DEPLOYMENT);
      }
    }
    return new Session(builder.build(), quotas, null);
  }

  /** Every place a deployment can come from, for the message when none gave one. */
  static final String NO_DEPLOYMENT =
      "no deployment: give --deployment <code> (us2, eu, au...) or --endpoint <url>, set"
          + " SUMOLOGIC_ENVIRONMENT, or put deployment = <code> in the profile of"
          + " ~/.sumologic/credentials; or try it out with --emulator";

  /** Parses 500ms, 30s or 2m. */
  static Duration duration(String option, String text) {
    Duration duration = TimeAmount.parse(text, TimeAmount.SHORT);
    if (duration == null || duration.isZero()) {
      throw CliException.usage(option + ": '" + text + "' is not a time such as 500ms, 30s or 2m");
    }
    return duration;
  }

  private static boolean deploymentFromEnvironment(CliContext ctx) {
    return DEPLOYMENT_VARIABLES.stream().anyMatch(v -> ctx.env(v) != null)
        || DEPLOYMENT_PROPERTIES.stream().anyMatch(p -> System.getProperty(p) != null);
  }

  private static URI parseEndpoint(String text) {
    try {
      URI uri = URI.create(text.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw CliException.usage("--endpoint must be an http(s) URL, such as https://host/api");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--endpoint must be an http(s) URL, such as https://host/api");
    }
  }

  @Override
  public void close() {
    client.close();
    if (emulator != null) {
      emulator.close();
    }
  }
}
