package dev.sumoclient.users.quota.redis;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.quota.redis.internal.KeyNames;
import dev.sumoclient.users.quota.redis.internal.Leases;
import dev.sumoclient.users.quota.redis.internal.RedisLink;
import dev.sumoclient.users.quota.redis.internal.RedisUnavailableException;
import dev.sumoclient.users.quota.redis.internal.Scripts;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link QuotaCoordinator} on Redis: every JVM using the same Redis and quota group keeps to one
 * Sumo Logic budget.
 *
 * <pre>{@code
 * RedisQuotas quotas = RedisQuotas.connect(URI.create("rediss://quota:secret@cache.internal:6380"));
 * SumoUsersClient client = SumoUsersClient.builder()
 *     .fromEnvironment()
 *     .quotaGroup("ops-automation@example.com")
 *     .quotaCoordinator(quotas)
 *     .build();
 * }</pre>
 *
 * <p>Each permit is granted by one Lua script, run atomically in Redis with {@code EVALSHA} in one
 * round trip: it dates requests by Redis's own clock ({@code TIME}), so client clocks never matter;
 * it keeps the group's rate log and the access id's in-flight leases in two sorted sets under one
 * hash tag, so that they share a Redis Cluster slot; and its key names hold hashes, never a group
 * name or an access id. A request is stamped when granted and stamped again when written; the
 * window is Sumo's second plus a {@linkplain Builder#rateGuard(Duration) guard} for the spread of
 * network delays.
 *
 * <p>An in-flight permit is a lease that expires after the {@linkplain Builder#leaseTime(Duration)
 * lease time} and is renewed every third of it while the call lasts, so a JVM killed mid-call gives
 * its permits back within one lease time.
 *
 * <p>When Redis does not answer (down at start, killed, restarted, slower than the {@linkplain
 * Builder#commandTimeout(Duration) command timeout}), the {@linkplain Fallback#IN_JVM default
 * policy} keeps serving from an in-JVM limiter at a {@linkplain Builder#fallbackShare(double)
 * share} of the quotas, logs one warning, probes Redis every second and returns to it when it
 * answers; {@link Fallback#FAIL_FAST} fails the call instead. Either way no call waits on Redis
 * past its own deadline: Lettuce is set to reject commands while disconnected.
 *
 * <p>Thread-safe. Close it when done; a client never closes a coordinator it was given.
 */
public final class RedisQuotas implements QuotaCoordinator {
  /** How long a waiter for an in-flight permit sleeps before asking Redis again at most. */
  private static final long CONCURRENCY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final RedisLink link;
  private final Fallback fallback;
  private final double fallbackShare;
  private final long leaseMicros;
  private final long guardMicros;
  private final QuotaCoordinator local = QuotaCoordinator.inJvm();
  private final Leases leases = new Leases();
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisQuotas(Builder builder, RedisURI uri, String where) {
    this.fallback = builder.fallback;
    this.fallbackShare = builder.fallbackShare;
    this.leaseMicros = TimeUnit.NANOSECONDS.toMicros(builder.leaseTime.toNanos());
    this.guardMicros = TimeUnit.NANOSECONDS.toMicros(builder.rateGuard.toNanos());
    this.link =
        new RedisLink(
            uri, where, builder.commandTimeout, builder.connectTimeout, Duration.ofSeconds(1));
    long renewEvery = builder.leaseTime.toNanos() / 3;
    link.scheduler()
        .scheduleWithFixedDelay(
            () -> leases.renewAll(link, leaseMicros), renewEvery, renewEvery, TimeUnit.NANOSECONDS);
  }

  /**
   * Connects with the defaults: fall back to in-JVM limits at half the quotas, 200 ms command
   * timeout, 15 s leases.
   *
   * @param redisUri {@code redis://} or {@code rediss://}, optionally with {@code user:password@}
   *     or {@code :password@}, and a database number as path
   * @return the coordinator, connected if Redis answered
   * @throws SumoConfigurationException when the URI is not a Redis URI
   */
  public static RedisQuotas connect(URI redisUri) {
    return builder(redisUri).build();
  }

  /**
   * Starts a builder.
   *
   * @param redisUri {@code redis://} or {@code rediss://}, optionally with {@code user:password@}
   *     or {@code :password@}, and a database number as path
   * @return the builder
   * @throws SumoConfigurationException when the URI is not a Redis URI
   */
  public static Builder builder(URI redisUri) {
    return new Builder(redisUri);
  }

  @Override
  public QuotaPermit acquire(QuotaKey key, Quotas quotas, Duration maxWait)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Math.min(maxWait.toNanos(), Long.MAX_VALUE / 4);
    if (closed.get()) {
      throw new IllegalStateException("RedisQuotas is closed");
    }
    if (!link.isUp()) {
      return fallbackAcquire(key, quotas, start, deadline);
    }
    KeyNames names = KeyNames.of(key.group(), key.accessId());
    Gate gate = gates.computeIfAbsent(names.inFlight(), k -> new Gate());
    // One waiter per access id and JVM asks Redis at a time, the others queue behind it in
    // arrival order: fair within the JVM, and no herd of threads polling Redis.
    if (!gate.lock.tryLock(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
      throw timeout("an earlier request of this access id is still waiting", start);
    }
    try {
      String[] keys = {names.rate(), names.inFlight()};
      String windowMicros =
          Long.toString(TimeUnit.NANOSECONDS.toMicros(quotas.per().toNanos()) + guardMicros);
      while (true) {
        long version = gate.version();
        String lease = leases.next();
        String[] args = {
          lease,
          Integer.toString(quotas.requests()),
          windowMicros,
          Integer.toString(quotas.maxConcurrent()),
          Long.toString(leaseMicros)
        };
        long remaining = deadline - System.nanoTime();
        List<Long> answer;
        try {
          answer =
              link.eval(
                  Scripts.ACQUIRE,
                  ScriptOutputType.MULTI,
                  keys,
                  args,
                  Math.min(link.commandTimeout().toNanos(), Math.max(remaining, 0)));
        } catch (RedisUnavailableException e) {
          link.markDown(e, "acquire");
          return fallbackAcquire(key, quotas, start, deadline);
        }
        if (answer.get(0) == 1L) {
          leases.add(names.inFlight(), lease);
          return new RedisPermit(names, lease, gate, Duration.ofNanos(System.nanoTime() - start));
        }
        long waitNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(answer.get(2), 0));
        remaining = deadline - System.nanoTime();
        if (answer.get(1) == 2L) {
          // The rate window is full and frees up at a known time: fail now if that is too late.
          if (waitNanos > remaining) {
            throw timeout("the quota group's rate budget is spent", start);
          }
          TimeUnit.NANOSECONDS.sleep(waitNanos);
        } else {
          if (remaining <= 0) {
            throw timeout("the access id's in-flight cap is reached", start);
          }
          gate.awaitRelease(
              version, Math.min(Math.min(waitNanos, CONCURRENCY_POLL_NANOS), remaining));
        }
      }
    } finally {
      gate.lock.unlock();
    }
  }

  private QuotaPermit fallbackAcquire(QuotaKey key, Quotas quotas, long start, long deadline)
      throws InterruptedException {
    if (fallback == Fallback.FAIL_FAST) {
      throw new SumoClientException(
          "Quotas cannot be coordinated: Redis at "
              + link.where()
              + " does not answer, and the fallback policy is FAIL_FAST");
    }
    Quotas share =
        Quotas.of(
            Math.max(1, (int) Math.floor(quotas.requests() * fallbackShare)),
            quotas.per(),
            Math.max(1, (int) Math.floor(quotas.maxConcurrent() * fallbackShare)));
    // A group of its own, so the fallback's share never mixes with full-budget in-JVM limiters.
    QuotaKey local = new QuotaKey(key.group() + " (Redis fallback)", key.accessId());
    QuotaPermit permit =
        this.local.acquire(
            local, share, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
    return new FallbackPermit(permit, Duration.ofNanos(System.nanoTime() - start));
  }

  private static SumoTimeoutException timeout(String why, long start) {
    return new SumoTimeoutException(
        "Quota wait timed out after "
            + Duration.ofNanos(System.nanoTime() - start).toMillis()
            + " ms: "
            + why,
        null);
  }

  /**
   * Tells whether Redis answered the last command or probe; false while falling back.
   *
   * @return true when quotas are shared through Redis
   */
  public boolean isShared() {
    return link.isUp();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      link.close();
    }
  }

  /** Names Redis by scheme, host and port only: never the password or user. */
  @Override
  public String toString() {
    return "RedisQuotas{"
        + link.where()
        + ", fallback="
        + (fallback == Fallback.IN_JVM
            ? String.format(Locale.ROOT, "IN_JVM at %.0f%%", fallbackShare * 100)
            : "FAIL_FAST")
        + (link.isUp() ? ", shared" : ", not shared: Redis does not answer")
        + "}";
  }

  /** What a call does when Redis does not answer. */
  public enum Fallback {
    /**
     * Keep serving from this JVM's own limiter at a share of the quotas, with one warning, and go
     * back to Redis when it answers again. Calls never fail because of Redis.
     */
    IN_JVM,
    /** Fail the call with a {@link SumoClientException} naming Redis (never its password). */
    FAIL_FAST
  }

  /** The waiters of one access id in this JVM: a fair lock, and a signal when a permit returns. */
  private static final class Gate {
    final ReentrantLock lock = new ReentrantLock(true);
    private long released;

    synchronized long version() {
      return released;
    }

    synchronized void signal() {
      released++;
      notifyAll();
    }

    synchronized void awaitRelease(long version, long nanos) throws InterruptedException {
      if (released == version && nanos > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, nanos);
      }
    }
  }

  private final class RedisPermit implements QuotaPermit {
    private final KeyNames names;
    private final String lease;
    private final Gate gate;
    private final Duration waited;
    private final AtomicBoolean sent = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();

    RedisPermit(KeyNames names, String lease, Gate gate, Duration waited) {
      this.names = names;
      this.lease = lease;
      this.gate = gate;
      this.waited = waited;
    }

    @Override
    public Duration waited() {
      return waited;
    }

    @Override
    public void sent() {
      if (!done.get() && sent.compareAndSet(false, true)) {
        link.fire(Scripts.SENT, new String[] {names.rate()}, new String[] {lease});
      }
    }

    @Override
    public void close() {
      if (done.compareAndSet(false, true)) {
        leases.remove(names.inFlight(), lease);
        link.fireCommand(c -> c.zrem(names.inFlight(), lease));
        gate.signal();
      }
    }

    @Override
    public String toString() {
      return "RedisPermit{waited=" + waited + "}";
    }
  }

  private static final class FallbackPermit implements QuotaPermit {
    private final QuotaPermit delegate;
    private final Duration waited;

    FallbackPermit(QuotaPermit delegate, Duration waited) {
      this.delegate = delegate;
      this.waited = waited;
    }

    @Override
    public Duration waited() {
      return waited;
    }

    @Override
    public void sent() {
      delegate.sent();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Configures a {@link RedisQuotas}; not thread-safe. */
  public static final class Builder {
    private final URI redisUri;
    private Fallback fallback = Fallback.IN_JVM;
    private double fallbackShare = 0.5;
    private Duration commandTimeout = Duration.ofMillis(200);
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration leaseTime = Duration.ofSeconds(15);
    private Duration rateGuard = Duration.ofMillis(50);

    private Builder(URI redisUri) {
      if (redisUri == null) {
        throw new SumoConfigurationException("The quota Redis URL is missing");
      }
      String scheme = redisUri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("redis") || scheme.equalsIgnoreCase("rediss"))) {
        throw new SumoConfigurationException(
            "The quota Redis URL must start with redis:// or rediss://, not "
                + (scheme == null ? "no scheme" : scheme + "://"));
      }
      if (redisUri.getHost() == null) {
        throw new SumoConfigurationException(
            "The quota Redis URL must name a host, as in " + scheme + "://host:6379");
      }
      this.redisUri = redisUri;
    }

    /**
     * Sets what a call does when Redis does not answer; {@link Fallback#IN_JVM} by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder fallback(Fallback policy) {
      if (policy == null) {
        throw new SumoConfigurationException("fallback must not be null");
      }
      this.fallback = policy;
      return this;
    }

    /**
     * Sets the share of the quotas this JVM keeps to on its own while Redis does not answer; 0.5 by
     * default. With {@code n} replicas, {@code 1.0 / n} keeps them all within the quotas.
     *
     * @param share more than 0, at most 1
     * @return this builder
     */
    public Builder fallbackShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new SumoConfigurationException(
            "fallbackShare must be more than 0 and at most 1, was " + share);
      }
      this.fallbackShare = share;
      return this;
    }

    /**
     * Sets the longest one Redis command may take before the coordinator falls back; 200 ms by
     * default. A call's own deadline bounds it too.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive("commandTimeout", timeout);
      return this;
    }

    /**
     * Sets the longest one connection attempt may take, at build and when probing; 1 s by default.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets how long an in-flight permit lives in Redis without renewal; 15 s by default. Held
     * permits are renewed every third of it, so this bounds how long a JVM that died mid-call keeps
     * its permits, not how long a call may last.
     *
     * @param lease at least 300 ms
     * @return this builder
     */
    public Builder leaseTime(Duration lease) {
      positive("leaseTime", lease);
      if (lease.toMillis() < 300) {
        throw new SumoConfigurationException("leaseTime must be at least 300 ms, was " + lease);
      }
      this.leaseTime = lease;
      return this;
    }

    /**
     * Sets how much longer than the quotas' window a request's stamp counts; 50 ms by default. Sumo
     * counts a request when it arrives, the stamp is taken when it was written: the guard covers
     * the spread of network delays between them.
     *
     * @param guard zero or more
     * @return this builder
     */
    public Builder rateGuard(Duration guard) {
      if (guard == null || guard.isNegative()) {
        throw new SumoConfigurationException("rateGuard must be zero or more, was " + guard);
      }
      this.rateGuard = guard;
      return this;
    }

    /**
     * Connects, without failing when Redis does not answer yet: calls then fall back (or fail, by
     * the policy) until it does.
     *
     * @return the coordinator
     * @throws SumoConfigurationException when the URI cannot be used
     */
    public RedisQuotas build() {
      RedisURI uri;
      try {
        uri = RedisURI.create(redisUri);
      } catch (RuntimeException e) {
        // Lettuce's message may quote the URI, password included: say what is wrong without it.
        throw new SumoConfigurationException(
            "The quota Redis URL cannot be used (" + e.getClass().getSimpleName() + ")");
      }
      uri.setTimeout(commandTimeout);
      return new RedisQuotas(this, uri, where(uri));
    }

    private static String where(RedisURI uri) {
      return (uri.isSsl() ? "rediss://" : "redis://")
          + uri.getHost()
          + ":"
          + uri.getPort()
          + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase());
    }

    private static Duration positive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new SumoConfigurationException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
