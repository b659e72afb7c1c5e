package dev.sumoclient.users.quota.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.testing.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis with a password and an ACL user limited to our keys; a client configured from the
 * environment. No password, access key or access id shows in logs, messages, {@code toString()} or
 * Redis keys.
 */
class RedisSecretsTest {
  private static final String DEFAULT_PASSWORD = "default-pw-0f9e8d";
  private static final String ACL_PASSWORD = "acl-pw-7c6b5a";
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    RedisServer.assumeInstalled();
    redis =
        RedisServer.start(
            "--requirepass",
            DEFAULT_PASSWORD,
            // Least privilege: the quota user may touch only the coordinator's keys.
            "--user",
            "quota-svc",
            "on",
            ">" + ACL_PASSWORD,
            "~sumo-users:quota:*",
            "+@all",
            "-@dangerous",
            "+script|load");
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static URI aclUri(String password) {
    return URI.create("redis://quota-svc:" + password + "@127.0.0.1:" + redis.port());
  }

  @Test
  void anAclUserLimitedToTheQuotaKeysCoordinatesAndNoSecretShows() throws Exception {
    try (LogCapture logs = new LogCapture();
        RedisQuotas quotas = RedisQuotas.connect(aclUri(ACL_PASSWORD))) {
      assertThat(quotas.isShared()).isTrue();
      quotas
          .acquire(
              new QuotaKey("acl@example.com", "suACL"),
              Quotas.sumoDefaults(),
              Duration.ofSeconds(5))
          .close();
      assertThat(quotas.toString())
          .contains("redis://127.0.0.1:" + redis.port())
          .doesNotContain(ACL_PASSWORD)
          .doesNotContain("quota-svc");
      assertThat(logs.everything()).doesNotContain(ACL_PASSWORD);
    }
  }

  @Test
  void aWrongPasswordFallsBackAndNeitherTheWarningNorToStringShowsIt() throws Exception {
    String wrong = "wrong-pw-3e2d1c";
    try (LogCapture logs = new LogCapture();
        RedisQuotas quotas = RedisQuotas.connect(aclUri(wrong))) {
      assertThat(quotas.isShared()).isFalse();
      quotas
          .acquire(
              new QuotaKey("acl@example.com", "suACL"),
              Quotas.sumoDefaults(),
              Duration.ofSeconds(5))
          .close();
      assertThat(logs.messages(ch.qos.logback.classic.Level.WARN, "dev.sumoclient"))
          .singleElement()
          .asString()
          .contains("redis://127.0.0.1:" + redis.port());
      assertThat(logs.everything()).doesNotContain(wrong);
      assertThat(quotas.toString()).doesNotContain(wrong);
    }
  }

  @Test
  void aClientFromTheEnvironmentSharesItsBudgetThroughRedisUnderHashedKeys() throws Exception {
    String accessId = "suEnvAccessId42";
    String accessKey = "env-access-key-secret-99";
    String group = "ops-automation@example.com";
    try (LogCapture logs = new LogCapture();
        SumoEmulator emulator =
            SumoEmulator.builder().port(0).accessKey(accessId, accessKey).seedUsers(3).start()) {
      Map<String, String> env =
          Map.of(
              "SUMO_ENDPOINT", emulator.baseUri().toString(),
              "SUMO_ACCESS_ID", accessId,
              "SUMO_ACCESS_KEY", accessKey,
              "SUMOLOGIC_QUOTA_GROUP", group,
              "SUMOLOGIC_QUOTA_REDIS_URL", aclUri(ACL_PASSWORD).toString());
      String description;
      try (SumoUsersClient client = SumoUsersClient.builder().fromEnvironment(env::get).build()) {
        String id = emulator.users().get(0).id();
        client.getUser(id);
        client.getUser(id);
        description = client.toString();
      }
      List<String> keys = redisKeys();
      assertThat(keys).isNotEmpty().allMatch(k -> k.startsWith("sumo-users:quota:{"));
      assertThat(String.join(" ", keys))
          .doesNotContain(accessId)
          .doesNotContain(accessKey)
          .doesNotContain("ops-automation")
          .doesNotContain("example.com");
      assertThat(description).doesNotContain(ACL_PASSWORD).doesNotContain(accessKey);
      assertThat(logs.everything()).doesNotContain(ACL_PASSWORD).doesNotContain(accessKey);
    }
  }

  private static List<String> redisKeys() {
    RedisURI uri = RedisURI.create("redis://127.0.0.1:" + redis.port());
    uri.setCredentialsProvider(
        io.lettuce.core.RedisCredentialsProvider.from(
            () -> io.lettuce.core.RedisCredentials.just("default", DEFAULT_PASSWORD)));
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().keys("*");
    } finally {
      client.shutdown();
    }
  }
}
