package dev.sumoclient.users.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Percent-decoding for path segments and query strings, strict about malformed escapes. */
final class PathCodec {
  private PathCodec() {}

  /**
   * Decodes one path segment. Unlike {@code URLDecoder}, '+' stays '+': in a path it is not a
   * space. The server refuses a path with a malformed escape before routing ({@link
   * ErrorCode#BAD_REQUEST}); should one reach here all the same, it gets the same answer.
   */
  static String decodeSegment(String raw) {
    String decoded = decode(raw, false);
    if (decoded == null) {
      throw ApiException.of(ErrorCode.BAD_REQUEST);
    }
    return decoded;
  }

  /** Decodes a query string into parameters in the order sent; '+' is a space here. */
  static Map<String, List<String>> query(@Nullable String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
      if (name == null || value == null) {
        throw ApiException.of(
            ErrorCode.INVALID_PARAMETER, "The query string has a malformed percent-escape.");
      }
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static @Nullable String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        out.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
