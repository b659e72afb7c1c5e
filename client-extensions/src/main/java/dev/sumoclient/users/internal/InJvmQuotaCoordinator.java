package dev.sumoclient.users.internal;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The in-JVM {@link QuotaCoordinator}: limiters shared through {@link QuotaRegistry}. */
public final class InJvmQuotaCoordinator implements QuotaCoordinator {
  private static final InJvmQuotaCoordinator SHARED = new InJvmQuotaCoordinator(TimeSource.SYSTEM);

  private final TimeSource time;

  private InJvmQuotaCoordinator(TimeSource time) {
    this.time = time;
  }

  /**
   * Returns the coordinator every client of the JVM shares by default.
   *
   * @return the shared coordinator
   */
  public static InJvmQuotaCoordinator shared() {
    return SHARED;
  }

  /**
   * Returns a coordinator on the given time source; clients on the same source share limiters.
   *
   * @param time the time source
   * @return the coordinator
   */
  public static InJvmQuotaCoordinator on(TimeSource time) {
    return time == TimeSource.SYSTEM ? SHARED : new InJvmQuotaCoordinator(time);
  }

  @Override
  public QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait)
      throws InterruptedException {
    QuotaLimiter limiter = QuotaRegistry.limiterFor(key.group(), quotas, time);
    Duration waited;
    try {
      waited = limiter.acquire(time.nanoTime() + maxWait.toNanos());
    } catch (QuotaLimiter.QuotaTimeoutException e) {
      throw new SumoTimeoutException(e.getMessage(), null);
    }
    return new Permit(limiter, waited);
  }

  private static final class Permit implements QuotaPermit {
    private final QuotaLimiter limiter;
    private final Duration waited;
    private final AtomicBoolean closed = new AtomicBoolean();

    Permit(QuotaLimiter limiter, Duration waited) {
      this.limiter = limiter;
      this.waited = waited;
    }

    @Override
    public Duration waited() {
      return waited;
    }

    @Override
    public void sent() {}

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        limiter.release();
      }
    }
  }

  @Override
  public String toString() {
    return "QuotaCoordinator.inJvm()";
  }
}
