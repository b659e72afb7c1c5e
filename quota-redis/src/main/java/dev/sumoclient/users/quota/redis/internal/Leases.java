package dev.sumoclient.users.quota.redis.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The leases this JVM holds, by in-flight key, and their renewal.
 *
 * <p>A lease id is this JVM's random prefix and a counter: unique across JVMs without a round trip,
 * and meaningless to anyone reading Redis.
 */
public final class Leases {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();
  private final Map<String, Set<String>> live = new ConcurrentHashMap<>();

  /** Creates an empty set of leases with a fresh random prefix. */
  public Leases() {
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    this.prefix = HexFormat.of().formatHex(random);
  }

  /**
   * Returns a new lease id.
   *
   * @return the id
   */
  public String next() {
    return prefix + ":" + counter.incrementAndGet();
  }

  /**
   * Records a granted lease, to be renewed until {@link #remove removed}.
   *
   * @param inFlightKey the key it lives under
   * @param lease the lease id
   */
  public void add(String inFlightKey, String lease) {
    live.computeIfAbsent(inFlightKey, k -> ConcurrentHashMap.newKeySet()).add(lease);
  }

  /**
   * Forgets a lease, which is no longer renewed.
   *
   * @param inFlightKey the key it lives under
   * @param lease the lease id
   */
  public void remove(String inFlightKey, String lease) {
    Set<String> leases = live.get(inFlightKey);
    if (leases != null) {
      leases.remove(lease);
    }
  }

  /**
   * Tells whether a lease is held.
   *
   * @param inFlightKey the key it lives under
   * @param lease the lease id
   * @return true between {@link #add} and {@link #remove}
   */
  public boolean holds(String inFlightKey, String lease) {
    Set<String> leases = live.get(inFlightKey);
    return leases != null && leases.contains(lease);
  }

  /**
   * Extends every held lease to {@code leaseMicros} from Redis's now, one script call per key.
   *
   * @param link the link to send through; nothing is sent while it is down
   * @param leaseMicros the lease length
   */
  public void renewAll(RedisLink link, long leaseMicros) {
    if (!link.isUp()) {
      return;
    }
    for (Map.Entry<String, Set<String>> entry : live.entrySet()) {
      List<String> args = new ArrayList<>();
      args.add(Long.toString(leaseMicros));
      args.addAll(entry.getValue());
      if (args.size() > 1) {
        link.fire(Scripts.RENEW, new String[] {entry.getKey()}, args.toArray(String[]::new));
      }
    }
  }
}
