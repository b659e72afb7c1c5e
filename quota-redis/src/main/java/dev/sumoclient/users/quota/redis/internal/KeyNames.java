package dev.sumoclient.users.quota.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Redis keys of one quota group and access id.
 *
 * <p>Both names are hashed (SHA-256, first 128 bits in hex), so that neither an access id nor a
 * group such as an email address can be read from Redis, and both keys carry the group's hash
 * between braces: Redis Cluster places them in one slot, which a script touching both requires.
 *
 * @param rate the group's rate log
 * @param inFlight the access id's in-flight leases
 */
public record KeyNames(String rate, String inFlight) {
  /** The prefix of every key this module writes. */
  public static final String PREFIX = "sumo-users:quota:";

  /**
   * Returns the keys of a group and an access id.
   *
   * @param group the quota group
   * @param accessId the access id
   * @return the keys
   */
  public static KeyNames of(String group, String accessId) {
    String tag = "{" + hash("group:" + group) + "}";
    return new KeyNames(
        PREFIX + tag + ":rate", PREFIX + tag + ":inflight:" + hash("access-id:" + accessId));
  }

  /**
   * Returns the first 128 bits of the SHA-256 of a name, in hex.
   *
   * @param name the name
   * @return 32 hex digits
   */
  static String hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
