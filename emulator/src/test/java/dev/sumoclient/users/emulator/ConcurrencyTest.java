package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads mix every operation, then race on purpose: the same email created by all at once,
 * and an unlock and an MFA switch-off landing amid updates of the same user. A store without its
 * lock loses one of those changes or admits a duplicate email, and this test sees it.
 */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int SEEDED = 200;
  private static final int CONTENDED = 8;
  private static final Duration MIXED_PHASE = Duration.ofMillis(2500);
  private static final int RACE_ROUNDS = 40;

  private SumoEmulator emulator;
  private Api api;
  private List<String> seededIds;
  private List<String> contendedIds;

  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private final LongAdder requests = new LongAdder();
  private final LongAdder created = new LongAdder();
  private final LongAdder deleted = new LongAdder();
  private final LongAdder resets = new LongAdder();
  private final LongAdder emailChanges = new LongAdder();
  private final Map<ContentTransfer.Disposition, LongAdder> dispositions =
      new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    emulator =
        SumoEmulator.builder()
            .seedUsers(SEEDED)
            .threads(THREADS)
            .journalCapacity(2_000_000)
            .start();
    api = new Api(emulator);
    seededIds = emulator.users().stream().map(EmulatedUser::id).toList();
    contendedIds = seededIds.subList(0, CONTENDED);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Api.Response call(String label, Api.Response response, int... allowed) {
    requests.increment();
    for (int status : allowed) {
      if (response.status() == status) {
        return response;
      }
    }
    unexpected.add(label + " -> " + response.status() + " " + response.body());
    return response;
  }

  @Test
  void sixteenThreadsMixingEveryOperationLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      runMixedPhase(pool);
      runRaceRounds(pool);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(unexpected).as("answers other than the operation's documented ones").isEmpty();
    assertThat(emulator.journal().size())
        .as("every request journaled")
        .isEqualTo(requests.intValue());
    assertThat(emulator.users()).hasSize(SEEDED + created.intValue() - deleted.intValue());
    assertThat(emulator.contentTransfers()).hasSize(deleted.intValue());
    for (ContentTransfer.Disposition disposition : ContentTransfer.Disposition.values()) {
      long expected = dispositions.getOrDefault(disposition, new LongAdder()).sum();
      assertThat(
              emulator.contentTransfers().stream()
                  .filter(t -> t.disposition() == disposition)
                  .count())
          .as(disposition.name())
          .isEqualTo(expected);
    }
    assertThat(emulator.passwordResets()).hasSize(resets.intValue());
    assertThat(emulator.emailChanges()).hasSize(emailChanges.intValue());

    // The API agrees with the store: every user once, every email once.
    List<JsonNode> listed = new ArrayList<>();
    String token = null;
    do {
      Api.Response page =
          api.get("/v1/users?limit=1000" + (token == null ? "" : "&token=" + token));
      page.json().get("data").forEach(listed::add);
      token = page.json().hasNonNull("next") ? page.json().get("next").asText() : null;
    } while (token != null);
    assertThat(listed).hasSize(emulator.users().size());
    assertThat(listed.stream().map(u -> u.get("id").asText()).distinct()).hasSize(listed.size());
    assertThat(
            listed.stream().map(u -> u.get("email").asText().toLowerCase(Locale.ROOT)).distinct())
        .hasSize(listed.size());

    // Each contended user shows one update whole, never fields of two.
    for (String id : contendedIds) {
      EmulatedUser user = emulator.user(id).orElseThrow();
      assertThat(user.lastName()).as(id).isEqualTo(user.firstName());
      assertThat(user.roleIds()).as(id).containsExactly(user.firstName());
    }
  }

  /** Every operation, chosen at random, by every thread, for a while. */
  private void runMixedPhase(ExecutorService pool) throws Exception {
    long deadline = System.nanoTime() + MIXED_PHASE.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers.add(pool.submit(() -> mixedWorker(thread, deadline)));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
  }

  private void mixedWorker(int thread, long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<String> owned = new ArrayList<>();
    int n = 0;
    while (System.nanoTime() < deadline) {
      n++;
      String tag = "T" + thread + "-" + n;
      String anyone = seededIds.get(random.nextInt(SEEDED));
      int dice = random.nextInt(100);
      if (dice < 25) {
        call("get", api.get("/v1/users/" + anyone), 200);
      } else if (dice < 33) {
        String sort = List.of("firstName", "-lastName", "email").get(random.nextInt(3));
        call("list", api.get("/v1/users?limit=50&sortBy=" + sort), 200);
      } else if (dice < 48) {
        Api.Response response =
            call(
                "create",
                api.post(
                    "/v1/users",
                    Api.newUser("N", "M", tag.toLowerCase(Locale.ROOT) + "@example.com")),
                200);
        if (response.status() == 200) {
          created.increment();
          owned.add(response.json().get("id").asText());
        }
      } else if (dice < 63) {
        String id = contendedIds.get(random.nextInt(CONTENDED));
        call(
            "update",
            api.put(
                "/v1/users/" + id,
                Map.of(
                    "firstName",
                    tag,
                    "lastName",
                    tag,
                    "isActive",
                    random.nextBoolean(),
                    "roleIds",
                    List.of(tag))),
            200);
      } else if (dice < 75 && !owned.isEmpty()) {
        String id = owned.remove(owned.size() - 1);
        ContentTransfer.Disposition disposition =
            ContentTransfer.Disposition.values()[random.nextInt(3)];
        String query =
            switch (disposition) {
              case TRANSFERRED_TO_USER -> "?transferTo=" + anyone;
              case DELETED -> "?deleteContent=true";
              case TRANSFERRED_TO_CALLER -> "";
            };
        if (call("delete", api.delete("/v1/users/" + id + query), 204).status() == 204) {
          deleted.increment();
          dispositions.computeIfAbsent(disposition, d -> new LongAdder()).increment();
        }
      } else if (dice < 82 && !owned.isEmpty()) {
        String id = owned.get(random.nextInt(owned.size()));
        Api.Response response =
            call(
                "requestChangeEmail",
                api.post(
                    "/v1/users/" + id + "/email/requestChange",
                    Map.of("email", tag.toLowerCase(Locale.ROOT) + "-new@example.com")),
                204);
        if (response.status() == 204) {
          emailChanges.increment();
        }
      } else if (dice < 92) {
        if (call("reset", api.post("/v1/users/" + anyone + "/password/reset", null), 204).status()
            == 204) {
          resets.increment();
        }
      } else {
        String id = contendedIds.get(random.nextInt(CONTENDED));
        call("unlock", api.post("/v1/users/" + id + "/unlock", null), 204);
      }
    }
  }

  /**
   * Rounds in which all threads start together: some create the same email, one unlocks a user, one
   * switches off its MFA, the rest update it. Between rounds the outcome is checked.
   */
  private void runRaceRounds(ExecutorService pool) throws Exception {
    AtomicInteger round = new AtomicInteger();
    Set<String> lostChanges = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> emailWinners = new ConcurrentHashMap<>();
    Runnable betweenRounds =
        () -> {
          int finished = round.get();
          if (finished > 0) {
            EmulatedUser user =
                emulator.user(contendedIds.get((finished - 1) % CONTENDED)).orElseThrow();
            if (user.locked() || user.mfaEnabled()) {
              lostChanges.add("round " + finished + ": " + user);
            }
          }
          int next = round.incrementAndGet();
          if (next <= RACE_ROUNDS) {
            String id = contendedIds.get((next - 1) % CONTENDED);
            emulator.lockUser(id);
            emulator.enableMfa(id);
          }
        };
    CyclicBarrier barrier = new CyclicBarrier(THREADS, betweenRounds);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers.add(
          pool.submit(
              () -> {
                barrier.await();
                for (int r = 1; r <= RACE_ROUNDS; r++) {
                  String id = contendedIds.get((r - 1) % CONTENDED);
                  EmulatedUser user = emulator.user(id).orElseThrow();
                  if (thread == 0) {
                    call("unlock", api.post("/v1/users/" + id + "/unlock", null), 204);
                  } else if (thread == 1) {
                    call(
                        "disableMfa",
                        api.put(
                            "/v1/users/" + id + "/mfa/disable",
                            Map.of("email", user.email(), "password", "pw")),
                        204);
                  } else if (thread < 9) {
                    String tag = "R" + r + "-" + thread;
                    call(
                        "update",
                        api.put(
                            "/v1/users/" + id,
                            Map.of(
                                "firstName",
                                tag,
                                "lastName",
                                tag,
                                "isActive",
                                true,
                                "roleIds",
                                List.of(tag))),
                        200);
                  } else {
                    Api.Response response =
                        call(
                            "contested create",
                            api.post(
                                "/v1/users",
                                Api.newUser("C", "D", "contested-" + r + "@example.com")),
                            200,
                            400);
                    if (response.status() == 200) {
                      created.increment();
                      emailWinners.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
                    } else if (!response.errorCode().equals("user:email_taken")) {
                      unexpected.add("contested create -> " + response.body());
                    }
                  }
                  barrier.await();
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    assertThat(lostChanges)
        .as("unlocks or MFA switch-offs undone by a concurrent update")
        .isEmpty();
    Set<Integer> rounds = new HashSet<>();
    emailWinners.forEach(
        (r, winners) -> {
          assertThat(winners.get()).as("creators of contested-" + r).isEqualTo(1);
          rounds.add(r);
        });
    assertThat(rounds).hasSize(RACE_ROUNDS);
  }
}
