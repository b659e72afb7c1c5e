package dev.sumoclient.users.spring.boot;

import static dev.sumoclient.users.spring.boot.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.SumoEmulatorExtension;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import dev.sumoclient.users.testing.redis.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The quota group, a coordinator bean, and the Redis coordinator against a real redis-server. */
class QuotaAutoConfigurationTest {
  @RegisterExtension
  static final SumoEmulatorExtension SUMO = SumoEmulatorExtension.configured(b -> b.seedUsers(1));

  private final SumoEmulator emulator;
  private final String userId;
  private final ApplicationContextRunner runner;

  QuotaAutoConfigurationTest(SumoEmulator emulator) {
    this.emulator = emulator;
    this.userId = emulator.users().get(0).id();
    this.runner =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SumoUsersAutoConfiguration.class))
            .withPropertyValues(
                "sumologic.users.endpoint=" + emulator.baseUri(),
                "sumologic.users.access-id=" + emulator.accessKey().id(),
                "sumologic.users.access-key=" + emulator.accessKey().key());
  }

  /** Records the keys requests are counted under, and lets everything through. */
  static final class RecordingCoordinator implements QuotaCoordinator {
    final List<QuotaKey> keys = new CopyOnWriteArrayList<>();
    private final QuotaCoordinator delegate = QuotaCoordinator.inJvm();

    @Override
    public QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait)
        throws InterruptedException {
      keys.add(key);
      return delegate.acquire(key, quotas, maxWait);
    }
  }

  @Test
  void theQuotaGroupPropertyNamesTheBudgetAndACoordinatorBeanIsUsed() {
    RecordingCoordinator coordinator = new RecordingCoordinator();
    runner
        .withPropertyValues("sumologic.users.quota.group=platform-team@example.com")
        .withBean(QuotaCoordinator.class, () -> coordinator)
        .run(context -> context.getBean(SumoUsersClient.class).getUser(userId));
    assertThat(coordinator.keys)
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.group()).isEqualTo("platform-team@example.com");
              assertThat(key.accessId()).isEqualTo(emulator.accessKey().id());
            });
  }

  @Test
  void withoutAGroupTheAccessIdIsTheBudget() {
    RecordingCoordinator coordinator = new RecordingCoordinator();
    runner
        .withBean(QuotaCoordinator.class, () -> coordinator)
        .run(context -> context.getBean(SumoUsersClient.class).getUser(userId));
    assertThat(coordinator.keys)
        .extracting(QuotaKey::group)
        .containsExactly(emulator.accessKey().id());
  }

  @Test
  void aTooLongGroupFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues("sumologic.users.quota.group=" + "g".repeat(300))
        .run(
            context ->
                assertThat(analyze(context.getStartupFailure()).getDescription())
                    .contains("'sumologic.users.quota.group'"));
  }

  @Test
  void aRedisUrlWithoutTheRedisModuleFailsStartupWithoutEchoingThePassword() {
    runner
        .withPropertyValues("sumologic.users.quota.redis.url=redis://:REDISPASSWORD@127.0.0.1:1/0")
        .withClassLoader(new FilteredClassLoader(RedisQuotas.class))
        .run(
            context -> {
              String description = analyze(context.getStartupFailure()).getDescription();
              assertThat(description)
                  .contains("'sumologic.users.quota.redis.url'")
                  .contains("sumo-users-quota-redis")
                  .doesNotContain("REDISPASSWORD");
            });
  }

  @Test
  void anInvalidRedisUrlFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues("sumologic.users.quota.redis.url=http://:REDISPASSWORD@127.0.0.1:1/0")
        .run(
            context -> {
              String description = analyze(context.getStartupFailure()).getDescription();
              assertThat(description)
                  .contains("'sumologic.users.quota.redis.url'")
                  .doesNotContain("REDISPASSWORD");
            });
  }

  @Test
  void invalidRedisSettingsFailStartupNamingTheProperty() {
    for (String[] bad :
        new String[][] {
          {
            "sumologic.users.quota.redis.fallback-share=2",
            "sumologic.users.quota.redis.fallback-share"
          },
          {
            "sumologic.users.quota.redis.command-timeout=0s",
            "sumologic.users.quota.redis.command-timeout"
          }
        }) {
      runner
          .withPropertyValues("sumologic.users.quota.redis.url=redis://127.0.0.1:1/0", bad[0])
          .run(
              context ->
                  assertThat(analyze(context.getStartupFailure()).getDescription())
                      .contains("'" + bad[1] + "'"));
    }
  }

  @Test
  void withoutARedisUrlNoRedisCoordinator() {
    runner.run(context -> assertThat(context).doesNotHaveBean(QuotaCoordinator.class));
  }

  @Test
  void aRedisUrlConfiguresTheRedisCoordinatorWhichTheClientUsesAndTheContextCloses()
      throws Exception {
    // Skipped only where redis-server is absent, as quota-redis's own tests are; CI installs it and
    // fails on any skip (.ci/check-skips).
    RedisServer.assumeInstalled();
    try (RedisServer redis = RedisServer.start()) {
      int port = redis.port();
      QuotaCoordinator[] coordinator = new QuotaCoordinator[1];
      runner
          .withPropertyValues(
              "sumologic.users.quota.redis.url=redis://127.0.0.1:" + port + "/0",
              "sumologic.users.quota.redis.fallback=fail-fast",
              "sumologic.users.quota.redis.command-timeout=2s")
          .run(
              context -> {
                assertThat(context).hasSingleBean(QuotaCoordinator.class);
                coordinator[0] = context.getBean(QuotaCoordinator.class);
                assertThat(coordinator[0]).isInstanceOf(RedisQuotas.class);
                assertThat(coordinator[0].toString()).contains("FAIL_FAST");
                context.getBean(SumoUsersClient.class).getUser(userId);
              });
      assertThat(redisCli(port, "INFO", "commandstats")).containsPattern("cmdstat_eval(sha)?:");
      assertThatThrownBy(
              () ->
                  coordinator[0].acquire(
                      new QuotaKey("g", "a"), Quotas.sumoDefaults(), Duration.ofSeconds(1)))
          .as("closed with the context")
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static String redisCli(int port, String... command)
      throws IOException, InterruptedException {
    List<String> args =
        new java.util.ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    args.addAll(List.of(command));
    Process cli = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    cli.waitFor(10, TimeUnit.SECONDS);
    return out;
  }
}
