package dev.sumoclient.users.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads a {@code Retry-After} header, which is either delay-seconds or an HTTP date. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * Returns the wait a {@code Retry-After} value asks for.
   *
   * @param value the header value, or null
   * @param now the current time, for HTTP dates
   * @return the wait (zero for a date in the past), or null when absent or unreadable; the server's
   *     value exactly, except that a number of seconds beyond {@code Long.MAX_VALUE} is clamped to
   *     that many seconds (callers compare it with their deadline as a {@link Duration}, never in
   *     nanoseconds, which overflow after 292 years)
   */
  public static @Nullable Duration parse(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        // Only digits, so too many of them: a wait longer than anyone can honour.
        return Duration.ofSeconds(Long.MAX_VALUE);
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
