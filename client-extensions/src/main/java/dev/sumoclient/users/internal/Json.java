package dev.sumoclient.users.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one Jackson configuration the client uses, built once per client and shared by all calls.
 *
 * <p>The generator's {@code RFC3339JavaTimeModule} adds its deserializers after {@code setupModule}
 * has run, so Jackson never sees them; this mapper registers its own RFC 3339 deserializer properly
 * instead, after {@link JavaTimeModule} so that it takes precedence.
 */
public final class Json {
  private Json() {}

  /**
   * Returns a new mapper: unknown fields ignored, RFC 3339 dates in every form, ISO dates written.
   *
   * @return the mapper
   */
  public static ObjectMapper newMapper() {
    SimpleModule rfc3339 = new SimpleModule("sumo-rfc3339");
    rfc3339.addDeserializer(OffsetDateTime.class, new Rfc3339Deserializer());
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(rfc3339)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }

  private static final Pattern RFC3339 =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:?\\d{2})");

  /**
   * Parses every RFC 3339 date-time form: {@code T} or space or lower case {@code t}, {@code Z} or
   * {@code z}, fractional seconds of any precision up to nanoseconds, numeric offsets with or
   * without a colon.
   *
   * @param text the text
   * @return the date-time, keeping the offset that was written
   * @throws DateTimeParseException when the text is not RFC 3339
   */
  public static OffsetDateTime parseRfc3339(String text) {
    // Sumo writes the ISO form, which the JDK parses without the regex and the rebuilt string
    // (3,000 dates per page of users); the shape check keeps out ISO forms RFC 3339 does not allow,
    // such as a missing seconds field, so both paths accept exactly the same texts.
    if (isPlainIsoShape(text)) {
      OffsetDateTime fast = parsePlainIso(text);
      if (fast != null) {
        return fast;
      }
    }
    Matcher m = RFC3339.matcher(text.strip());
    if (!m.matches()) {
      throw new DateTimeParseException("not an RFC 3339 date-time", text, 0);
    }
    String offset = m.group(4).toUpperCase(Locale.ROOT);
    if (offset.length() == 5) {
      offset = offset.substring(0, 3) + ":" + offset.substring(3);
    }
    String fraction = m.group(3) == null ? "" : m.group(3);
    return OffsetDateTime.parse(
        m.group(1) + "T" + m.group(2) + fraction + offset, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * Reads a text of {@link #isPlainIsoShape plain ISO shape} field by field, as {@code
   * OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME)} would but without the formatter's parse
   * context, field map and {@code BigDecimal} fraction (about 1.5 KB allocated per date; a page of
   * 1,000 users has 3,000). Returns null when anything is unusual (a non-digit, more than nine
   * fraction digits, an out-of-range field), so that the general path decides with its message.
   */
  private static @Nullable OffsetDateTime parsePlainIso(String text) {
    int n = text.length();
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int end = text.charAt(n - 1) == 'Z' ? n - 1 : n - 6;
    int nanos = 0;
    if (end > 19) {
      int fractionDigits = end - 20;
      if (fractionDigits > 9) {
        return null;
      }
      int fraction = digits(text, 20, end);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
    }
    try {
      ZoneOffset offset;
      if (end == n - 1) {
        offset = ZoneOffset.UTC;
      } else {
        int hours = digits(text, n - 5, n - 3);
        int minutes = digits(text, n - 2, n);
        if ((hours | minutes) < 0) {
          return null;
        }
        offset =
            text.charAt(n - 6) == '-'
                ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                : ZoneOffset.ofHoursMinutes(hours, minutes);
      }
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  /** The decimal value of text[from, to), or -1 when a character is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Whether the text is {@code yyyy-mm-ddThh:mm:ss[.f...]} followed by {@code Z} or {@code ±hh:mm}.
   */
  private static boolean isPlainIsoShape(String text) {
    int n = text.length();
    if (n < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return false;
    }
    boolean fraction = n > 21 && text.charAt(19) == '.' && isDigit(text.charAt(20));
    if (text.charAt(n - 1) == 'Z') {
      return n == 20 || fraction;
    }
    char sign = text.charAt(n - 6);
    return (sign == '+' || sign == '-') && text.charAt(n - 3) == ':' && (n == 25 || fraction);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static final class Rfc3339Deserializer extends StdScalarDeserializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    Rfc3339Deserializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public @Nullable OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return null;
      }
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
      }
      String text = p.getText();
      if (text.isBlank()) {
        return null;
      }
      try {
        return parseRfc3339(text);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime)
            ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an RFC 3339 date-time");
      }
    }
  }
}
