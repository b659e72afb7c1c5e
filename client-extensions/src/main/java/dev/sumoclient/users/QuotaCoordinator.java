package dev.sumoclient.users;

import dev.sumoclient.users.internal.InJvmQuotaCoordinator;
import java.time.Duration;

/**
 * Decides when a request may be sent, so that every client sharing a budget keeps to Sumo Logic's
 * quotas.
 *
 * <p>Sumo Logic allows 4 requests per second per user (across all of the user's access keys) and 10
 * concurrent requests per access key, and answers 429 above either. Before every attempt the client
 * {@linkplain #acquire acquires} a {@link QuotaPermit} under the request's {@link QuotaKey}: the
 * rate budget is shared by every request of the key's {@linkplain QuotaKey#group() group}, the
 * in-flight cap by every request of its {@linkplain QuotaKey#accessId() access id}.
 *
 * <p>The default, {@link #inJvm()}, coordinates the clients of one JVM. Several processes that use
 * one Sumo user (replicas of a service, or several services sharing an automation user) need a
 * coordinator they all reach, such as the Redis one of the {@code sumo-users-quota-redis} module;
 * pick it with {@link SumoUsersClient.Builder#quotaCoordinator(QuotaCoordinator)} or, through
 * {@link QuotaCoordinatorProvider}, from the environment.
 *
 * <p>Implementations are thread-safe, and a client never closes a coordinator it was given.
 */
public interface QuotaCoordinator extends AutoCloseable {

  /**
   * Waits until one request under {@code key} may be sent.
   *
   * @param key the group whose rate budget and the access id whose in-flight cap apply
   * @param quotas the limits to keep to
   * @param maxWait the longest the caller may wait; zero asks without waiting
   * @return the permit, to be closed when the exchange is over
   * @throws SumoTimeoutException when {@code maxWait} would pass before a permit is free; a
   *     coordinator that can tell in advance fails at once instead of waiting in vain
   * @throws InterruptedException when the waiting thread is interrupted
   */
  QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait) throws InterruptedException;

  /** Releases what the coordinator holds (connections, threads); by default nothing. */
  @Override
  default void close() {}

  /**
   * Returns the coordinator of this JVM, the default: one rate budget per quota group and one
   * in-flight cap per access id, shared by every client in the JVM that uses it.
   *
   * <p>Requests are served in arrival order. A request holds a rate slot from when it is granted
   * until Sumo Logic has certainly counted it, not for its whole exchange, so slow calls do not
   * stall fast ones.
   *
   * @return the shared in-JVM coordinator
   */
  static QuotaCoordinator inJvm() {
    return InJvmQuotaCoordinator.shared();
  }
}
