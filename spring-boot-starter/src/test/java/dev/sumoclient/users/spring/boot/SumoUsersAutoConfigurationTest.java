package dev.sumoclient.users.spring.boot;

import static dev.sumoclient.users.spring.boot.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.SumoEmulatorExtension;
import dev.sumoclient.users.micrometer.MicrometerClientListener;
import dev.sumoclient.users.spring.boot.health.SumoUsersHealthCheck;
import dev.sumoclient.users.spring.boot.health.SumoUsersHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

class SumoUsersAutoConfigurationTest {
  private static final AtomicInteger IDS = new AtomicInteger();

  @RegisterExtension
  static final SumoEmulatorExtension SUMO = SumoEmulatorExtension.configured(b -> b.seedUsers(1));

  private final SumoEmulator emulator;
  private final String userId;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SumoUsersAutoConfiguration.class, SumoUsersHealthAutoConfiguration.class));

  SumoUsersAutoConfigurationTest(SumoEmulator emulator) {
    this.emulator = emulator;
    this.userId = emulator.users().get(0).id();
  }

  /** Properties pointing at the class's shared emulator. */
  private String[] emulatorProperties() {
    return propertiesFor(emulator);
  }

  /** Properties pointing at {@code emulator} with its credentials. */
  private static String[] propertiesFor(SumoEmulator emulator) {
    return new String[] {
      "sumologic.users.endpoint=" + emulator.baseUri(),
      "sumologic.users.access-id=" + emulator.accessKey().id(),
      "sumologic.users.access-key=" + emulator.accessKey().key()
    };
  }

  /**
   * An emulator of the test's own, for faults and journals no other test sees; its access id is
   * used by no other test, so its client's quota budget is its own too.
   */
  private static SumoEmulator.Builder ownEmulator() {
    return SumoEmulator.builder().accessKey("suStarter" + IDS.incrementAndGet(), "k");
  }

  @Test
  void oneClientIsBuiltFromThePropertiesAndTalksToTheEndpoint() {
    runner
        .withPropertyValues(emulatorProperties())
        .run(
            context -> {
              assertThat(context).hasSingleBean(SumoUsersClient.class);
              SumoUsersClient client = context.getBean(SumoUsersClient.class);
              assertThat(client.endpoint().toString()).startsWith(emulator.baseUri().toString());
              assertThat(client.getUser(userId).getId()).isEqualTo(userId);
            });
  }

  @Test
  void theDeploymentPropertySelectsTheDeployment() {
    runner
        .withPropertyValues(
            "sumologic.users.deployment=eu",
            "sumologic.users.access-id=suSomeId",
            "sumologic.users.access-key=some-key")
        .run(
            context ->
                assertThat(context.getBean(SumoUsersClient.class).deployment())
                    .contains(Deployment.EU));
  }

  @Test
  void withoutPropertiesTheClientsEnvironmentChainIsUsed() {
    System.setProperty("sumologic.environment", "jp");
    System.setProperty("sumologic.accessId", "suFromSystemProperties");
    System.setProperty("sumologic.accessKey", "key-from-system-properties");
    try {
      runner.run(
          context -> {
            SumoUsersClient client = context.getBean(SumoUsersClient.class);
            assertThat(client.deployment()).contains(Deployment.JP);
            assertThat(client.toString()).contains("suFromSystemProperties");
          });
    } finally {
      System.clearProperty("sumologic.environment");
      System.clearProperty("sumologic.accessId");
      System.clearProperty("sumologic.accessKey");
    }
  }

  @Test
  void propertiesWinOverTheEnvironmentChain() {
    System.setProperty("sumologic.environment", "jp");
    try {
      runner
          .withPropertyValues(
              "sumologic.users.deployment=us2",
              "sumologic.users.access-id=suFromProperties",
              "sumologic.users.access-key=k")
          .run(
              context -> {
                SumoUsersClient client = context.getBean(SumoUsersClient.class);
                assertThat(client.deployment()).contains(Deployment.US2);
                assertThat(client.toString()).contains("suFromProperties");
              });
    } finally {
      System.clearProperty("sumologic.environment");
    }
  }

  @Test
  void anApplicationsOwnClientWins() {
    runner
        .withPropertyValues(emulatorProperties())
        .withBean(
            "myClient",
            SumoUsersClient.class,
            () ->
                SumoUsersClient.builder()
                    .deployment(Deployment.CA)
                    .credentials("suMine", "mine")
                    .build())
        .run(
            context -> {
              assertThat(context).hasSingleBean(SumoUsersClient.class);
              assertThat(context).hasBean("myClient");
            });
  }

  @Test
  void enabledFalseLeavesTheClientOut() {
    runner
        .withPropertyValues(emulatorProperties())
        .withPropertyValues("sumologic.users.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SumoUsersClient.class));
  }

  @Test
  void withoutTheClientOnTheClasspathNothingIsConfigured() {
    runner
        .withPropertyValues(emulatorProperties())
        .withClassLoader(new FilteredClassLoader(SumoUsersClient.class))
        .run(context -> assertThat(context).doesNotHaveBean("sumoUsersClient"));
  }

  @Test
  void theClientIsClosedWithTheContext() {
    SumoUsersClient[] client = new SumoUsersClient[1];
    runner
        .withPropertyValues(emulatorProperties())
        .run(context -> client[0] = context.getBean(SumoUsersClient.class));
    assertThatThrownBy(() -> client[0].getUser(userId))
        .isInstanceOf(SumoClientException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void timeoutsRetriesQuotasAndTheApplicationNameAreApplied() {
    // A quota of one request per 2 s makes the second call wait; a retry-less policy fails fast.
    try (SumoEmulator own = ownEmulator().start()) {
      own.faults().failNext(1, 503);
      runner
          .withPropertyValues(propertiesFor(own))
          .withPropertyValues(
              "sumologic.users.retry.max-retries=0",
              "sumologic.users.application-name=user-sync/2.1",
              "sumologic.users.quota.requests=1",
              "sumologic.users.quota.per=2s",
              "sumologic.users.call-timeout=1s")
          .run(
              context -> {
                SumoUsersClient client = context.getBean(SumoUsersClient.class);
                assertThatThrownBy(() -> client.getUser("0000000000000001"))
                    .hasMessageContaining("503");
                // The quota slot is still taken: waiting 2 s passes the 1 s call deadline.
                assertThatThrownBy(() -> client.getUser("0000000000000001"))
                    .isInstanceOf(dev.sumoclient.users.SumoTimeoutException.class);
              });
      assertThat(own.journal().requests()).hasSize(1);
      assertThat(own.journal().requests().get(0).headers().toString()).contains("user-sync/2.1");
    }
  }

  @Test
  void quotaEnabledFalseSendsWithoutWaiting() {
    try (SumoEmulator own = ownEmulator().seedUsers(1).limits(false).start()) {
      String id = own.users().get(0).id();
      runner
          .withPropertyValues(propertiesFor(own))
          .withPropertyValues(
              "sumologic.users.quota.enabled=false",
              "sumologic.users.quota.requests=1",
              "sumologic.users.quota.per=10s",
              "sumologic.users.call-timeout=2s")
          .run(
              context -> {
                SumoUsersClient client = context.getBean(SumoUsersClient.class);
                client.getUser(id);
                client.getUser(id);
              });
      assertThat(own.journal().requests()).hasSize(2);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "sumologic.users.connect-timeout, 0s, sumologic.users.connect-timeout, positive",
    "sumologic.users.read-timeout, -1s, sumologic.users.read-timeout, positive",
    "sumologic.users.call-timeout, 0s, sumologic.users.call-timeout, positive",
    "sumologic.users.deployment, api.example.com, sumologic.users.deployment, deployment code",
    "sumologic.users.retry.max-retries, -1, sumologic.users.retry.max-retries, 0",
    "sumologic.users.retry.base-delay, 0s, sumologic.users.retry.base-delay, positive",
    "sumologic.users.retry.max-delay, 0s, sumologic.users.retry.max-delay, positive",
    "sumologic.users.quota.requests, 0, sumologic.users.quota.requests, 1",
    "sumologic.users.quota.per, 0s, sumologic.users.quota.per, positive",
    "sumologic.users.quota.max-concurrent, 0, sumologic.users.quota.max-concurrent, 1",
    "sumologic.users.application-name, my app, sumologic.users.application-name, token",
    "sumologic.users.access-key, '', sumologic.users.access-key, must be set",
  })
  void anInvalidValueFailsStartupNamingTheProperty(
      String property, String value, String named, String rule) {
    runner
        .withPropertyValues(
            "sumologic.users.deployment=us2",
            "sumologic.users.access-id=suSomeId",
            "sumologic.users.access-key=some-key")
        .withPropertyValues(property + "=" + value)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("'" + named + "'").contains(rule);
              assertThat(analysis.getAction()).contains(named);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://suId:SECRETKEY@gateway.example.test/api",
        "https:suId:SECRETKEY@gateway.example.test/api"
      })
  void anEndpointWithUserInfoIsRefusedWithoutEchoingIt(String endpoint) {
    runner
        .withPropertyValues(
            "sumologic.users.endpoint=" + endpoint,
            "sumologic.users.access-id=suSomeId",
            "sumologic.users.access-key=some-key")
        .run(
            context -> {
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("'sumologic.users.endpoint'")
                  .contains("set access-id and access-key instead")
                  .doesNotContain("SECRETKEY");
              assertThat(context.getStartupFailure()).hasStackTraceContaining("user info");
              assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain("SECRETKEY");
            });
  }

  @Test
  void plainHttpToARemoteHostNamesTheEndpointAndTheSwitch() {
    runner
        .withPropertyValues(
            "sumologic.users.endpoint=http://gateway.example.test/api",
            "sumologic.users.access-id=suSomeId",
            "sumologic.users.access-key=some-key")
        .run(
            context ->
                assertThat(analyze(context.getStartupFailure()).getDescription())
                    .contains("'sumologic.users.endpoint'")
                    .contains("sumologic.users.allow-insecure-http=true"));
    runner
        .withPropertyValues(
            "sumologic.users.endpoint=http://gateway.example.test/api",
            "sumologic.users.allow-insecure-http=true",
            "sumologic.users.access-id=suSomeId",
            "sumologic.users.access-key=some-key")
        .run(context -> assertThat(context).hasSingleBean(SumoUsersClient.class));
  }

  @Test
  void noDeploymentAnywhereNamesTheDeploymentProperty() {
    runner
        .withPropertyValues(
            "sumologic.users.access-id=suSomeId", "sumologic.users.access-key=some-key")
        .run(
            context ->
                assertThat(analyze(context.getStartupFailure()).getDescription())
                    .contains("'sumologic.users.deployment'"));
  }

  @Test
  void aValueOfTheWrongTypeIsReportedBySpringBootNamingTheProperty() {
    runner
        .withPropertyValues(emulatorProperties())
        .withPropertyValues("sumologic.users.connect-timeout=soon")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("sumologic.users.connect-timeout"));
  }

  @Test
  void theFailureAnalyzerIsRegistered() {
    // Other analyzers need constructor arguments Spring Boot supplies; only ours matters here.
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(
                    FailureAnalyzer.class,
                    null,
                    SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {})))
        .hasAtLeastOneElementOfType(InvalidSumoPropertyFailureAnalyzer.class);
  }

  @Test
  void metersAreRecordedWhenAMeterRegistryBeanExists() {
    runner
        .withPropertyValues(emulatorProperties())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasSingleBean(MicrometerClientListener.class);
              context.getBean(SumoUsersClient.class).getUser(userId);
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get(MicrometerClientListener.REQUESTS)
                          .tag("operation", "getUser")
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  @Test
  void noMeterRegistryNoMetricsListener() {
    runner
        .withPropertyValues(emulatorProperties())
        .run(context -> assertThat(context).doesNotHaveBean(MicrometerClientListener.class));
  }

  @Test
  void metricsEnabledFalseRecordsNothing() {
    runner
        .withPropertyValues(emulatorProperties())
        .withPropertyValues("sumologic.users.metrics.enabled=false")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> assertThat(context).doesNotHaveBean(MicrometerClientListener.class));
  }

  @Test
  void withoutTheMicrometerModuleNoMetricsListener() {
    runner
        .withPropertyValues(emulatorProperties())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader(MicrometerClientListener.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(SumoUsersClient.class);
              assertThat(context).doesNotHaveBean("sumoUsersMicrometerListener");
            });
  }

  @Test
  void everyListenerBeanHearsTheTrafficAlongsideTheMeters() {
    List<String> heard = new CopyOnWriteArrayList<>();
    runner
        .withPropertyValues(emulatorProperties())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(
            "auditListener",
            ClientListener.class,
            () ->
                new ClientListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    heard.add(event.operation() + " " + event.status());
                  }
                })
        .run(
            context -> {
              context.getBean(SumoUsersClient.class).getUser(userId);
              assertThat(heard).containsExactly("getUser 200");
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get(MicrometerClientListener.REQUESTS)
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  @Test
  void aThrowingListenerBeanDoesNotSilenceTheOthers() {
    List<String> heard = new CopyOnWriteArrayList<>();
    runner
        .withPropertyValues(emulatorProperties())
        .withBean(
            "brokenListener",
            ClientListener.class,
            () ->
                new ClientListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    throw new IllegalStateException("listener bug");
                  }
                })
        .withBean(
            "auditListener",
            ClientListener.class,
            () ->
                new ClientListener() {
                  @Override
                  public void onRequest(RequestEvent event) {
                    heard.add(event.operation());
                  }
                })
        .run(
            context -> {
              context.getBean(SumoUsersClient.class).getUser(userId);
              assertThat(heard).containsExactly("getUser");
            });
  }

  @Test
  void honorRetryAfterDecidesBetweenTheServersWaitAndTheBackoff() {
    try (SumoEmulator own = ownEmulator().seedUsers(1).start()) {
      String id = own.users().get(0).id();
      ApplicationContextRunner common =
          runner
              .withPropertyValues(propertiesFor(own))
              .withPropertyValues("sumologic.users.call-timeout=5s");
      own.faults().failNext(1, 429, java.time.Duration.ofSeconds(30));
      common.run(
          context ->
              assertThatThrownBy(() -> context.getBean(SumoUsersClient.class).getUser(id))
                  .isInstanceOf(dev.sumoclient.users.SumoThrottledException.class));
      own.faults().failNext(1, 429, java.time.Duration.ofSeconds(30));
      common
          .withPropertyValues("sumologic.users.retry.honor-retry-after=false")
          .run(
              context ->
                  assertThat(context.getBean(SumoUsersClient.class).getUser(id).getId())
                      .isEqualTo(id));
    }
  }

  @Test
  void theReadTimeoutApplies() {
    try (SumoEmulator own = ownEmulator().seedUsers(1).start()) {
      String id = own.users().get(0).id();
      own.faults().latency(java.time.Duration.ofSeconds(2));
      runner
          .withPropertyValues(propertiesFor(own))
          .withPropertyValues(
              "sumologic.users.retry.max-retries=0", "sumologic.users.read-timeout=200ms")
          .run(
              context ->
                  assertThatThrownBy(() -> context.getBean(SumoUsersClient.class).getUser(id))
                      .isInstanceOf(dev.sumoclient.users.SumoTimeoutException.class));
    }
  }

  @Test
  void theHealthIndicatorIsOffByDefault() {
    runner
        .withPropertyValues(emulatorProperties())
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SumoUsersHealthCheck.class);
              assertThat(context).doesNotHaveBean("sumoUsersHealthIndicator");
            });
  }

  @Test
  void theEnabledHealthIndicatorCallsTheApiOnceAndCachesTheResult() {
    try (SumoEmulator own = ownEmulator().start()) {
      runner
          .withPropertyValues(propertiesFor(own))
          .withPropertyValues(
              "sumologic.users.health.enabled=true", "sumologic.users.health.cache-ttl=1h")
          .run(
              context -> {
                SumoUsersHealthIndicator indicator =
                    context.getBean("sumoUsersHealthIndicator", SumoUsersHealthIndicator.class);
                Health first = indicator.health();
                assertThat(first.getStatus()).isEqualTo(Status.UP);
                assertThat(first.getDetails()).containsEntry("deployment", "custom endpoint");
                own.faults().failNext(1, 500);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                assertThat(own.journal().requests()).hasSize(1);
              });
    }
  }

  @Test
  void withoutCachingTheHealthIndicatorReportsAFailedCallAsDown() {
    try (SumoEmulator own = ownEmulator().start()) {
      runner
          .withPropertyValues(propertiesFor(own))
          .withPropertyValues(
              "sumologic.users.access-key=wrong-key",
              "sumologic.users.retry.max-retries=0",
              "sumologic.users.health.enabled=true",
              "sumologic.users.health.cache-ttl=0s")
          .run(
              context -> {
                Health health =
                    context
                        .getBean("sumoUsersHealthIndicator", SumoUsersHealthIndicator.class)
                        .health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails())
                    .containsEntry("status", 401)
                    .containsEntry("error", "SumoUnauthorizedException");
                assertThat(health.toString()).doesNotContain("wrong-key");
              });
    }
  }

  @Test
  void withoutActuatorOnlyTheCheckExists() {
    runner
        .withPropertyValues(emulatorProperties())
        .withPropertyValues("sumologic.users.health.enabled=true")
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health"))
        .run(
            context -> {
              assertThat(context).hasSingleBean(SumoUsersHealthCheck.class);
              assertThat(context).doesNotHaveBean("sumoUsersHealthIndicator");
            });
  }

  @Test
  void withoutAClientNoHealthIndicator() {
    runner
        .withPropertyValues(emulatorProperties())
        .withPropertyValues("sumologic.users.enabled=false", "sumologic.users.health.enabled=true")
        .run(context -> assertThat(context).doesNotHaveBean(SumoUsersHealthCheck.class));
  }

  @Test
  void aNegativeHealthCacheTimeFailsStartup() {
    runner
        .withPropertyValues(emulatorProperties())
        .withPropertyValues(
            "sumologic.users.health.enabled=true", "sumologic.users.health.cache-ttl=-1s")
        .run(
            context ->
                assertThat(analyze(context.getStartupFailure()).getDescription())
                    .contains("'sumologic.users.health.cache-ttl'"));
  }

  private static String stackTraceOf(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
