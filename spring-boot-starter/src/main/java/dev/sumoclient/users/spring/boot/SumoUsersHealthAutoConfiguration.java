package dev.sumoclient.users.spring.boot;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.spring.boot.health.SumoUsersHealthCheck;
import dev.sumoclient.users.spring.boot.health.SumoUsersHealthContributor;
import dev.sumoclient.users.spring.boot.health.SumoUsersHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code sumoUsers} health indicator when {@code sumologic.users.health.enabled=true}
 * (off by default: each check costs one API call against the 4 requests/s quota), on whichever
 * Spring Boot line's health API is present.
 */
@AutoConfiguration(after = SumoUsersAutoConfiguration.class)
@ConditionalOnBean(SumoUsersClient.class)
@ConditionalOnProperty(
    prefix = SumoUsersProperties.PREFIX,
    name = "health.enabled",
    havingValue = "true")
public class SumoUsersHealthAutoConfiguration {

  /** Created by Spring. */
  public SumoUsersHealthAutoConfiguration() {}

  /**
   * The check both indicators share, caching its result.
   *
   * @param client the client
   * @param properties the bound properties
   * @return the check
   */
  @Bean
  @ConditionalOnMissingBean
  public SumoUsersHealthCheck sumoUsersHealthCheck(
      SumoUsersClient client, SumoUsersProperties properties) {
    if (properties.getHealth().getCacheTtl().isNegative()) {
      throw new InvalidSumoPropertyException(
          SumoUsersProperties.PREFIX + ".health.cache-ttl", "must be zero or positive");
    }
    return new SumoUsersHealthCheck(client, properties.getHealth().getCacheTtl());
  }

  /** Spring Boot 3.5: Actuator's health API. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
  static class Boot3 {
    @Bean
    @ConditionalOnMissingBean(name = "sumoUsersHealthIndicator")
    SumoUsersHealthIndicator sumoUsersHealthIndicator(SumoUsersHealthCheck check) {
      return new SumoUsersHealthIndicator(check);
    }
  }

  /** Spring Boot 4.0: the spring-boot-health API. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
  static class Boot4 {
    @Bean
    @ConditionalOnMissingBean(name = "sumoUsersHealthIndicator")
    SumoUsersHealthContributor sumoUsersHealthIndicator(SumoUsersHealthCheck check) {
      return new SumoUsersHealthContributor(check);
    }
  }
}
