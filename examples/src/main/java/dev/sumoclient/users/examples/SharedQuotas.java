package dev.sumoclient.users.examples;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import java.net.URI;

/** The README's "Many services, one Sumo user": every replica shares one budget through Redis. */
public final class SharedQuotas {
  private SharedQuotas() {}

  /**
   * Builds a client whose quotas are shared through Redis with every other replica.
   *
   * @param redisUrl such as {@code rediss://quota-svc:secret@cache.internal:6380}
   * @param replicas how many replicas share the user, for the fallback's share
   * @return the client; the caller closes it, then the coordinator
   */
  static SumoUsersClient sharedClient(URI redisUrl, int replicas) {
    // readme:begin
    RedisQuotas quotas =
        RedisQuotas.builder(redisUrl) // redis:// or rediss://, with user:password if any
            .fallback(RedisQuotas.Fallback.IN_JVM) // the default: never fail because of Redis
            .fallbackShare(1.0 / replicas) // while Redis is away, each keeps to its share
            .build();
    SumoUsersClient client =
        SumoUsersClient.builder()
            .fromEnvironment()
            .quotaGroup("ops-automation@example.com") // every key of that user: one budget
            .quotaCoordinator(quotas) // close it after the client: a client never does
            .build();
    // readme:end
    return client;
  }
}
