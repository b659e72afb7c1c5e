package dev.sumoclient.users.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Makes request and response text safe to log or to put into an exception message. */
final class Redaction {
  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(\"(?:password|accessKey|access_key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
          Pattern.CASE_INSENSITIVE);
  static final int SNIPPET_LENGTH = 200;

  private Redaction() {}

  /** Replaces the values of password-like JSON fields with {@code ****}. */
  static String redactJson(String json) {
    return SECRET_FIELD.matcher(json).replaceAll("$1\"****\"");
  }

  /** Returns the start of a body, secrets redacted and control characters flattened. */
  static @Nullable String snippet(byte @Nullable [] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    String text = redactJson(new String(body, StandardCharsets.UTF_8)).strip();
    boolean truncated = text.length() > SNIPPET_LENGTH;
    if (truncated) {
      text = text.substring(0, SNIPPET_LENGTH);
    }
    text = text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ");
    return truncated ? text + "...(truncated)" : text;
  }
}
