package dev.sumoclient.users.benchmarks.internal;

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
import dev.sumoclient.users.internal.Json;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The client's mapper configuration with one change, priced by benchmark 2: its RFC 3339 date
 * deserializer tries the JDK's ISO parser first and only falls back to the client's lenient regex
 * parser ({@link Json#parseRfc3339}) for the rarer forms (space or lower-case separators, offsets
 * without a colon). Every form still parses; the common one skips the regex and the string
 * rebuilding.
 */
final class FastDatesMapper {
  private FastDatesMapper() {}

  static ObjectMapper create() {
    SimpleModule dates = new SimpleModule("fast-rfc3339");
    dates.addDeserializer(OffsetDateTime.class, new FastFirst());
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(dates)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }

  private static final class FastFirst extends StdScalarDeserializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    FastFirst() {
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
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException notIso) {
        try {
          return Json.parseRfc3339(text);
        } catch (DateTimeParseException e) {
          return (OffsetDateTime)
              ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an RFC 3339 date-time");
        }
      }
    }
  }
}
