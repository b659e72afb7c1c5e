package dev.sumoclient.users.internal;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Hibernate Validator without its {@code HV000001} INFO line reaching a service's stderr.
 *
 * <p>Hibernate Validator announces its version once per JVM through JBoss Logging, which writes to
 * {@code java.util.logging} (hence stderr) when the application has no Logback or Log4j 2. A
 * library should not log at INFO on its own start-up, so that one logger is held at WARNING while
 * the validator starts, unless the application has set its level itself. With Logback or Log4j 2
 * the application's configuration decides, as for any other logger (the README shows the one line).
 */
final class QuietValidatorStart {
  /** The logger of Hibernate Validator's version announcement. */
  static final String VERSION_LOGGER = "org.hibernate.validator.internal.util.Version";

  private QuietValidatorStart() {}

  static <T> T quietly(Supplier<T> start) {
    // Held in a local so the logger (and the level set on it) cannot be collected meanwhile.
    Logger version = Logger.getLogger(VERSION_LOGGER);
    if (version.getLevel() != null) {
      return start.get();
    }
    version.setLevel(Level.WARNING);
    try {
      return start.get();
    } finally {
      version.setLevel(null);
    }
  }
}
