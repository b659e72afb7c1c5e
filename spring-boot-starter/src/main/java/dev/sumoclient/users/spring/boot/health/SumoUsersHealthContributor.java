package dev.sumoclient.users.spring.boot.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code sumoUsers} health indicator on Spring Boot 4.0 (the spring-boot-health API). */
public final class SumoUsersHealthContributor extends AbstractHealthIndicator {
  private final SumoUsersHealthCheck check;

  /**
   * Creates the indicator.
   *
   * @param check the shared, cached check
   */
  public SumoUsersHealthContributor(SumoUsersHealthCheck check) {
    super("Sumo Logic user-management API health check failed");
    this.check = check;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SumoUsersHealthCheck.Result result = check.check();
    (result.up() ? builder.up() : builder.down()).withDetails(result.details());
  }
}
