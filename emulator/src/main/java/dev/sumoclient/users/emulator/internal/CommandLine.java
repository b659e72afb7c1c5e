package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The standalone emulator's options, parsed strictly: every mistake names the option and rule. */
public record CommandLine(
    int port,
    String host,
    int users,
    List<Path> userFiles,
    String accessId,
    String accessKey,
    boolean limits,
    boolean retryAfter,
    long seed,
    @Nullable Integer threads,
    boolean help) {

  /** The environment variable read for the access key, so it need not appear in a process list. */
  public static final String ACCESS_KEY_ENV = "SUMO_EMULATOR_ACCESS_KEY";

  static final int DEFAULT_PORT = 8080;
  static final int DEFAULT_USERS = 10;

  static final String USAGE =
      """
      Usage: java -jar sumo-users-emulator-<version>-standalone.jar [options]

      Serves the Sumo Logic User Management API at http://<host>:<port>/api and its switches at
      http://<host>:<port>/__admin (see the module README).

        --port N            port to listen on (default 8080; 0 picks a free one)
        --host ADDRESS      address to bind (default 127.0.0.1)
        --users N           generate N users (default 10)
        --users-file PATH   also load users from a JSON file (an array, or a listUsers page);
                            may be given more than once
        --access-id ID      access id clients authenticate with (default suEmulatorAccessId)
        --access-key KEY    its access key (default: $SUMO_EMULATOR_ACCESS_KEY, else the
                            documented emulator-access-key-not-a-secret)
        --limits            enforce Sumo's quotas: 4 requests/s per access id, 10 in flight
        --retry-after       send Retry-After with quota 429s
        --seed N            random seed for generated users and ids (default 1)
        --threads N         requests served at once (at least 10 to reach the in-flight quota)
        --help              print this and exit
      """;

  /** Thrown for an invalid command line; the message names the option and the rule. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parses {@code args}, taking the access key from {@code env} when not given as an option. */
  public static CommandLine parse(String[] args, Map<String, String> env) {
    int port = DEFAULT_PORT;
    String host = "127.0.0.1";
    int users = DEFAULT_USERS;
    List<Path> files = new ArrayList<>();
    String accessId = SumoEmulator.DEFAULT_ACCESS_ID;
    String accessKey = null;
    boolean limits = false;
    boolean retryAfter = false;
    long seed = 1;
    Integer threads = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String inline = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inline = arg.substring(equals + 1);
      }
      switch (name) {
        case "--port" ->
            port = intValue(name, inline != null ? inline : value(args, ++i, name), 0, 65_535);
        case "--host" -> host = inline != null ? inline : value(args, ++i, name);
        case "--users" ->
            users = intValue(name, inline != null ? inline : value(args, ++i, name), 0, 1_000_000);
        case "--users-file" -> {
          Path file = Path.of(inline != null ? inline : value(args, ++i, name));
          if (!Files.isReadable(file)) {
            throw new UsageException("--users-file: cannot read " + file);
          }
          files.add(file);
        }
        case "--access-id" ->
            accessId = nonBlank(name, inline != null ? inline : value(args, ++i, name));
        case "--access-key" ->
            accessKey = nonBlank(name, inline != null ? inline : value(args, ++i, name));
        case "--limits" -> limits = flag(name, inline);
        case "--retry-after" -> retryAfter = flag(name, inline);
        case "--seed" -> {
          String raw = inline != null ? inline : value(args, ++i, name);
          try {
            seed = Long.parseLong(raw);
          } catch (NumberFormatException e) {
            throw new UsageException("--seed: must be an integer, was " + raw);
          }
        }
        case "--threads" ->
            threads = intValue(name, inline != null ? inline : value(args, ++i, name), 1, 1024);
        case "--help", "-h" -> help = true;
        default -> throw new UsageException("unknown option " + arg + " (see --help)");
      }
    }
    if (accessId.contains(":")) {
      throw new UsageException("--access-id: must not contain ':'");
    }
    if (accessKey == null) {
      String fromEnv = env.get(ACCESS_KEY_ENV);
      accessKey = fromEnv != null && !fromEnv.isBlank() ? fromEnv : SumoEmulator.DEFAULT_ACCESS_KEY;
    }
    return new CommandLine(
        port,
        host,
        users,
        List.copyOf(files),
        accessId,
        accessKey,
        limits,
        retryAfter,
        seed,
        threads,
        help);
  }

  /** A builder configured as the options say. */
  public SumoEmulator.Builder builder() {
    SumoEmulator.Builder builder =
        SumoEmulator.builder()
            .port(port)
            .host(host)
            .seedUsers(users)
            .accessKey(accessId, accessKey)
            .limits(limits)
            .retryAfter(retryAfter)
            .randomSeed(seed);
    for (Path file : userFiles) {
      builder.seedUsers(file);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    return builder;
  }

  /** Never shows the access key. */
  @Override
  public String toString() {
    return "CommandLine[port="
        + port
        + ", host="
        + host
        + ", users="
        + users
        + ", accessId="
        + accessId
        + ", accessKey=****, limits="
        + limits
        + "]";
  }

  private static String value(String[] args, int index, String name) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException(name + ": needs a value");
    }
    return args[index];
  }

  private static int intValue(String name, String raw, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new UsageException(
          name + ": must be an integer from " + min + " to " + max + ", was " + raw);
    }
    if (value < min || value > max) {
      throw new UsageException(name + ": must be from " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  private static String nonBlank(String name, String value) {
    if (value.isBlank()) {
      throw new UsageException(name + ": must not be blank");
    }
    return value;
  }

  private static boolean flag(String name, @Nullable String inline) {
    if (inline == null || inline.equalsIgnoreCase("true")) {
      return true;
    }
    if (inline.equalsIgnoreCase("false")) {
      return false;
    }
    throw new UsageException(name + ": takes no value, or =true / =false, was " + inline);
  }
}
