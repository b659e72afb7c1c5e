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
import java.time.OffsetDateTime;
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
