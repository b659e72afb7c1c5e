package example;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.micrometer.MicrometerClientListener;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;

/** The service's own wiring: one budget shared by its replicas through Redis, metered. */
public final class QuotaService {
  private QuotaService() {}

  /** The coordinator every replica builds; the service closes it after its client. */
  public static RedisQuotas quotas(URI redisUrl, int replicas) {
    return RedisQuotas.builder(redisUrl)
        .fallback(RedisQuotas.Fallback.IN_JVM)
        .fallbackShare(1.0 / replicas)
        .connectTimeout(Duration.ofMillis(500))
        .build();
  }

  /** Adds the shared quotas and the meters to a client's builder (endpoint and keys set apart). */
  public static SumoUsersClient.Builder configure(
      SumoUsersClient.Builder builder, RedisQuotas quotas, MeterRegistry registry) {
    return builder
        .quotaGroup("ops-automation@example.com")
        .quotaCoordinator(quotas)
        .listener(new MicrometerClientListener(registry));
  }
}
