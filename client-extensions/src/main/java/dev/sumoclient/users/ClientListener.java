package dev.sumoclient.users;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Receives events about the client's traffic, for metrics and tracing; every method does nothing by
 * default.
 *
 * <p>Methods are called on the calling thread and must be quick and thread-safe. An exception
 * thrown by a listener is logged and otherwise ignored.
 */
public interface ClientListener {

  /**
   * One HTTP exchange (attempt) finished, successfully or not.
   *
   * @param operation the operation id, such as {@code listUsers}
   * @param method the HTTP method
   * @param path the request path, without query
   * @param attempt 1 for the first attempt
   * @param status the HTTP status, or 0 when no response arrived
   * @param latency the time from sending to receiving the whole response
   * @param deployment the deployment the request went to, or null for a custom endpoint
   * @param failure why no response arrived (status 0), or null when one did
   */
  record RequestEvent(
      String operation,
      String method,
      String path,
      int attempt,
      int status,
      Duration latency,
      @Nullable Deployment deployment,
      @Nullable Throwable failure) {

    /**
     * Creates an event without deployment or failure, as before they were reported.
     *
     * @param operation the operation id, such as {@code listUsers}
     * @param method the HTTP method
     * @param path the request path, without query
     * @param attempt 1 for the first attempt
     * @param status the HTTP status, or 0 when no response arrived
     * @param latency the time from sending to receiving the whole response
     */
    public RequestEvent(
        String operation, String method, String path, int attempt, int status, Duration latency) {
      this(operation, method, path, attempt, status, latency, null, null);
    }

    /**
     * Returns a copy naming the deployment the request went to.
     *
     * @param deployment the deployment, or null for a custom endpoint
     * @return the copy
     */
    public RequestEvent withDeployment(@Nullable Deployment deployment) {
      return new RequestEvent(
          operation, method, path, attempt, status, latency, deployment, failure);
    }
  }

  /**
   * One HTTP exchange (attempt) is about to be sent; exactly one {@link RequestEvent} follows it on
   * the same thread, whatever happens.
   *
   * @param operation the operation id, such as {@code listUsers}
   * @param method the HTTP method
   * @param attempt 1 for the first attempt
   */
  record RequestStartEvent(String operation, String method, int attempt) {}

  /**
   * A call is about to be retried.
   *
   * @param operation the operation id
   * @param nextAttempt the number of the coming attempt (2 for the first retry)
   * @param delay how long the client waits first
   * @param cause why the previous attempt failed
   */
  record RetryEvent(String operation, int nextAttempt, Duration delay, Throwable cause) {}

  /**
   * A call had to wait for quota, or the server said 429.
   *
   * @param operation the operation id
   * @param source whether the client-side limiter or the server throttled
   * @param waited how long the client waited (for the server, the advised wait if any)
   */
  record ThrottleEvent(String operation, Source source, Duration waited) {}

  /** Who throttled a call. */
  enum Source {
    /** The client-side quota limiter made the call wait. */
    CLIENT_QUOTA,
    /** The server answered 429. */
    SERVER
  }

  /**
   * The client followed a 301 to another deployment and will keep using it.
   *
   * @param operation the operation id
   * @param from the deployment the client was using, if it was a known one
   * @param to the deployment the client uses from now on
   */
  record RedirectEvent(String operation, @Nullable Deployment from, Deployment to) {}

  /**
   * Called just before each HTTP exchange is sent, after any wait for client-side quota; {@link
   * #onRequest(RequestEvent)} follows on the same thread. Useful for in-flight gauges and spans.
   *
   * @param event the exchange about to start
   */
  default void onRequestStarted(RequestStartEvent event) {}

  /**
   * Called after each HTTP exchange.
   *
   * @param event the exchange
   */
  default void onRequest(RequestEvent event) {}

  /**
   * Called before each retry.
   *
   * @param event the retry
   */
  default void onRetry(RetryEvent event) {}

  /**
   * Called when a call is throttled, by the client or the server.
   *
   * @param event the throttling
   */
  default void onThrottled(ThrottleEvent event) {}

  /**
   * Called when a deployment redirect is followed.
   *
   * @param event the redirect
   */
  default void onRedirected(RedirectEvent event) {}
}
