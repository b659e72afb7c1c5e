package dev.sumoclient.users.quota.redis;

import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.internal.Durations;
import dev.sumoclient.users.quota.redis.internal.KeyNames;
import dev.sumoclient.users.quota.redis.internal.Leases;
import dev.sumoclient.users.quota.redis.internal.RedisLink;
import dev.sumoclient.users.quota.redis.internal.RedisUnavailableException;
import dev.sumoclient.users.quota.redis.internal.Scripts;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SslOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

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
 * name or an access id. A request is stamped when granted, again when written, and last when its
 * response comes (or {@linkplain Builder#maxArrivalDelay(Duration) a bound} after writing, for slow
 * calls): Sumo counts it on arrival, which lies between writing and the response, so no window of
 * Sumo's sees more than the budget, and nothing is held for a whole slow exchange.
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

  /**
   * The least time one Redis round trip is given, even when the caller asks not to wait at all:
   * asking is not waiting for quota. Loopback answers in well under a millisecond, a busy network
   * in a few.
   */
  private static final long MIN_ROUND_TRIP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** How long a waiter that stopped asking Redis keeps its place in the group's queue. */
  private static final long STALE_WAITER_MICROS = TimeUnit.SECONDS.toMicros(3);

  private final RedisLink link;
  private final Fallback fallback;
  private final double fallbackShare;
  private final long leaseMicros;
  private final long guardMicros;
  private final long arrivalMicros;
  private final QuotaCoordinator local = QuotaCoordinator.inJvm();
  private final Leases leases = new Leases();

  /** One gate per group and access id, so their key names are hashed once, not per request. */
  private final Map<QuotaKey, Gate> gates = new ConcurrentHashMap<>();

  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisQuotas(Builder builder, RedisURI uri, String where) {
    this.fallback = builder.fallback;
    this.fallbackShare = builder.fallbackShare;
    this.leaseMicros = TimeUnit.NANOSECONDS.toMicros(builder.leaseTime.toNanos());
    this.guardMicros = TimeUnit.NANOSECONDS.toMicros(builder.rateGuard.toNanos());
    this.arrivalMicros = TimeUnit.NANOSECONDS.toMicros(builder.maxArrivalDelay.toNanos());
    this.link =
        new RedisLink(
            uri,
            where,
            builder.commandTimeout,
            builder.connectTimeout,
            Duration.ofSeconds(1),
            builder.sslOptions);
    long renewEvery = builder.leaseTime.toNanos() / 3;
    link.scheduler()
        .scheduleWithFixedDelay(
            () -> leases.renewAll(link, leaseMicros), renewEvery, renewEvery, TimeUnit.NANOSECONDS);
  }

  /**
   * Connects with the defaults: fall back to in-JVM limits at half the quotas, 500 ms command
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
    long deadline = Durations.deadline(start, maxWait);
    if (closed.get()) {
      throw new IllegalStateException("RedisQuotas is closed");
    }
    if (!link.isUp()) {
      return fallbackAcquire(key, quotas, start, deadline, false);
    }
    Gate gate = gates.computeIfAbsent(key, Gate::new);
    KeyNames names = gate.names;
    // One waiter per access id and JVM asks Redis at a time, the others queue behind it in
    // arrival order: fair within the JVM, and no herd of threads polling Redis.
    // A zero timeout still honours the fair lock's queue (the untimed tryLock would barge).
    boolean queued = !gate.lock.tryLock(0, TimeUnit.NANOSECONDS);
    if (queued
        && !gate.lock.tryLock(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
      throw timeout("an earlier request of this access id is still waiting", start);
    }
    try {
      String windowMicros =
          Long.toString(TimeUnit.NANOSECONDS.toMicros(quotas.per().toNanos()) + guardMicros);
      // One id for all of this caller's attempts: it is also its place in the group's queue.
      String lease = leases.next();
      String[] args = {
        lease,
        Integer.toString(quotas.requests()),
        windowMicros,
        Integer.toString(quotas.maxConcurrent()),
        Long.toString(leaseMicros),
        Long.toString(STALE_WAITER_MICROS)
      };
      try {
        return acquireLoop(key, quotas, start, deadline, gate, args, lease, queued);
      } finally {
        if (!leases.holds(names.inFlight(), lease)) {
          // Gave up (deadline, fallback, interrupt): leave the queue so later waiters move up.
          link.fireCommand(c -> c.zrem(names.queue(), lease));
          link.fireCommand(c -> c.zrem(names.queueSeen(), lease));
        }
      }
    } finally {
      gate.lock.unlock();
    }
  }

  private QuotaPermit acquireLoop(
      QuotaKey key,
      Quotas quotas,
      long start,
      long deadline,
      Gate gate,
      String[] args,
      String lease,
      boolean queued)
      throws InterruptedException {
    // Whether this caller has waited (behind another of its JVM, or for the quota): until then its
    // permit reports no wait, as QuotaPermit promises; a Redis round trip is no quota wait.
    boolean waited = queued;
    while (true) {
      long version = gate.version();
      long remaining = deadline - System.nanoTime();
      long commandTimeout = link.commandTimeout().toNanos();
      long bound = Math.min(commandTimeout, Math.max(remaining, MIN_ROUND_TRIP_NANOS));
      List<Long> answer;
      try {
        answer = link.eval(Scripts.ACQUIRE, ScriptOutputType.MULTI, gate.acquireKeys, args, bound);
      } catch (RedisUnavailableException e) {
        if (!e.timedOut() || bound >= commandTimeout) {
          link.markDown(e, "acquire");
        }
        // else only this call's own deadline was too short for Redis: Redis is not down.
        // The failed attempt cost the caller real time: it counts as waiting.
        return fallbackAcquire(key, quotas, start, deadline, true);
      }
      if (answer.get(0) == 1L) {
        leases.add(gate.names.inFlight(), lease);
        return new RedisPermit(lease, gate, sinceIf(waited, start));
      }
      long waitNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(answer.get(2), 0));
      remaining = deadline - System.nanoTime();
      if (answer.get(1) == 2L) {
        // The rate window is full and frees up at a known time: fail now if that is too late.
        if (waitNanos > remaining) {
          throw timeout("the quota group's rate budget is spent", start);
        }
        TimeUnit.NANOSECONDS.sleep(waitNanos);
        waited = true;
      } else {
        if (remaining <= 0) {
          throw timeout("the access id's in-flight cap is reached", start);
        }
        gate.awaitRelease(
            version, Math.min(Math.min(waitNanos, CONCURRENCY_POLL_NANOS), remaining));
        waited = true;
      }
    }
  }

  private QuotaPermit fallbackAcquire(
      QuotaKey key, Quotas quotas, long start, long deadline, boolean waited)
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
    return new FallbackPermit(permit, sinceIf(waited || !permit.waited().isZero(), start));
  }

  /** The time since {@code start} if the caller waited, else zero. */
  private static Duration sinceIf(boolean waited, long start) {
    return waited ? Duration.ofNanos(System.nanoTime() - start) : Duration.ZERO;
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

  /**
   * The waiters of one group and access id in this JVM: a fair lock, and a signal when a permit
   * returns; with the Redis keys they use.
   *
   * <p>Like the in-JVM coordinator it waits on {@link ReentrantLock} conditions, never monitors, so
   * a virtual thread waiting for a release does not pin its carrier (JDK 21 to 23).
   */
  private static final class Gate {
    final ReentrantLock lock = new ReentrantLock(true);
    final KeyNames names;
    final String[] acquireKeys;
    final String[] sentKeys;
    final String[] releaseKeys;
    private final ReentrantLock releaseLock = new ReentrantLock();
    private final Condition releasedSignal = releaseLock.newCondition();
    private long released;

    Gate(QuotaKey key) {
      this.names = KeyNames.of(key.group(), key.accessId());
      this.acquireKeys = names.forAcquire();
      this.sentKeys = new String[] {names.rate()};
      this.releaseKeys = new String[] {names.rate(), names.inFlight()};
    }

    long version() {
      releaseLock.lock();
      try {
        return released;
      } finally {
        releaseLock.unlock();
      }
    }

    void signal() {
      releaseLock.lock();
      try {
        released++;
        releasedSignal.signalAll();
      } finally {
        releaseLock.unlock();
      }
    }

    void awaitRelease(long version, long nanos) throws InterruptedException {
      releaseLock.lock();
      try {
        if (released == version && nanos > 0) {
          releasedSignal.awaitNanos(nanos);
        }
      } finally {
        releaseLock.unlock();
      }
    }
  }

  private final class RedisPermit implements QuotaPermit {
    private final String lease;
    private final Gate gate;
    private final Duration waited;
    private final AtomicBoolean sent = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();

    RedisPermit(String lease, Gate gate, Duration waited) {
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
        link.fire(Scripts.SENT, gate.sentKeys, new String[] {lease});
      }
    }

    @Override
    public void close() {
      if (done.compareAndSet(false, true)) {
        leases.remove(gate.names.inFlight(), lease);
        link.fire(
            Scripts.RELEASE, gate.releaseKeys, new String[] {lease, Long.toString(arrivalMicros)});
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
    private Duration commandTimeout = Duration.ofMillis(500);
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration leaseTime = Duration.ofSeconds(15);
    private Duration rateGuard = Duration.ZERO;
    private Duration maxArrivalDelay = Duration.ofMillis(250);
    private @Nullable SslOptions sslOptions;

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
     * Sets the longest one Redis command may take before the coordinator falls back; 500 ms by
     * default (a loopback round trip takes well under a millisecond, but a loaded host stalls a JVM
     * for a few hundred). A call's own deadline bounds it too.
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
     * Sets how much longer than the quotas' window a request's stamp counts; zero by default.
     *
     * <p>A stamp is never earlier than Sumo's count of the request when its response comes within
     * {@linkplain #maxArrivalDelay(Duration) the arrival delay} (it moves to the response), so the
     * window needs no guard for that. A guard covers a request that is still in flight while its
     * slot frees, or whose arrival lags its write by more than the arrival delay: each millisecond
     * of guard costs about 0.1 % of the throughput.
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
     * Sets how late after it was written a request may still reach Sumo; 250 ms by default.
     *
     * <p>Sumo counts a request when it arrives, somewhere between when it was written and when its
     * response came. When the response comes, the request's stamp moves to the response, or to this
     * long after writing if the response took longer: on a loaded network or server the arrival can
     * lag the write by more than the {@linkplain #rateGuard(Duration) guard}, never past the
     * response. The cost: a rate slot frees up to this much later for slow calls.
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder maxArrivalDelay(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new SumoConfigurationException("maxArrivalDelay must be zero or more, was " + delay);
      }
      this.maxArrivalDelay = delay;
      return this;
    }

    /**
     * Trusts, for a {@code rediss://} URL, only the CA certificates in a PEM file, instead of the
     * JVM's default trust store.
     *
     * <p>Without it a {@code rediss://} connection trusts what the JVM trusts: its {@code cacerts},
     * or the store named by the {@code javax.net.ssl.trustStore} system property. The server's
     * certificate must also name the URL's host (as a DNS name or an IP address). A server this
     * does not trust is treated like a Redis that does not answer: calls fall back (or fail, by the
     * policy) with one warning naming the TLS failure.
     *
     * @param pemFile one or more {@code -----BEGIN CERTIFICATE-----} blocks, such as the {@code
     *     tls-ca-cert-file} Redis was given
     * @return this builder
     * @throws SumoConfigurationException when the file cannot be read or holds no certificate
     */
    public Builder trustedCertificates(Path pemFile) {
      if (pemFile == null) {
        throw new SumoConfigurationException("trustedCertificates must not be null");
      }
      Collection<? extends Certificate> certificates;
      try (InputStream in = Files.newInputStream(pemFile)) {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      } catch (IOException | GeneralSecurityException e) {
        throw new SumoConfigurationException(
            "trustedCertificates: "
                + pemFile
                + " cannot be read as PEM certificates ("
                + e.getClass().getSimpleName()
                + ")");
      }
      if (certificates.isEmpty()) {
        throw new SumoConfigurationException(
            "trustedCertificates: " + pemFile + " holds no certificate");
      }
      try {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
          store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory trust =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        this.sslOptions = SslOptions.builder().jdkSslProvider().trustManager(trust).build();
      } catch (IOException | GeneralSecurityException e) {
        throw new SumoConfigurationException(
            "trustedCertificates: " + pemFile + " cannot be trusted (" + e + ")");
      }
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
      // The URI's timeout bounds connecting (handshake included); commands have their own.
      uri.setTimeout(connectTimeout);
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
