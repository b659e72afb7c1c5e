package dev.sumoclient.users.internal;

import feign.Request;
import java.util.concurrent.TimeUnit;

/**
 * Feign request options that are the same for every method and thread, as the client's are.
 *
 * <p>Feign 13 looks up per-method options on every call ({@code SynchronousMethodHandler
 * .findOptions} calls {@link #getMethodOptions}) through a map keyed by a string it builds from the
 * calling thread's group, name and id, plus a new {@code HashMap} as the default: about a kilobyte
 * allocated per call for options nobody set. The client never sets per-method options, so this
 * answers with itself.
 */
final class FixedOptions extends Request.Options {
  /**
   * Creates the options.
   *
   * @param connectTimeoutMillis the connect timeout
   * @param readTimeoutMillis the read timeout
   */
  FixedOptions(long connectTimeoutMillis, long readTimeoutMillis) {
    super(
        connectTimeoutMillis,
        TimeUnit.MILLISECONDS,
        readTimeoutMillis,
        TimeUnit.MILLISECONDS,
        false);
  }

  /** Returns these options: the client sets none per method. */
  @Override
  public Request.Options getMethodOptions(String methodName) {
    return this;
  }

  /**
   * Refuses: per-method options would be ignored by {@link #getMethodOptions}.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void setMethodOptions(String methodName, Request.Options options) {
    throw new UnsupportedOperationException(
        "the client's Feign options are the same for every method");
  }
}
