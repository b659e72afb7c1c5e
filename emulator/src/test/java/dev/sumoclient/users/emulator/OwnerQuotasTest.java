package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sumoclient.users.emulator.internal.CommandLine;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator counts as Sumo Logic does: 4 requests/s per user across keys, 10 in flight per key.
 */
class OwnerQuotasTest {
  private static final String OWNER = "00000000000000A1";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private SumoEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private Api start(SumoEmulator.Builder builder) {
    emulator = builder.clock(clock).seedUsers(3).start();
    return new Api(emulator);
  }

  private Api as(String id, String key) {
    return new Api(emulator).withAuthorization(Api.basic(id, key));
  }

  @Test
  void twoKeysOfOneOwnerShareFourRequestsPerSecond() {
    start(
        SumoEmulator.builder()
            .accessKey("suAliceCi", "a-key", OWNER)
            .accessKey("suAliceOps", "b-key", OWNER.toLowerCase())
            .accessKey("suBob", "c-key")
            .limits(true));
    Api first = as("suAliceCi", "a-key");
    Api second = as("suAliceOps", "b-key");
    Api bob = as("suBob", "c-key");
    assertThat(emulator.accessKeys().get(1).ownerId()).isEqualTo(OWNER);
    for (int i = 0; i < 2; i++) {
      assertThat(first.get("/v1/users").status()).isEqualTo(200);
      assertThat(second.get("/v1/users").status()).isEqualTo(200);
    }
    assertThat(first.get("/v1/users").status()).isEqualTo(429);
    assertThat(second.get("/v1/users").status()).isEqualTo(429);
    assertThat(bob.get("/v1/users").status()).as("another owner has their own 4/s").isEqualTo(200);
    assertThat(emulator.limits().throttledForRate()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    assertThat(second.get("/v1/users").status()).isEqualTo(200);
    String created =
        second
            .post("/v1/users", Api.newUser("N", "M", "n@example.org"))
            .json()
            .get("createdBy")
            .asText();
    assertThat(created).as("requests of either key act as the owner").isEqualTo(OWNER);
  }

  @Test
  void aKeyAddedAtRuntimeSharesItsOwnersRateAndSurvivesReset() {
    Api first = start(SumoEmulator.builder().limits(true).requestsPerSecond(2));
    AccessKey added =
        emulator.addAccessKey("suSecondKey", "second-key", emulator.accessKey().ownerId());
    assertThat(added.toString()).doesNotContain("second-key");
    Api second = as("suSecondKey", "second-key");
    assertThat(first.get("/v1/users").status()).isEqualTo(200);
    assertThat(second.get("/v1/users").status()).isEqualTo(200);
    assertThat(second.get("/v1/users").status()).isEqualTo(429);
    assertThat(first.get("/v1/users").status()).isEqualTo(429);

    emulator.reset();
    clock.advance(Duration.ofSeconds(1));
    assertThat(second.get("/v1/users").status()).isEqualTo(200);
    assertThat(emulator.accessKeys()).extracting(AccessKey::id).contains("suSecondKey");
    assertThatThrownBy(() -> emulator.addAccessKey("suSecondKey", "x", OWNER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("suSecondKey");
    assertThatThrownBy(() -> emulator.addAccessKey("suThird", "x", "alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 hex digits");
  }

  @Test
  void eachKeyOfOneOwnerHasItsOwnTenInFlightAndTheEmulatorReportsTheHighest() throws Exception {
    start(
        SumoEmulator.builder()
            .accessKey("suAliceCi", "a-key", OWNER)
            .accessKey("suAliceOps", "b-key", OWNER)
            .limits(true)
            .requestsPerSecond(1000)
            .threads(32));
    // Admitted requests sleep far longer than the test runs, so whenever the others arrive, ten
    // per key are in flight: no timing assumption. Closing the emulator ends the sleepers.
    emulator.faults().latency(Duration.ofSeconds(60));
    Api first = as("suAliceCi", "a-key");
    Api second = as("suAliceOps", "b-key");
    int perKey = 12;
    ExecutorService pool = Executors.newFixedThreadPool(2 * perKey);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < perKey; i++) {
        statuses.add(pool.submit(() -> first.get("/v1/users").status()));
        statuses.add(pool.submit(() -> second.get("/v1/users").status()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (statuses.stream().filter(Future::isDone).count() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(100);
      List<Integer> answered = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        if (status.isDone()) {
          answered.add(status.get());
        }
      }
      assertThat(answered).as("two refused per key, twenty in flight").hasSize(4).containsOnly(429);
      assertThat(emulator.limits().highestInFlight())
          .as("refused requests are counted as they arrive")
          .containsEntry("suAliceCi", 11)
          .containsEntry("suAliceOps", 11);
      assertThat(emulator.limits().throttledForInFlight()).isEqualTo(4);
      assertThat(emulator.limits().throttled()).isEqualTo(4);
    } finally {
      emulator.close();
      pool.shutdownNow();
    }
  }

  @Test
  void statisticsAreKeptWithLimitsOffAndStartAfresh() {
    Api api = start(SumoEmulator.builder());
    for (int i = 0; i < 6; i++) {
      assertThat(api.get("/v1/users").status()).isEqualTo(200);
    }
    assertThat(emulator.limits().highestInFlight())
        .containsExactly(Map.entry(emulator.accessKey().id(), 1));
    assertThat(emulator.limits().throttled()).isZero();
    emulator.limits().resetStatistics();
    assertThat(emulator.limits().highestInFlight()).isEmpty();
  }

  @Test
  void theAdminEndpointRegistersKeysOfAnOwnerAndReportsQuotaStatistics() {
    Api api = start(SumoEmulator.builder().limits(true).requestsPerSecond(1));
    Api admin = new Api(URI.create(emulator.adminUri().toString()), null);
    String owner = emulator.accessKey().ownerId();
    JsonNode added =
        admin
            .post("/access-keys", Map.of("id", "suViaAdmin", "key", "admin-key", "ownerId", owner))
            .json();
    assertThat(added.get("id").asText()).isEqualTo("suViaAdmin");
    assertThat(added.get("ownerId").asText()).isEqualTo(owner);
    JsonNode fresh = admin.post("/access-keys", Map.of("id", "suOwnOwner", "key", "k2")).json();
    assertThat(fresh.get("ownerId").asText()).matches("[0-9A-F]{16}").isNotEqualTo(owner);
    Api.Response listed = admin.get("/access-keys");
    assertThat(listed.body()).contains("suViaAdmin", "suOwnOwner").doesNotContain("admin-key");
    assertThat(admin.post("/access-keys", Map.of("id", "suViaAdmin", "key", "x")).status())
        .isEqualTo(400);
    assertThat(
            admin.post("/access-keys", Map.of("id", "suBad", "key", "x", "ownerId", "me")).status())
        .isEqualTo(400);

    assertThat(api.get("/v1/users").status()).isEqualTo(200);
    assertThat(as("suViaAdmin", "admin-key").get("/v1/users").status()).isEqualTo(429);
    assertThat(as("suOwnOwner", "k2").get("/v1/users").status()).isEqualTo(200);

    JsonNode stats = admin.get("/quota-stats").json();
    assertThat(stats.get("throttled").asLong()).isEqualTo(1);
    assertThat(stats.get("throttledForRate").asLong()).isEqualTo(1);
    assertThat(stats.get("throttledForInFlight").asLong()).isZero();
    assertThat(stats.get("highestInFlight").get(emulator.accessKey().id()).asInt()).isEqualTo(1);
    JsonNode cleared = admin.send("DELETE", "/quota-stats", null).json();
    assertThat(cleared.get("throttled").asLong()).isZero();
    assertThat(cleared.get("highestInFlight").size()).isZero();
  }

  @Test
  void theCommandLineRegistersSeveralKeysOfOneOwner() {
    CommandLine options =
        CommandLine.parse(
            new String[] {
              "--port",
              "0",
              "--access-key",
              "suCiKey:ci-secret:" + OWNER,
              "--access-key=suOpsKey:ops-secret:" + OWNER,
              "--access-key",
              "suOther:other-secret",
              "--limits"
            },
            Map.of());
    assertThat(options.toString()).doesNotContain("ci-secret", "ops-secret", "other-secret");
    emulator = options.builder().clock(clock).start();
    assertThat(emulator.accessKeys())
        .as("given alone, ID:KEY keys replace the default one")
        .extracting(AccessKey::id, AccessKey::ownerId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("suCiKey", OWNER),
            org.assertj.core.groups.Tuple.tuple("suOpsKey", OWNER),
            org.assertj.core.groups.Tuple.tuple("suOther", emulator.accessKeys().get(2).ownerId()));
    assertThat(emulator.accessKeys().get(2).ownerId()).isNotEqualTo(OWNER);
    for (int i = 0; i < 2; i++) {
      assertThat(as("suCiKey", "ci-secret").get("/v1/users").status()).isEqualTo(200);
      assertThat(as("suOpsKey", "ops-secret").get("/v1/users").status()).isEqualTo(200);
    }
    assertThat(as("suOpsKey", "ops-secret").get("/v1/users").status()).isEqualTo(429);
    assertThat(as("suOther", "other-secret").get("/v1/users").status()).isEqualTo(200);
    assertThat(
            as(SumoEmulator.DEFAULT_ACCESS_ID, SumoEmulator.DEFAULT_ACCESS_KEY)
                .get("/v1/users")
                .status())
        .isEqualTo(401);
  }

  @Test
  void theCommandLineKeepsTheAccessIdKeyWhenItIsGivenToo() {
    CommandLine options =
        CommandLine.parse(
            new String[] {"--access-id", "suMain", "--access-key", "suMore:more:" + OWNER},
            Map.of());
    assertThat(options.servesAccessId()).isTrue();
    CommandLine fromEnv =
        CommandLine.parse(
            new String[] {"--access-key", "suMore:more"},
            Map.of(CommandLine.ACCESS_KEY_ENV, "env-key"));
    assertThat(fromEnv.servesAccessId()).isTrue();
    assertThat(fromEnv.accessKey()).isEqualTo("env-key");
  }

  @Test
  void badAccessKeyOptionsNameTheOptionAndRule() {
    Map<String[], String> cases =
        Map.of(
            new String[] {"--access-key", "a:b:c:d"}, "--access-key: must be KEY or ID:KEY[:OWNER]",
            new String[] {"--access-key", "a:b:nothex"}, "OWNER of ID:KEY:OWNER must be 16 hex",
            new String[] {"--access-key", ":b"}, "must not be blank",
            new String[] {"--access-key", "a:b", "--access-key", "a:c"}, "a is given twice",
            new String[] {"--access-id", "a", "--access-key", "a:c"}, "a is given twice");
    cases.forEach(
        (args, message) ->
            assertThatThrownBy(() -> CommandLine.parse(args, Map.of()))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("b:"));
  }
}
