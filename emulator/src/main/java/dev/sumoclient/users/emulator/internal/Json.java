package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sumoclient.users.emulator.EmulatedUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/** The emulator's one JSON configuration, and the hand-written user encoding. */
public final class Json {
  /**
   * Thread-safe once configured; shared by every emulator in the JVM since it holds no state.
   * Strict on input: content after the first value and a key given twice are errors, not silently
   * ignored or overwritten.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  /** RFC 3339 in UTC with at most millisecond precision, as Sumo Logic writes timestamps. */
  public static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Encodes a user as the API's {@code UserModel}.
   *
   * <p>Written by hand rather than by data binding so the field names ({@code isActive}, ...) are
   * exactly the API's, and {@code lastLoginTimestamp} is null for a user who never signed in, as
   * Sumo sends it (our description declares it nullable).
   */
  public static byte[] user(EmulatedUser user) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(384);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writeUser(json, user);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static void writeUser(JsonGenerator json, EmulatedUser user) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", user.id());
    json.writeStringField("firstName", user.firstName());
    json.writeStringField("lastName", user.lastName());
    json.writeStringField("email", user.email());
    json.writeArrayFieldStart("roleIds");
    for (String roleId : user.roleIds()) {
      json.writeString(roleId);
    }
    json.writeEndArray();
    json.writeBooleanField("isActive", user.active());
    json.writeBooleanField("isLocked", user.locked());
    json.writeBooleanField("isMfaEnabled", user.mfaEnabled());
    Instant lastLogin = user.lastLoginTimestamp();
    if (lastLogin != null) {
      json.writeStringField("lastLoginTimestamp", timestamp(lastLogin));
    } else {
      json.writeNullField("lastLoginTimestamp");
    }
    json.writeStringField("createdAt", timestamp(user.createdAt()));
    json.writeStringField("createdBy", user.createdBy());
    json.writeStringField("modifiedAt", timestamp(user.modifiedAt()));
    json.writeStringField("modifiedBy", user.modifiedBy());
    json.writeEndObject();
  }

  /** Encodes Sumo's error body: a unique id and one entry per problem. */
  static byte[] error(String id, List<ApiException.Problem> problems) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", id);
      json.writeArrayFieldStart("errors");
      for (ApiException.Problem problem : problems) {
        json.writeStartObject();
        json.writeStringField("code", problem.code().code());
        json.writeStringField("message", problem.message());
        if (!problem.meta().isEmpty()) {
          json.writeObjectFieldStart("meta");
          for (var entry : new TreeMap<>(problem.meta()).entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
          }
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
