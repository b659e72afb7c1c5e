package dev.sumoclient.users.quota.redis;

import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM that takes permits and holds them, as a JVM in the middle of slow calls does, until
 * it is killed: {@code PermitHolder <redis-uri> <group> <access-id> <permits> <lease-ms>}.
 */
public final class PermitHolder {
  static final String HOLDING = "HOLDING";

  private PermitHolder() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    QuotaKey key = new QuotaKey(args[1], args[2]);
    int permits = Integer.parseInt(args[3]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
    Quotas quotas = Quotas.of(100, Duration.ofSeconds(1), permits);
    RedisQuotas coordinator = RedisQuotas.builder(uri).leaseTime(lease).build();
    if (!coordinator.isShared()) {
      System.out.println("NO REDIS");
      System.exit(3);
    }
    List<QuotaPermit> held = new ArrayList<>();
    for (int i = 0; i < permits; i++) {
      QuotaPermit permit = coordinator.acquire(key, quotas, Duration.ofSeconds(5));
      permit.sent();
      held.add(permit);
    }
    System.out.println(HOLDING + " " + held.size());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
