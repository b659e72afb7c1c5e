package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.spring.boot.SumoUsersAutoConfiguration;
import dev.sumoclient.users.spring.boot.SumoUsersHealthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's conditions on this Spring Boot line's own classpath. */
class StarterConditionsTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SumoUsersAutoConfiguration.class, SumoUsersHealthAutoConfiguration.class))
          .withPropertyValues(
              "sumologic.users.deployment=us2",
              "sumologic.users.access-id=suSample",
              "sumologic.users.access-key=sample-key");

  @Test
  void runsOnTheSpringBootTheBuildChose() {
    assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("sample.boot.version"));
  }

  @Test
  void theHealthIndicatorIsOffByDefault() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(SumoUsersClient.class);
          assertThat(context).doesNotHaveBean("sumoUsersHealthIndicator");
        });
  }

  @Test
  void enabledItIsThisLinesHealthIndicator() {
    runner
        .withPropertyValues("sumologic.users.health.enabled=true")
        .run(
            context -> {
              Class<?> indicator = Class.forName(BootLine.current().healthIndicator);
              assertThat(context).hasSingleBean(indicator);
              assertThat(context.getBean("sumoUsersHealthIndicator")).isInstanceOf(indicator);
            });
  }

  @Test
  void anInvalidPropertyFailsStartup() {
    runner
        .withPropertyValues("sumologic.users.connect-timeout=0s")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining(
                        "Invalid Sumo Logic client property sumologic.users.connect-timeout"));
  }
}
