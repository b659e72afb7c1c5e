package dev.sumoclient.users.quota.redis.internal;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaCoordinatorProvider;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lets {@code SumoUsersClient.builder().fromEnvironment()} pick {@link RedisQuotas} from {@code
 * SUMOLOGIC_QUOTA_REDIS_URL}.
 *
 * <p>The fallback policy comes from {@code sumologic.quotaRedisFallback} / {@code
 * SUMOLOGIC_QUOTA_REDIS_FALLBACK} ({@code in-jvm} or {@code fail-fast}) and its share from {@code
 * sumologic.quotaRedisFallbackShare} / {@code SUMOLOGIC_QUOTA_REDIS_FALLBACK_SHARE}, system
 * properties first.
 */
public final class RedisQuotaCoordinatorProvider implements QuotaCoordinatorProvider {
  static final String FALLBACK_PROPERTY = "sumologic.quotaRedisFallback";
  static final String FALLBACK_VARIABLE = "SUMOLOGIC_QUOTA_REDIS_FALLBACK";
  static final String SHARE_PROPERTY = "sumologic.quotaRedisFallbackShare";
  static final String SHARE_VARIABLE = "SUMOLOGIC_QUOTA_REDIS_FALLBACK_SHARE";

  /** Called by {@link java.util.ServiceLoader}. */
  public RedisQuotaCoordinatorProvider() {}

  @Override
  public boolean supports(URI url) {
    String scheme = url.getScheme();
    return scheme != null
        && (scheme.equalsIgnoreCase("redis") || scheme.equalsIgnoreCase("rediss"));
  }

  @Override
  public QuotaCoordinator create(URI url) {
    return create(url, System::getProperty, System::getenv);
  }

  @Override
  public QuotaCoordinator create(
      URI url,
      Function<String, @Nullable String> properties,
      Function<String, @Nullable String> env) {
    return configure(RedisQuotas.builder(url), properties, env).build();
  }

  /**
   * Applies the fallback settings found in system properties, then the environment.
   *
   * @param builder the builder
   * @param properties system properties
   * @param env environment variables
   * @return the builder
   */
  private static RedisQuotas.Builder configure(
      RedisQuotas.Builder builder,
      Function<String, @Nullable String> properties,
      Function<String, @Nullable String> env) {
    String fallback = first(properties.apply(FALLBACK_PROPERTY), env.apply(FALLBACK_VARIABLE));
    if (fallback != null) {
      switch (fallback.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "in-jvm" -> builder.fallback(RedisQuotas.Fallback.IN_JVM);
        case "fail-fast" -> builder.fallback(RedisQuotas.Fallback.FAIL_FAST);
        default ->
            throw new SumoConfigurationException(
                FALLBACK_VARIABLE
                    + " (or "
                    + FALLBACK_PROPERTY
                    + ") must be in-jvm or fail-fast, was '"
                    + fallback
                    + "'");
      }
    }
    String share = first(properties.apply(SHARE_PROPERTY), env.apply(SHARE_VARIABLE));
    if (share != null) {
      try {
        builder.fallbackShare(Double.parseDouble(share.strip()));
      } catch (NumberFormatException e) {
        throw new SumoConfigurationException(
            SHARE_VARIABLE
                + " (or "
                + SHARE_PROPERTY
                + ") must be a number more than 0 and at most 1, was '"
                + share
                + "'");
      }
    }
    return builder;
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}
