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
    boolean servesAccessId,
    List<KeyOption> accessKeys,
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
        --access-key ID:KEY[:OWNER]
                            also accept this key; OWNER (16 hex digits) is the user it belongs
                            to, and keys of one owner share its 4 requests/s; repeatable. Given
                            alone (no --access-id, no KEY form, no $SUMO_EMULATOR_ACCESS_KEY),
                            these are the only keys accepted
        --limits            enforce Sumo's quotas: 4 requests/s per user (owner) across its
                            keys, 10 in flight per key
        --retry-after       send Retry-After with quota 429s
        --seed N            random seed for generated users and ids (default 1)
        --threads N         requests served at once
        --help              print this and exit
      """;

  /**
   * An access key given as {@code --access-key ID:KEY[:OWNER]}; never shows the key.
   *
   * @param id the access id
   * @param key the access key
   * @param ownerId the owner's 16-hex-digit id, or null for a fresh owner
   */
  public record KeyOption(String id, String key, @Nullable String ownerId) {
    @Override
    public String toString() {
      return id + ":****" + (ownerId == null ? "" : ":" + ownerId);
    }
  }

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
    boolean accessIdGiven = false;
    String accessKey = null;
    List<KeyOption> keyOptions = new ArrayList<>();
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
        case "--access-id" -> {
          accessId = nonBlank(name, inline != null ? inline : value(args, ++i, name));
          accessIdGiven = true;
        }
        case "--access-key" -> {
          String raw = nonBlank(name, inline != null ? inline : value(args, ++i, name));
          if (raw.contains(":")) {
            keyOptions.add(keyOption(raw));
          } else {
            accessKey = raw;
          }
        }
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
    boolean keyGiven = accessKey != null;
    if (accessKey == null) {
      String fromEnv = env.get(ACCESS_KEY_ENV);
      keyGiven = fromEnv != null && !fromEnv.isBlank();
      accessKey = keyGiven ? fromEnv : SumoEmulator.DEFAULT_ACCESS_KEY;
    }
    boolean servesAccessId = keyOptions.isEmpty() || accessIdGiven || keyGiven;
    List<String> ids = new ArrayList<>();
    if (servesAccessId) {
      ids.add(accessId);
    }
    for (KeyOption option : keyOptions) {
      if (ids.contains(option.id())) {
        throw new UsageException("--access-key: access id " + option.id() + " is given twice");
      }
      ids.add(option.id());
    }
    return new CommandLine(
        port,
        host,
        users,
        List.copyOf(files),
        accessId,
        accessKey,
        servesAccessId,
        List.copyOf(keyOptions),
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
            .limits(limits)
            .retryAfter(retryAfter)
            .randomSeed(seed);
    if (servesAccessId) {
      builder.accessKey(accessId, accessKey);
    }
    for (KeyOption option : accessKeys) {
      if (option.ownerId() == null) {
        builder.accessKey(option.id(), option.key());
      } else {
        builder.accessKey(option.id(), option.key(), option.ownerId());
      }
    }
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
        + ", accessKey=****, accessKeys="
        + accessKeys
        + ", limits="
        + limits
        + "]";
  }

  private static KeyOption keyOption(String raw) {
    String[] parts = raw.split(":", -1);
    if (parts.length > 3) {
      throw new UsageException(
          "--access-key: must be KEY or ID:KEY[:OWNER], with no ':' inside ID, KEY or OWNER");
    }
    if (parts[0].isBlank() || parts[1].isBlank()) {
      throw new UsageException("--access-key: ID and KEY of ID:KEY[:OWNER] must not be blank");
    }
    String owner = null;
    if (parts.length == 3) {
      try {
        owner = SeedData.ownerId(parts[2]);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--access-key: OWNER of ID:KEY:OWNER must be 16 hex digits");
      }
    }
    return new KeyOption(parts[0], parts[1], owner);
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
