package dev.sumoclient.users.spring.boot.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The {@code sumoUsers} health indicator on Spring Boot 3.5 (Actuator's health API). */
public final class SumoUsersHealthIndicator extends AbstractHealthIndicator {
  private final SumoUsersHealthCheck check;

  /**
   * Creates the indicator.
   *
   * @param check the shared, cached check
   */
  public SumoUsersHealthIndicator(SumoUsersHealthCheck check) {
    super("Sumo Logic user-management API health check failed");
    this.check = check;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SumoUsersHealthCheck.Result result = check.check();
    (result.up() ? builder.up() : builder.down()).withDetails(result.details());
  }
}
