package dev.sumoclient.users.benchmarks.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What every generated peer's adapter shares: the emulator's credentials as a user would hold them.
 * Public only so that the adapters, in their own package, can extend it.
 */
public abstract class PeerSupport implements Peer {
  /** The emulator's access id. */
  protected static final String ACCESS_ID = EmulatorProcess.ACCESS_ID;

  /** The emulator's access key. */
  protected static final String ACCESS_KEY = EmulatorProcess.ACCESS_KEY;

  /** For subclasses. */
  protected PeerSupport() {}

  /**
   * Returns the HTTP basic {@code Authorization} value for the emulator's credentials.
   *
   * @return the header value
   */
  protected static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ACCESS_ID + ":" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8));
  }
}
