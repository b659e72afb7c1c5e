package dev.sumoclient.users.quota.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Lua script and its SHA-1, which {@code EVALSHA} names it by.
 *
 * @param name the resource name, for messages
 * @param source the Lua source
 * @param sha1 the SHA-1 of the source in hex, as Redis computes it
 */
public record Scripts(String name, String source, String sha1) {
  /** Grants a permit: the in-flight cap, then the rate window; see {@code acquire.lua}. */
  public static final Scripts ACQUIRE = load("acquire.lua");

  /** Re-stamps a granted request when it has been written; see {@code sent.lua}. */
  public static final Scripts SENT = load("sent.lua");

  /** Extends live leases; see {@code renew.lua}. */
  public static final Scripts RENEW = load("renew.lua");

  private static Scripts load(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] sha =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new Scripts(name, source, HexFormat.of().formatHex(sha));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  @Override
  public String toString() {
    return name + "@" + sha1.substring(0, 8);
  }
}
