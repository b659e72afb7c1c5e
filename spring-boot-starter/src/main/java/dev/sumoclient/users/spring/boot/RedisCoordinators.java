package dev.sumoclient.users.spring.boot;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import java.net.URI;
import java.util.Objects;

/**
 * Builds the Redis coordinator; loaded only when {@code sumo-users-quota-redis} is present.
 *
 * <p>Errors never repeat the URL, which may carry a password.
 */
final class RedisCoordinators {
  private static final String P = SumoUsersProperties.PREFIX + ".quota.redis.";

  private RedisCoordinators() {}

  static QuotaCoordinator create(SumoUsersProperties.Redis redis) {
    URI url = Objects.requireNonNull(redis.getUrl(), "url");
    RedisQuotas.Builder builder;
    try {
      builder = RedisQuotas.builder(url);
    } catch (SumoConfigurationException | SumoValidationException e) {
      throw new InvalidSumoPropertyException(
          P + "url", "must be a redis:// or rediss:// URL with a host");
    }
    try {
      builder.fallbackShare(redis.getFallbackShare());
    } catch (SumoConfigurationException | SumoValidationException e) {
      throw new InvalidSumoPropertyException(
          P + "fallback-share", "must be more than 0 and at most 1");
    }
    try {
      builder.commandTimeout(redis.getCommandTimeout());
    } catch (SumoConfigurationException | SumoValidationException e) {
      throw new InvalidSumoPropertyException(P + "command-timeout", "must be a positive duration");
    }
    builder.fallback(
        redis.getFallback() == SumoUsersProperties.Fallback.FAIL_FAST
            ? RedisQuotas.Fallback.FAIL_FAST
            : RedisQuotas.Fallback.IN_JVM);
    return builder.build();
  }
}
