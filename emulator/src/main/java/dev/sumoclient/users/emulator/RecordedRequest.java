package dev.sumoclient.users.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One API request as the emulator received it, with secrets removed.
 *
 * <p>Headers carrying credentials ({@code Authorization}, cookies, anything named like a key,
 * token, secret or password) are left out, and every JSON field whose name contains {@code
 * password} reads {@code "****"} in {@link #body()}.
 *
 * @param sequence position in the journal, from 1
 * @param at when the request arrived
 * @param method the HTTP method
 * @param path the request path as sent (still percent-encoded), e.g. {@code /api/v1/users/AB}
 * @param query the decoded query parameters, in the order sent
 * @param headers the non-secret headers, names in lower case
 * @param body the request body as text with passwords masked; empty when there was none
 * @param accessId the access id the request authenticated with, or null if it did not
 * @param status the status answered, or 0 when the connection was dropped
 */
public record RecordedRequest(
    long sequence,
    Instant at,
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    @Nullable String accessId,
    int status) {

  /**
   * Copies the maps so that the record stays immutable; header names become lower case.
   *
   * @param sequence position in the journal, from 1
   * @param at when the request arrived
   * @param method the HTTP method
   * @param path the request path as sent (still percent-encoded)
   * @param query the decoded query parameters, in the order sent
   * @param headers the non-secret headers, in any case; stored with lower-case names
   * @param body the request body as text with passwords masked; empty when there was none
   * @param accessId the access id the request authenticated with, or null if it did not
   * @param status the status answered, or 0 when the connection was dropped
   */
  public RecordedRequest {
    query = copy(query);
    TreeMap<String, List<String>> lowerCased = new TreeMap<>();
    headers.forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), values));
    headers = copy(lowerCased);
  }

  /**
   * Returns the first value of the named query parameter, if present.
   *
   * @param name the parameter name, matched exactly (e.g. {@code limit}, {@code token})
   * @return the first decoded value, or empty if the request did not send the parameter
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the first value of the named header (any case), if present.
   *
   * @param name the header name, in any case
   * @return the first value, or empty if the request did not send the header or it held a secret
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> source) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    source.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    return "RecordedRequest[#" + sequence + " " + method + " " + path + " -> " + status + "]";
  }
}
