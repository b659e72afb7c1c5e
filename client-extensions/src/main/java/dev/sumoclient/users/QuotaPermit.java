package dev.sumoclient.users;

import java.time.Duration;

/**
 * Permission to send one request, from a {@link QuotaCoordinator}; closed exactly once.
 *
 * <p>The client calls {@link #sent()} when the request has been written to the connection and
 * {@link #close()} when the response has been read or the exchange failed. A coordinator uses the
 * first to date the request's arrival at Sumo Logic (which counts a request when it arrives) and
 * the second to give back the in-flight permit. Both may be called from another thread than the one
 * that acquired the permit; calls after the first {@code close()} do nothing.
 */
public interface QuotaPermit extends AutoCloseable {

  /**
   * Returns how long {@link QuotaCoordinator#acquire} waited before granting this permit.
   *
   * @return the wait, zero when the permit was granted at once
   */
  Duration waited();

  /** Records that the request has been written to the connection; at most once, before close. */
  void sent();

  /** Records that the exchange is over (response read, or failed) and gives back the permit. */
  @Override
  void close();
}
