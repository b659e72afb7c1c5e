package example;

import org.springframework.boot.SpringBootVersion;

/** What differs between the Spring Boot lines this one sample is built on (-Pboot4 or not). */
enum BootLine {
  /** Spring Boot 3.5: Actuator's health API; Jackson 2 everywhere. */
  BOOT3("dev.sumoclient.users.spring.boot.health.SumoUsersHealthIndicator", null),
  /** Spring Boot 4.0: the spring-boot-health API; Jackson 3 for the web stack. */
  BOOT4(
      "dev.sumoclient.users.spring.boot.health.SumoUsersHealthContributor",
      "tools.jackson.databind.ObjectMapper");

  /** The starter's health indicator class for this line. */
  final String healthIndicator;

  /** The framework's own JSON mapper when it is not the client's Jackson 2, else null. */
  final String frameworkJackson;

  BootLine(String healthIndicator, String frameworkJackson) {
    this.healthIndicator = healthIndicator;
    this.frameworkJackson = frameworkJackson;
  }

  /** The line of the Spring Boot on the class path. */
  static BootLine current() {
    return SpringBootVersion.getVersion().startsWith("4.") ? BOOT4 : BOOT3;
  }
}
