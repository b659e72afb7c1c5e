package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a JSON request body against the description's rules, collecting every problem so that one
 * 400 names them all.
 */
final class Fields {
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private final ObjectNode body;
  private final List<ApiException.Problem> problems = new ArrayList<>();

  private Fields(ObjectNode body) {
    this.body = body;
  }

  /**
   * Parses a body that must be a JSON object sent as {@code application/json}; absent, non-JSON or
   * non-object bodies fail, as do trailing content and repeated keys.
   */
  static Fields of(byte[] raw, @Nullable String contentType) {
    if (raw.length == 0) {
      throw ApiException.of(ErrorCode.MISSING_BODY);
    }
    if (!isJson(contentType)) {
      throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(raw);
    } catch (IOException e) {
      throw ApiException.of(ErrorCode.INVALID_JSON);
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.of(ErrorCode.INVALID_JSON);
    }
    return new Fields(object);
  }

  /** Whether the media type is {@code application/json}, parameters such as charset aside. */
  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT).equals("application/json");
  }

  static boolean isEmail(String value) {
    return EMAIL.matcher(value).matches();
  }

  /** A required string whose length, in code points, lies within bounds. */
  String string(String field, int minLength, int maxLength) {
    JsonNode node = present(field);
    if (node == null) {
      return "";
    }
    if (!node.isTextual()) {
      wrongType(field, "a string");
      return "";
    }
    String value = node.textValue();
    int length = value.codePointCount(0, value.length());
    if (length < minLength) {
      add(
          ErrorCode.FIELD_TOO_SHORT,
          field,
          field + " must be at least " + minLength + " character(s) long.");
    } else if (length > maxLength) {
      add(
          ErrorCode.FIELD_TOO_LONG,
          field,
          field + " must be at most " + maxLength + " characters.");
    }
    return value;
  }

  /** A required email address of at most {@code maxLength} characters. */
  String email(String field, int maxLength) {
    JsonNode node = body.get(field);
    int before = problems.size();
    String value = string(field, 0, maxLength);
    if (problems.size() == before && node != null && !isEmail(value)) {
      add(ErrorCode.FIELD_INVALID_EMAIL, field, field + " must be an email address.");
    }
    return value;
  }

  boolean bool(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return false;
    }
    if (!node.isBoolean()) {
      wrongType(field, "true or false");
      return false;
    }
    return node.booleanValue();
  }

  List<String> stringArray(String field) {
    JsonNode node = present(field);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      wrongType(field, "an array of strings");
      return List.of();
    }
    List<String> values = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        wrongType(field, "an array of strings");
        return List.of();
      }
      values.add(item.textValue());
    }
    return values;
  }

  /** Throws one 400 naming every problem found so far. */
  void check() {
    if (!problems.isEmpty()) {
      throw ApiException.ofProblems(problems);
    }
  }

  private @Nullable JsonNode present(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      add(ErrorCode.FIELD_REQUIRED, field, field + " is required.");
      return null;
    }
    return node;
  }

  private void wrongType(String field, String expected) {
    add(ErrorCode.FIELD_WRONG_TYPE, field, field + " must be " + expected + ".");
  }

  private void add(ErrorCode code, String field, String message) {
    problems.add(new ApiException.Problem(code, message, Map.of("field", field)));
  }
}
