package dev.sumoclient.users.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes request and response text safe to log or to put into an exception message.
 *
 * <p>Bodies come from anywhere: Sumo's JSON, a gateway's error page that echoes the request's
 * headers, a proxy's HTML. So redaction does not rely on a list of field names alone: it removes
 * the credentials the request was sent with wherever they appear, any {@code Authorization} value,
 * any {@code Basic}/{@code Bearer} credential, and the values of JSON fields whose names (escapes
 * decoded) look secret, such as {@code password}, {@code newPassword} or {@code clientSecret}.
 */
final class Redaction {
  static final int SNIPPET_LENGTH = 200;
  private static final String MASK = "****";

  /** A JSON member with a string (or bare) value; the name is matched after decoding escapes. */
  private static final Pattern JSON_MEMBER =
      Pattern.compile(
          "(\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)");

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "pass(word|wd|phrase)?|pwd|secret|token|accesskey|apikey|privatekey|credential"
              + "|authorization|sessionid|cookie");

  /** An {@code Authorization:} (or {@code Proxy-Authorization=}) value up to the line's end. */
  private static final Pattern AUTHORIZATION_VALUE =
      Pattern.compile("(?i)((?:proxy-)?authorization\\s*[:=]\\s*)[^\\r\\n\"]+");

  private static final Pattern SCHEME_CREDENTIAL =
      Pattern.compile("(?i)\\b(Basic|Bearer|Digest)\\s+[A-Za-z0-9._~+/=-]{4,}");

  private Redaction() {}

  /**
   * Returns text with every credential and secret-looking value replaced by {@code ****}.
   *
   * @param text the text
   * @param secrets values that must not appear at all, such as the access key; blank ones ignored
   * @return the redacted text
   */
  static String redact(String text, List<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        result = result.replace(secret, MASK);
      }
    }
    result = AUTHORIZATION_VALUE.matcher(result).replaceAll("$1" + MASK);
    result = SCHEME_CREDENTIAL.matcher(result).replaceAll("$1 " + MASK);
    return redactJsonMembers(result);
  }

  private static String redactJsonMembers(String text) {
    Matcher m = JSON_MEMBER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String name = normalizedName(m.group(2));
      String replacement =
          SECRET_NAME.matcher(name).find() ? m.group(1) + "\"" + MASK + "\"" : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Decodes JSON escapes in a member name and drops separators: {@code p\u0061ss_Word}. */
  private static String normalizedName(String raw) {
    StringBuilder name = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        if (next == 'u' && i + 4 < raw.length()) {
          try {
            c = (char) Integer.parseInt(raw.substring(i + 1, i + 5), 16);
            i += 4;
          } catch (NumberFormatException e) {
            c = next;
          }
        } else {
          c = next;
        }
      }
      if (Character.isLetterOrDigit(c)) {
        name.append(Character.toLowerCase(c));
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the start of a body, secrets redacted and control characters flattened.
   *
   * @param body the body, or null
   * @param secrets values that must not appear at all
   * @return the snippet, or null for no body
   */
  static @Nullable String snippet(byte @Nullable [] body, List<String> secrets) {
    if (body == null || body.length == 0) {
      return null;
    }
    String text = redact(new String(body, StandardCharsets.UTF_8), secrets).strip();
    boolean truncated = text.length() > SNIPPET_LENGTH;
    if (truncated) {
      text = text.substring(0, SNIPPET_LENGTH);
    }
    text = text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ");
    return truncated ? text + "...(truncated)" : text;
  }
}
