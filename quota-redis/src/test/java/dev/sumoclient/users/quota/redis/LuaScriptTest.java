package dev.sumoclient.users.quota.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumoclient.users.quota.redis.internal.KeyNames;
import dev.sumoclient.users.quota.redis.internal.Scripts;
import dev.sumoclient.users.testing.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The acquire, sent and renew scripts, run directly through Lettuce on a real Redis. */
class LuaScriptTest {
  private static RedisServer redis;
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;
  private static RedisCommands<String, String> commands;

  private final KeyNames keys = KeyNames.of("ops-automation@example.com", "suABCDEF123456");

  @BeforeAll
  static void startRedis() {
    RedisServer.assumeInstalled();
    redis = RedisServer.start();
    client = RedisClient.create(redis.uri().toString());
    connection = client.connect();
    commands = connection.sync();
  }

  @AfterAll
  static void stopRedis() {
    if (connection != null) {
      connection.close();
      client.shutdown();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void emptyRedis() {
    commands.flushall();
  }

  private List<Long> acquire(
      String lease, int requests, long windowMicros, int maxConcurrent, long leaseMicros) {
    return commands.evalsha(
        Scripts.ACQUIRE.sha1(),
        ScriptOutputType.MULTI,
        keys.forAcquire(),
        lease,
        Integer.toString(requests),
        Long.toString(windowMicros),
        Integer.toString(maxConcurrent),
        Long.toString(leaseMicros),
        "3000000");
  }

  @Test
  void aFreedPlaceGoesToTheEarliestWaiterNotToWhoeverAsksFirst() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    assertThat(acquire("a", 1, 200_000, 10, 15_000_000).get(0)).isEqualTo(1L);
    // "early" waits first, then "late"; both are queued.
    List<Long> early = acquire("early", 1, 200_000, 10, 15_000_000);
    assertThat(early.get(0)).isEqualTo(0L);
    assertThat(acquire("late", 1, 200_000, 10, 15_000_000).get(0)).isEqualTo(0L);
    TimeUnit.MICROSECONDS.sleep(early.get(2) + 1000);
    // The place is free, but "late" asks first: it keeps waiting, and "early" gets it.
    assertThat(acquire("late", 1, 200_000, 10, 15_000_000).get(0)).isEqualTo(0L);
    assertThat(acquire("early", 1, 200_000, 10, 15_000_000).get(0)).isEqualTo(1L);
    assertThat(commands.zrange(keys.queue(), 0, -1)).containsExactly("late");
  }

  @Test
  void aWaiterThatStoppedAskingLosesItsPlace() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    assertThat(acquire("a", 1, 100_000, 10, 15_000_000).get(0)).isEqualTo(1L);
    assertThat(acquire("gone", 1, 100_000, 10, 15_000_000).get(0)).isEqualTo(0L);
    commands.zadd(keys.queueSeen(), 0, "gone"); // as if it last asked long ago
    Thread.sleep(150);
    assertThat(acquire("next", 1, 100_000, 10, 15_000_000).get(0)).isEqualTo(1L);
  }

  @Test
  void releaseFreesTheLeaseAndDatesTheRequestByItsResponseCapped() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    long granted = acquire("r", 100, 1_000_000, 10, 15_000_000).get(2);
    long grantedCapped = acquire("c", 100, 1_000_000, 10, 15_000_000).get(2);
    Thread.sleep(30);
    release("r", 1_000_000);
    release("c", 10_000);
    assertThat(commands.zcard(keys.inFlight())).isZero();
    assertThat(commands.zscore(keys.rate(), "r")).isGreaterThanOrEqualTo(granted + 30_000.0);
    assertThat(commands.zscore(keys.rate(), "c")).isEqualTo(grantedCapped + 10_000.0);
  }

  private void release(String lease, long capMicros) {
    commands.eval(
        Scripts.RELEASE.source(),
        ScriptOutputType.INTEGER,
        new String[] {keys.rate(), keys.inFlight()},
        lease,
        Long.toString(capMicros));
  }

  @Test
  void grantsTheRateBudgetThenSaysHowLongUntilTheOldestStampLeavesTheWindow() {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    for (int i = 0; i < 4; i++) {
      List<Long> granted = acquire("lease-" + i, 4, 1_000_000, 10, 15_000_000);
      assertThat(granted.get(0)).as("request %d", i).isEqualTo(1L);
    }
    List<Long> refused = acquire("lease-4", 4, 1_000_000, 10, 15_000_000);
    assertThat(refused.get(0)).isEqualTo(0L);
    assertThat(refused.get(1)).as("reason: rate").isEqualTo(2L);
    assertThat(refused.get(2)).isBetween(1L, 1_000_000L);
    // A refused request leaves nothing behind.
    assertThat(commands.zcard(keys.rate())).isEqualTo(4);
    assertThat(commands.zcard(keys.inFlight())).isEqualTo(4);
  }

  @Test
  void grantsAgainOnceTheWindowHasPassedOnRedissClock() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    for (int i = 0; i < 2; i++) {
      assertThat(acquire("a" + i, 2, 200_000, 10, 15_000_000).get(0)).isEqualTo(1L);
    }
    List<Long> refused = acquire("a2", 2, 200_000, 10, 15_000_000);
    assertThat(refused.get(0)).isEqualTo(0L);
    TimeUnit.MICROSECONDS.sleep(refused.get(2) + 1000);
    assertThat(acquire("a3", 2, 200_000, 10, 15_000_000).get(0)).isEqualTo(1L);
  }

  @Test
  void capsInFlightLeasesPerAccessIdAndAReleasedLeaseFreesOne() {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    for (int i = 0; i < 3; i++) {
      assertThat(acquire("l" + i, 100, 1_000_000, 3, 15_000_000).get(0)).isEqualTo(1L);
    }
    List<Long> refused = acquire("l3", 100, 1_000_000, 3, 15_000_000);
    assertThat(refused.get(0)).isEqualTo(0L);
    assertThat(refused.get(1)).as("reason: in flight").isEqualTo(1L);
    commands.zrem(keys.inFlight(), "l1");
    assertThat(acquire("l4", 100, 1_000_000, 3, 15_000_000).get(0)).isEqualTo(1L);
  }

  @Test
  void expiredLeasesGiveTheirPermitsBack() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    for (int i = 0; i < 2; i++) {
      assertThat(acquire("dead" + i, 100, 1_000_000, 2, 1_000_000).get(0)).isEqualTo(1L);
    }
    assertThat(acquire("blocked", 100, 1_000_000, 2, 1_000_000).get(0)).isEqualTo(0L);
    Thread.sleep(1_050);
    assertThat(acquire("after", 100, 1_000_000, 2, 1_000_000).get(0)).isEqualTo(1L);
  }

  @Test
  void renewalKeepsALiveLeaseAndNeverRecreatesAReleasedOne() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    assertThat(acquire("live", 100, 1_000_000, 2, 300_000).get(0)).isEqualTo(1L);
    assertThat(acquire("gone", 100, 1_000_000, 2, 300_000).get(0)).isEqualTo(1L);
    commands.zrem(keys.inFlight(), "gone");
    for (int i = 0; i < 4; i++) {
      Thread.sleep(100);
      Long renewed =
          commands.eval(
              Scripts.RENEW.source(),
              ScriptOutputType.INTEGER,
              new String[] {keys.inFlight()},
              "300000",
              "live",
              "gone");
      assertThat(renewed).isEqualTo(1L);
    }
    // 400 ms after the grant, longer than the lease: still held because it was renewed.
    assertThat(commands.zrange(keys.inFlight(), 0, -1)).containsExactly("live");
  }

  @Test
  void sentMovesAStampLaterButNeverBringsBackOneThatLeftTheWindow() throws InterruptedException {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    long granted = acquire("s", 100, 1_000_000, 10, 15_000_000).get(2);
    Thread.sleep(20);
    commands.eval(Scripts.SENT.source(), ScriptOutputType.INTEGER, new String[] {keys.rate()}, "s");
    assertThat(commands.zscore(keys.rate(), "s")).isGreaterThanOrEqualTo(granted + 20_000);
    commands.eval(
        Scripts.SENT.source(), ScriptOutputType.INTEGER, new String[] {keys.rate()}, "never");
    assertThat(commands.zscore(keys.rate(), "never")).isNull();
  }

  @Test
  void keysShareOneClusterSlotAndNameNeitherTheGroupNorTheAccessId() {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    acquire("k", 4, 1_000_000, 10, 15_000_000);
    assertThat(SlotHash.getSlot(keys.rate())).isEqualTo(SlotHash.getSlot(keys.inFlight()));
    acquire("k2", 1, 1_000_000, 10, 15_000_000); // refused: queued
    List<String> all = commands.keys("*");
    assertThat(all)
        .containsExactlyInAnyOrder(keys.rate(), keys.inFlight(), keys.queue(), keys.queueSeen());
    assertThat(SlotHash.getSlot(keys.queue())).isEqualTo(SlotHash.getSlot(keys.rate()));
    assertThat(String.join(" ", all))
        .doesNotContain("ops-automation")
        .doesNotContain("example.com")
        .doesNotContain("suABCDEF123456");
    // Another access id of the same group: another in-flight key, the same slot and rate log.
    KeyNames other = KeyNames.of("ops-automation@example.com", "suOTHER");
    assertThat(other.rate()).isEqualTo(keys.rate());
    assertThat(other.inFlight()).isNotEqualTo(keys.inFlight());
    assertThat(SlotHash.getSlot(other.inFlight())).isEqualTo(SlotHash.getSlot(keys.rate()));
  }

  @Test
  void keysExpireWhenIdle() {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    acquire("t", 4, 1_000_000, 10, 15_000_000);
    assertThat(commands.pttl(keys.rate())).isBetween(1L, 2_000L);
    assertThat(commands.pttl(keys.inFlight())).isBetween(15_000L, 16_000L);
  }

  @Test
  void manyConnectionsRacingNeverGrantMoreThanTheBudgetInAnyWindow() throws Exception {
    commands.scriptLoad(Scripts.ACQUIRE.source());
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      for (int t = 0; t < threads; t++) {
        StatefulRedisConnection<String, String> own = client.connect();
        connections.add(own);
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  RedisCommands<String, String> c = own.sync();
                  int n = 0;
                  String lease = thread + "-" + n;
                  while (System.nanoTime() < end) {
                    List<Long> answer =
                        c.evalsha(
                            Scripts.ACQUIRE.sha1(),
                            ScriptOutputType.MULTI,
                            keys.forAcquire(),
                            lease,
                            "4",
                            "250000",
                            "1000",
                            "15000000",
                            "3000000");
                    if (answer.get(0) == 1L) {
                      lease = thread + "-" + ++n;
                      grants.add(answer.get(2));
                      c.zrem(keys.inFlight(), thread + "-" + (n - 1));
                    }
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
      connections.forEach(StatefulRedisConnection::close);
    }
    List<Long> sorted = new ArrayList<>(grants);
    Collections.sort(sorted);
    // 1.5 s of 4 per 250 ms: at most 6 windows' worth, and at least 5 (the budget is used).
    assertThat(sorted).hasSizeBetween(20, 28);
    for (int i = 4; i < sorted.size(); i++) {
      assertThat(sorted.get(i) - sorted.get(i - 4))
          .as("five grants within one window at %d", i)
          .isGreaterThanOrEqualTo(250_000L);
    }
  }
}
