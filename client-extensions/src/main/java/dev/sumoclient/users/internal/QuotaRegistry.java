package dev.sumoclient.users.internal;

import dev.sumoclient.users.Quotas;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands every client of the same access id (and quotas) the same {@link QuotaLimiter}.
 *
 * <p>Sharing is the point: Sumo's quotas apply per access id, however many clients a process
 * builds. The map holds limiters weakly, so a limiter no client uses any more is collected and the
 * map cannot grow without bound; clients keep a strong reference to the limiter they use.
 */
public final class QuotaRegistry {
  private static final int PURGE_THRESHOLD = 64;
  private static final Map<Key, WeakReference<QuotaLimiter>> LIMITERS = new ConcurrentHashMap<>();

  private record Key(String accessId, Quotas quotas, TimeSource time) {}

  private QuotaRegistry() {}

  /**
   * Returns the limiter shared by everyone using this access id with these quotas.
   *
   * @param accessId the access id
   * @param quotas the limits
   * @param time the time source (clients with a different time source never share)
   * @return the shared limiter
   */
  public static QuotaLimiter limiterFor(String accessId, Quotas quotas, TimeSource time) {
    Key key = new Key(accessId, quotas, time);
    QuotaLimiter fresh = null;
    while (true) {
      WeakReference<QuotaLimiter> ref = LIMITERS.get(key);
      QuotaLimiter existing = ref == null ? null : ref.get();
      if (existing != null) {
        return existing;
      }
      if (fresh == null) {
        fresh = new QuotaLimiter(quotas, time);
      }
      WeakReference<QuotaLimiter> mine = new WeakReference<>(fresh);
      boolean installed =
          ref == null ? LIMITERS.putIfAbsent(key, mine) == null : LIMITERS.replace(key, ref, mine);
      if (installed) {
        if (LIMITERS.size() > PURGE_THRESHOLD) {
          LIMITERS.values().removeIf(r -> r.get() == null);
        }
        return fresh;
      }
    }
  }
}
