package dev.sumoclient.users.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Lengths of time as options write them: a whole number and a unit, such as 30s or 90d. */
final class TimeAmount {
  /** --timeout's units. */
  static final Map<String, ChronoUnit> SHORT =
      Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES);

  /** --no-login-since's units. */
  static final Map<String, ChronoUnit> LONG =
      Map.of(
          "w", ChronoUnit.WEEKS,
          "d", ChronoUnit.DAYS,
          "h", ChronoUnit.HOURS,
          "m", ChronoUnit.MINUTES);

  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})\\s*([a-z]+)");

  private TimeAmount() {}

  /** The length {@code text} gives in one of {@code units}, or null when it gives none. */
  static @Nullable Duration parse(String text, Map<String, ChronoUnit> units) {
    Matcher m = AMOUNT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || !units.containsKey(m.group(2))) {
      return null;
    }
    return units.get(m.group(2)).getDuration().multipliedBy(Long.parseLong(m.group(1)));
  }
}
