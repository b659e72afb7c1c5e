package dev.sumoclient.users.emulator;

import dev.sumoclient.users.emulator.internal.FaultState;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Failures to inject into API requests, switchable while the emulator runs.
 *
 * <p>They apply in this order: a dropped connection, then the wrong-deployment redirect (before
 * authentication, as a deployment that does not hold the account cannot check its keys), then
 * authentication and quotas, then the added latency, then a planned failure. Requests to {@code
 * /__admin} are never affected. Every method returns this object, for chaining.
 */
public final class Faults {
  private final FaultState state;

  Faults(FaultState state) {
    this.state = state;
  }

  /**
   * Delays every API request by {@code latency} before it is answered ({@code ZERO} for none).
   *
   * @param latency the delay added to each API request; replaces any earlier setting
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public Faults latency(Duration latency) {
    state.latency(Objects.requireNonNull(latency, "latency"));
    return this;
  }

  /**
   * The latency now added to every API request.
   *
   * @return the added delay, {@code ZERO} when none
   */
  public Duration latency() {
    return state.latency();
  }

  /**
   * Answers the next {@code count} API requests with {@code status} and Sumo's error body.
   *
   * <p>Codes follow the status: 429 {@code rate.limit.exceeded}, 500 {@code internal.error}, 502
   * {@code bad.gateway}, 503 {@code service.unavailable}, 504 {@code gateway.timeout}, anything
   * else {@code emulator:injected_fault}. Calls add up: planned failures are used in order.
   *
   * @param count how many of the next API requests fail
   * @param status the HTTP status to answer them with, from 400 to 599
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code count} is negative or {@code status} is not from 400
   *     to 599
   */
  public Faults failNext(int count, int status) {
    state.failNext(count, status, null);
    return this;
  }

  /**
   * Like {@link #failNext(int, int)}, also sending {@code Retry-After} in whole seconds.
   *
   * @param count how many of the next API requests fail
   * @param status the HTTP status to answer them with, from 400 to 599
   * @param retryAfter how long the client is told to wait, sent in whole seconds
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code count} or {@code retryAfter} is negative, or {@code
   *     status} is not from 400 to 599
   */
  public Faults failNext(int count, int status, Duration retryAfter) {
    state.failNext(count, status, Objects.requireNonNull(retryAfter, "retryAfter"));
    return this;
  }

  /**
   * How many planned failures are still to come.
   *
   * @return the number of API requests that will still be failed, 0 when none
   */
  public int pendingFailures() {
    return state.pendingFailures();
  }

  /**
   * Closes the connection of the next {@code count} API requests without answering.
   *
   * @param count how many of the next API requests lose their connection; adds to any still to come
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public Faults dropNextConnections(int count) {
    state.dropNext(count);
    return this;
  }

  /**
   * How many connection drops are still to come.
   *
   * @return the number of API requests whose connection will still be dropped, 0 when none
   */
  public int pendingDrops() {
    return state.pendingDrops();
  }

  /**
   * Answers every API request with 301 and a {@code Location} on another deployment, as Sumo Logic
   * does when the account lives elsewhere.
   *
   * @param otherDeploymentBase the other deployment's API base URL, e.g. {@code
   *     https://api.us2.sumologic.com/api}; the request's path after {@code /api} and its query are
   *     appended
   * @return this object, for chaining
   * @throws IllegalArgumentException if {@code otherDeploymentBase} is not an absolute URL with a
   *     host
   */
  public Faults wrongDeployment(URI otherDeploymentBase) {
    state.wrongDeployment(Objects.requireNonNull(otherDeploymentBase, "otherDeploymentBase"));
    return this;
  }

  /**
   * Ends the wrong-deployment mode.
   *
   * @return this object, for chaining
   */
  public Faults rightDeployment() {
    state.wrongDeployment(null);
    return this;
  }

  /**
   * The deployment requests are redirected to, if the wrong-deployment mode is on.
   *
   * @return the other deployment's API base URL, or empty when requests are served normally
   */
  public Optional<URI> wrongDeployment() {
    return Optional.ofNullable(state.wrongDeployment());
  }

  /**
   * Switches every fault off.
   *
   * @return this object, for chaining
   */
  public Faults clear() {
    state.clear();
    return this;
  }

  @Override
  public String toString() {
    return "Faults[latency="
        + latency()
        + ", pendingFailures="
        + pendingFailures()
        + ", pendingDrops="
        + pendingDrops()
        + ", wrongDeployment="
        + wrongDeployment().map(URI::toString).orElse("off")
        + "]";
  }
}
