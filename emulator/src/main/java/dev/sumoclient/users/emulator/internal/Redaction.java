package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Keeps secrets out of the journal: credential headers and password fields. */
final class Redaction {
  static final String MASK = "****";
  // Bodies of this API are well under 1 KiB; the cap bounds a full journal to tens of megabytes.
  private static final int MAX_BODY_CHARS = 8 * 1024;

  private Redaction() {}

  /** True for a header that may carry a credential, which the journal must not keep. */
  static boolean isSecretHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("authorization")
        || lower.equals("proxy-authorization")
        || lower.contains("cookie")
        || lower.contains("secret")
        || lower.contains("password")
        || lower.contains("token")
        || lower.contains("key");
  }

  static Map<String, List<String>> headers(Map<String, List<String>> raw) {
    Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    raw.forEach(
        (name, values) -> {
          if (name != null && !isSecretHeader(name)) {
            kept.put(name, new ArrayList<>(values));
          }
        });
    return kept;
  }

  /** The body as text with every JSON field named like a password masked. */
  static String body(byte[] raw) {
    if (raw.length == 0) {
      return "";
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(raw);
    } catch (IOException e) {
      tree = null;
    }
    if (tree == null) {
      // Unparsable: we cannot tell where a password would be, so keep none of it if one may be.
      return text.toLowerCase(Locale.ROOT).contains("password")
          ? "<body withheld: not JSON and mentions a password>"
          : truncate(text);
    }
    return mask(tree) ? truncate(tree.toString()) : truncate(text);
  }

  private static boolean mask(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (name.toLowerCase(Locale.ROOT).contains("password")) {
          object.put(name, MASK);
          changed = true;
        } else {
          changed |= mask(object.get(name));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        changed |= mask(item);
      }
    }
    return changed;
  }

  private static String truncate(String text) {
    return text.length() <= MAX_BODY_CHARS
        ? text
        : text.substring(0, MAX_BODY_CHARS) + "...(truncated)";
  }
}
