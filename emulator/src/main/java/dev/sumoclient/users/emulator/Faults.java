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

  /** Delays every API request by {@code latency} before it is answered ({@code ZERO} for none). */
  public Faults latency(Duration latency) {
    state.latency(Objects.requireNonNull(latency, "latency"));
    return this;
  }

  /** The latency now added to every API request. */
  public Duration latency() {
    return state.latency();
  }

  /**
   * Answers the next {@code count} API requests with {@code status} and Sumo's error body.
   *
   * <p>Codes follow the status: 429 {@code rate.limit.exceeded}, 500 {@code internal.error}, 502
   * {@code bad.gateway}, 503 {@code service.unavailable}, 504 {@code gateway.timeout}, anything
   * else {@code emulator:injected_fault}. Calls add up: planned failures are used in order.
   */
  public Faults failNext(int count, int status) {
    state.failNext(count, status, null);
    return this;
  }

  /** Like {@link #failNext(int, int)}, also sending {@code Retry-After} in whole seconds. */
  public Faults failNext(int count, int status, Duration retryAfter) {
    state.failNext(count, status, Objects.requireNonNull(retryAfter, "retryAfter"));
    return this;
  }

  /** How many planned failures are still to come. */
  public int pendingFailures() {
    return state.pendingFailures();
  }

  /** Closes the connection of the next {@code count} API requests without answering. */
  public Faults dropNextConnections(int count) {
    state.dropNext(count);
    return this;
  }

  /** How many connection drops are still to come. */
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
   */
  public Faults wrongDeployment(URI otherDeploymentBase) {
    state.wrongDeployment(Objects.requireNonNull(otherDeploymentBase, "otherDeploymentBase"));
    return this;
  }

  /** Ends the wrong-deployment mode. */
  public Faults rightDeployment() {
    state.wrongDeployment(null);
    return this;
  }

  /** The deployment requests are redirected to, if the wrong-deployment mode is on. */
  public Optional<URI> wrongDeployment() {
    return Optional.ofNullable(state.wrongDeployment());
  }

  /** Switches every fault off. */
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
