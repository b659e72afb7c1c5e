package dev.sumoclient.users;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Sumo Logic access id and access key, sent as HTTP Basic authentication.
 *
 * <p>{@link #toString()} shows the access id only; the key never appears in any text this client
 * produces.
 */
public final class Credentials {
  private final String accessId;
  private final String accessKey;

  private Credentials(String accessId, String accessKey) {
    this.accessId = accessId;
    this.accessKey = accessKey;
  }

  /**
   * Returns credentials for an access id and key.
   *
   * @param accessId the access id (the Basic user name)
   * @param accessKey the access key (the Basic password)
   * @return the credentials
   * @throws SumoValidationException if either part is null or blank, or contains a colon or line
   *     break that would corrupt the Authorization header
   */
  public static Credentials of(@Nullable String accessId, @Nullable String accessKey) {
    List<SumoValidationException.Violation> violations = new ArrayList<>();
    check("accessId", accessId, true, violations);
    check("accessKey", accessKey, false, violations);
    if (!violations.isEmpty() || accessId == null || accessKey == null) {
      throw new SumoValidationException("credentials", violations);
    }
    return new Credentials(accessId.strip(), accessKey.strip());
  }

  private static void check(
      String field,
      @Nullable String value,
      boolean colonForbidden,
      List<SumoValidationException.Violation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new SumoValidationException.Violation(field, "must not be blank"));
    } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      violations.add(new SumoValidationException.Violation(field, "must not contain line breaks"));
    } else if (colonForbidden && value.indexOf(':') >= 0) {
      violations.add(new SumoValidationException.Violation(field, "must not contain ':'"));
    }
  }

  /**
   * Returns the access id.
   *
   * @return the access id
   */
  public String accessId() {
    return accessId;
  }

  /**
   * Returns the access key; handle with care.
   *
   * @return the secret access key
   */
  public String accessKey() {
    return accessKey;
  }

  /** Returns a description naming the access id and hiding the key. */
  @Override
  public String toString() {
    return "Credentials[accessId=" + accessId + ", accessKey=****]";
  }
}
