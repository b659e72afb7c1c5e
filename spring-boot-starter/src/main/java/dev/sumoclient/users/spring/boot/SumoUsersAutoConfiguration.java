package dev.sumoclient.users.spring.boot;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.RetryPolicy;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.SumoValidationException;
import dev.sumoclient.users.micrometer.MicrometerClientListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures one {@link SumoUsersClient} from {@code sumologic.users.*}, closed with the
 * context, unless the application defines its own; every {@link ClientListener} bean hears its
 * traffic, and Micrometer meters are recorded when a {@link MeterRegistry} bean exists.
 *
 * <p>Works on Spring Boot 3.5 and 4.0; ordered after both lines' meter registry
 * auto-configurations.
 */
@AutoConfiguration(
    afterName = {
      // Spring Boot 3.5
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      // Spring Boot 4.0
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(SumoUsersClient.class)
@ConditionalOnProperty(
    prefix = SumoUsersProperties.PREFIX,
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(SumoUsersProperties.class)
public class SumoUsersAutoConfiguration {
  private static final String P = SumoUsersProperties.PREFIX + ".";

  /** Created by Spring. */
  public SumoUsersAutoConfiguration() {}

  /**
   * The client, built from the properties and falling back to the environment chain.
   *
   * @param properties the bound properties
   * @param listeners every listener bean, in order
   * @param coordinators the quota coordinator bean, such as the Redis one, if any
   * @return the client, closed with the context
   * @throws InvalidSumoPropertyException when a property holds a value the client refuses
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public SumoUsersClient sumoUsersClient(
      SumoUsersProperties properties,
      ObjectProvider<ClientListener> listeners,
      ObjectProvider<QuotaCoordinator> coordinators) {
    SumoUsersClient.Builder builder = SumoUsersClient.builder();
    boolean hasTarget = properties.getDeployment() != null || properties.getEndpoint() != null;
    boolean hasCredentials = properties.getAccessId() != null || properties.getAccessKey() != null;
    if (!hasTarget || !hasCredentials) {
      try {
        builder.fromEnvironment();
      } catch (SumoValidationException e) {
        // The client names the system property or environment variable that holds the value.
        SumoValidationException.Violation first = e.violations().get(0);
        throw new InvalidSumoPropertyException(first.field(), first.rule());
      }
    }
    String deployment = properties.getDeployment();
    if (deployment != null) {
      set("deployment", () -> builder.deployment(Deployment.parse(deployment)));
    }
    URI endpoint = properties.getEndpoint();
    if (endpoint != null) {
      // The client refuses user info in the endpoint at build time, opaque forms included.
      set("endpoint", () -> builder.endpoint(endpoint));
    }
    if (hasCredentials) {
      String id = properties.getAccessId();
      String key = properties.getAccessKey();
      if (id == null || id.isBlank()) {
        throw new InvalidSumoPropertyException(P + "access-id", "must be set when access-key is");
      }
      if (key == null || key.isBlank()) {
        throw new InvalidSumoPropertyException(P + "access-key", "must be set when access-id is");
      }
      set(
          field -> field.contains("accessKey") ? "access-key" : "access-id",
          () -> builder.credentials(id, key));
    }
    builder.allowInsecureHttp(properties.isAllowInsecureHttp());
    builder.followDeploymentRedirects(properties.isFollowDeploymentRedirects());
    String applicationName = properties.getApplicationName();
    if (applicationName != null) {
      set("application-name", () -> builder.applicationName(applicationName));
    }
    set("connect-timeout", () -> builder.connectTimeout(properties.getConnectTimeout()));
    set("read-timeout", () -> builder.readTimeout(properties.getReadTimeout()));
    set("call-timeout", () -> builder.callTimeout(properties.getCallTimeout()));
    SumoUsersProperties.Retry retry = properties.getRetry();
    set(
        field ->
            switch (field) {
              case "baseDelay" -> "retry.base-delay";
              case "maxDelay" -> "retry.max-delay";
              default -> "retry.max-retries";
            },
        () ->
            builder.retryPolicy(
                RetryPolicy.builder()
                    .maxRetries(retry.getMaxRetries())
                    .baseDelay(retry.getBaseDelay())
                    .maxDelay(retry.getMaxDelay())
                    .honorRetryAfter(retry.isHonorRetryAfter())
                    .build()));
    SumoUsersProperties.Quota quota = properties.getQuota();
    builder.rateLimiting(quota.isEnabled());
    set(
        field ->
            switch (field) {
              case "per" -> "quota.per";
              case "maxConcurrent" -> "quota.max-concurrent";
              default -> "quota.requests";
            },
        () ->
            builder.quotas(
                Quotas.of(quota.getRequests(), quota.getPer(), quota.getMaxConcurrent())));
    String group = quota.getGroup();
    if (group != null) {
      set("quota.group", () -> builder.quotaGroup(group));
    }
    QuotaCoordinator coordinator = coordinators.getIfUnique();
    if (coordinator != null) {
      // The coordinator bean is closed by the context after this client, which depends on it.
      builder.quotaCoordinator(coordinator);
    } else if (quota.getRedis().getUrl() != null) {
      throw new InvalidSumoPropertyException(
          P + "quota.redis.url",
          "needs dev.sumoclient:sumo-users-quota-redis on the classpath (or a QuotaCoordinator"
              + " bean)");
    }
    List<ClientListener> all = listeners.orderedStream().toList();
    if (!all.isEmpty()) {
      builder.listener(all.size() == 1 ? all.get(0) : new CompositeClientListener(all));
    }
    try {
      return builder.build();
    } catch (SumoConfigurationException e) {
      throw fromBuild(e.getMessage() == null ? "" : e.getMessage());
    }
  }

  /** Names the property behind one of the client's configuration errors at build time. */
  private static InvalidSumoPropertyException fromBuild(String message) {
    if (message.startsWith("No deployment")) {
      return new InvalidSumoPropertyException(
          P + "deployment", "(or " + P + "endpoint) must be set: " + message);
    }
    if (message.startsWith("endpoint ")) {
      String rule = message.substring("endpoint ".length());
      if (rule.startsWith("must not carry user information")) {
        // The client's advice names its builder; here the credentials have properties.
        rule = "must not carry user information (set access-id and access-key instead)";
      } else if (rule.contains("plain http")) {
        rule += " (set " + P + "allow-insecure-http=true to allow it)";
      }
      return new InvalidSumoPropertyException(P + "endpoint", rule);
    }
    return new InvalidSumoPropertyException(
        P + "access-id", "and " + P + "access-key must be valid: " + message);
  }

  private static void set(String property, Runnable setter) {
    set(field -> property, setter);
  }

  /** Runs a builder call, reporting the client's refusal under the property it came from. */
  private static void set(Function<String, String> propertyOfField, Runnable setter) {
    try {
      setter.run();
    } catch (SumoValidationException e) {
      SumoValidationException.Violation first = e.violations().get(0);
      throw new InvalidSumoPropertyException(
          P + propertyOfField.apply(first.field()), first.rule());
    }
  }

  /**
   * The Redis quota coordinator, when {@code sumo-users-quota-redis} is on the classpath and {@code
   * sumologic.users.quota.redis.url} is set.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.sumoclient.users.quota.redis.RedisQuotas")
  @ConditionalOnProperty(prefix = SumoUsersProperties.PREFIX, name = "quota.redis.url")
  static class Redis {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(QuotaCoordinator.class)
    QuotaCoordinator sumoUsersRedisQuotas(SumoUsersProperties properties) {
      return RedisCoordinators.create(properties.getQuota().getRedis());
    }
  }

  /** Records the client's meters in the application's registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, MicrometerClientListener.class})
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnProperty(
      prefix = SumoUsersProperties.PREFIX,
      name = "metrics.enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    MicrometerClientListener sumoUsersMicrometerListener(MeterRegistry registry) {
      return new MicrometerClientListener(registry);
    }
  }
}
