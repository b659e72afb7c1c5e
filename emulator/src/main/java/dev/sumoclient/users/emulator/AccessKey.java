package dev.sumoclient.users.emulator;

import java.util.Objects;

/**
 * An access id and key that the emulator accepts, and the user id it acts as.
 *
 * <p>{@link #toString()} never shows the key.
 *
 * @param id the access id, sent as the Basic user name
 * @param key the access key, sent as the Basic password
 * @param ownerId the 16-hex-digit user id that requests made with this key act as; it appears in
 *     {@code createdBy}/{@code modifiedBy} and receives content when a delete names no recipient.
 *     The owner is not one of the listed users.
 */
public record AccessKey(String id, String key, String ownerId) {

  /**
   * Checks that no part is blank, since a blank credential could never authenticate.
   *
   * @param id the access id, sent as the Basic user name; must not contain {@code :}, which would
   *     end the user name early
   * @param key the access key, sent as the Basic password
   * @param ownerId the 16-hex-digit user id that requests made with this key act as
   * @throws IllegalArgumentException if a part is blank or the id contains {@code :}
   */
  public AccessKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ownerId, "ownerId");
    if (id.isBlank()) {
      throw new IllegalArgumentException("access id: must not be blank");
    }
    if (id.contains(":")) {
      throw new IllegalArgumentException("access id: must not contain ':' (Basic auth separator)");
    }
    if (key.isBlank()) {
      throw new IllegalArgumentException("access key: must not be blank");
    }
    if (ownerId.isBlank()) {
      throw new IllegalArgumentException("owner id: must not be blank");
    }
  }

  /** Shows the access id and owner, never the key. */
  @Override
  public String toString() {
    return "AccessKey[id=" + id + ", key=****, ownerId=" + ownerId + "]";
  }
}
