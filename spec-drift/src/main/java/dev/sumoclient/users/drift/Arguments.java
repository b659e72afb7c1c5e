package dev.sumoclient.users.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Command-line arguments: {@code --name value} options and positional values. */
final class Arguments {

  private final Map<String, String> options = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Arguments() {}

  /**
   * Parses {@code args}; throws {@link UsageException} naming any option not in {@code known} or
   * given without a value.
   */
  static Arguments parse(String[] args, Set<String> known) {
    Arguments parsed = new Arguments();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        parsed.positional.add(arg);
        continue;
      }
      if (!known.contains(arg)) {
        throw new UsageException("unknown option " + arg);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("option " + arg + " needs a value");
      }
      parsed.options.put(arg, args[++i]);
    }
    return parsed;
  }

  @Nullable String option(String name) {
    return options.get(name);
  }

  String required(String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("option " + name + " is required");
    }
    return value;
  }

  List<String> positional() {
    return positional;
  }

  /** A command line the tool cannot run with; the message says what is wrong. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
