package dev.sumoclient.users.spring.boot.health;

import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoException;
import dev.sumoclient.users.SumoServiceException;
import dev.sumoclient.users.SumoUsersClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The health check both Spring Boot lines' indicators share: one {@code listUsers} call for one
 * user, its result reused for the cache time so that health probes never eat the 4 requests/s
 * quota.
 */
public final class SumoUsersHealthCheck {
  private final SumoUsersClient client;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private @Nullable Result last;
  private long lastAt;

  /**
   * The outcome of one check.
   *
   * @param up whether the API answered
   * @param details what to show under the indicator
   */
  public record Result(boolean up, Map<String, Object> details) {}

  /**
   * Creates the check.
   *
   * @param client the client to check
   * @param ttl how long a result is reused; zero for never
   */
  public SumoUsersHealthCheck(SumoUsersClient client, Duration ttl) {
    this(client, ttl, System::nanoTime);
  }

  SumoUsersHealthCheck(SumoUsersClient client, Duration ttl, LongSupplier nanoTime) {
    this.client = client;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Returns the cached result, or checks once more when it is older than the cache time.
   *
   * @return the result
   */
  public synchronized Result check() {
    long now = nanoTime.getAsLong();
    Result cached = last;
    if (cached != null && ttlNanos > 0 && now - lastAt < ttlNanos) {
      return cached;
    }
    Result fresh = callApi();
    last = fresh;
    lastAt = now;
    return fresh;
  }

  private Result callApi() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deployment", client.deployment().map(d -> d.code()).orElse("custom endpoint"));
    try {
      client.listUsers(ListUsersRequest.builder().limit(1).build()).pages().iterator().next();
      return new Result(true, details);
    } catch (SumoException e) {
      details.put("error", e.getClass().getSimpleName());
      if (e instanceof SumoServiceException service) {
        details.put("status", service.status());
      }
      return new Result(false, details);
    }
  }
}
