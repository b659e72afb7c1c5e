package dev.sumoclient.users.quota.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection to Redis, whether it answers, and the scripts run over it.
 *
 * <p>Lettuce is told to reject commands while disconnected (by default it queues them for up to a
 * minute) and to time every command out after the command timeout; every wait here is bounded again
 * by the caller's own deadline. The link starts down if Redis cannot be reached, and a probe on the
 * {@linkplain #scheduler() scheduler} connects, or pings, once per probe interval until it answers.
 * A failed command marks the link down with one warning; the probe that finds Redis answering again
 * marks it up with one line at INFO.
 */
public final class RedisLink implements AutoCloseable {
  /** Logs under the public class's name, which is what users configure. */
  private static final Logger log =
      LoggerFactory.getLogger("dev.sumoclient.users.quota.redis.RedisQuotas");

  private final RedisURI uri;
  private final String where;
  private final Duration commandTimeout;
  private final Duration probeInterval;
  private final ClientResources resources;
  private final RedisClient client;
  private final ScheduledThreadPoolExecutor scheduler;

  private volatile @Nullable StatefulRedisConnection<String, String> connection;
  private volatile boolean up;
  private volatile boolean closed;

  /** Whether a probe is scheduled; guarded by this. */
  private boolean probing;

  /** Whether this outage was already logged; guarded by this. */
  private boolean warned;

  /**
   * Creates a link and tries to connect once, without failing when Redis does not answer.
   *
   * @param uri the parsed URI, credentials included
   * @param where the URI without credentials, for messages
   * @param commandTimeout the longest any one command may take
   * @param connectTimeout the longest one connection attempt may take
   * @param probeInterval how often a down link retries
   * @param sslOptions what a {@code rediss://} connection trusts; null for the JVM's default
   */
  public RedisLink(
      RedisURI uri,
      String where,
      Duration commandTimeout,
      Duration connectTimeout,
      Duration probeInterval,
      @Nullable SslOptions sslOptions) {
    this.uri = uri;
    this.where = where;
    this.commandTimeout = commandTimeout;
    this.probeInterval = probeInterval;
    this.resources =
        DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    this.client = RedisClient.create(resources, uri);
    ClientOptions.Builder options = ClientOptions.builder();
    if (sslOptions != null) {
      options.sslOptions(sslOptions);
    }
    client.setOptions(
        options
            // Lettuce's default queues commands while disconnected, for up to a minute: a call
            // would then wait on Redis far past its deadline. Rejected at once, it falls back.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            // The probe reconnects, once a second, quietly: Lettuce's own watchdog would log a
            // warning on every attempt for as long as Redis is away.
            .autoReconnect(false)
            .socketOptions(
                SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
    this.scheduler = new ScheduledThreadPoolExecutor(1, RedisLink::daemon);
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    if (!connect()) {
      scheduleProbe();
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "sumo-quota-redis");
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Returns the single thread on which probes and lease renewals run.
   *
   * @return the scheduler
   */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /**
   * Returns where Redis is, without credentials, such as {@code rediss://cache.internal:6380}.
   *
   * @return the address
   */
  public String where() {
    return where;
  }

  /**
   * Returns the command timeout.
   *
   * @return the timeout
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * Tells whether the last command or probe found Redis answering.
   *
   * @return true when commands are worth sending
   */
  public boolean isUp() {
    return up;
  }

  private boolean connect() {
    StatefulRedisConnection<String, String> opened = null;
    try {
      opened = client.connect(StringCodec.UTF8, uri);
      loadScripts(opened);
      connection = opened;
      up = true;
      log.debug("Connected to Redis at {} for quota coordination", where);
      return true;
    } catch (RedisException e) {
      if (opened != null) {
        opened.closeAsync();
      }
      markDown(e, "connect");
      return false;
    }
  }

  /** Caches the scripts in Redis, so that the first {@code EVALSHA} of each finds it. */
  private static void loadScripts(StatefulRedisConnection<String, String> connection) {
    for (Scripts script : List.of(Scripts.ACQUIRE, Scripts.SENT, Scripts.RELEASE, Scripts.RENEW)) {
      connection.sync().scriptLoad(script.source());
    }
  }

  /**
   * Records that Redis did not answer: logs one warning per outage and starts probing.
   *
   * @param cause what failed
   * @param what the command, for the message
   */
  public void markDown(Throwable cause, String what) {
    boolean warn;
    synchronized (this) {
      up = false;
      warn = !warned;
      warned = true;
    }
    if (warn) {
      log.warn(
          "Redis at {} did not answer ({} failed: {}); quotas are not shared until it answers"
              + " again",
          where,
          what,
          describe(cause));
    }
    scheduleProbe();
  }

  private synchronized void scheduleProbe() {
    if (probing || closed) {
      return;
    }
    probing = true;
    scheduler.schedule(this::probe, probeInterval.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void probe() {
    synchronized (this) {
      probing = false;
    }
    if (closed) {
      return;
    }
    StatefulRedisConnection<String, String> current = connection;
    boolean answered;
    if (current == null || !current.isOpen()) {
      if (current != null) {
        connection = null;
        current.closeAsync();
      }
      answered = connect();
    } else {
      try {
        // Loading the scripts is the probe: a Redis restarted empty has them again at once.
        loadScripts(current);
        answered = true;
      } catch (RedisException e) {
        answered = false;
      }
    }
    if (answered) {
      boolean wasWarned;
      synchronized (this) {
        up = true;
        wasWarned = warned;
        warned = false;
      }
      if (wasWarned) {
        log.info("Redis at {} answers again; quotas are shared through it again", where);
      }
    } else {
      scheduleProbe();
    }
  }

  /**
   * Runs a script and waits for its answer, at most {@code timeoutNanos}.
   *
   * @param script the script
   * @param type how Redis's answer is decoded
   * @param keys the keys it touches
   * @param args its arguments
   * @param timeoutNanos the longest to wait
   * @param <T> the answer's type
   * @return the answer
   * @throws RedisUnavailableException when Redis refused, failed or did not answer in time
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public <T> T eval(
      Scripts script, ScriptOutputType type, String[] keys, String[] args, long timeoutNanos)
      throws RedisUnavailableException, InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      return await(script, c -> c.<T>evalsha(script.sha1(), type, keys, args), timeoutNanos);
    } catch (NoScriptException e) {
      // Redis restarted, or flushed its script cache: send the source, which caches it again.
      try {
        return await(
            script,
            c -> c.<T>eval(script.source(), type, keys, args),
            deadline - System.nanoTime());
      } catch (NoScriptException impossible) {
        throw new RedisUnavailableException(script + ": NOSCRIPT after EVAL", impossible, false);
      }
    }
  }

  /**
   * Runs a script without waiting for it; failures are left to the next call to notice.
   *
   * @param script the script
   * @param keys the keys it touches
   * @param args its arguments
   * @return the answer, or an exceptionally completed stage
   */
  public CompletionStage<Object> fire(Scripts script, String[] keys, String[] args) {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null || !up) {
      return CompletableFuture.failedFuture(new IllegalStateException("Redis is down"));
    }
    try {
      RedisAsyncCommands<String, String> async = current.async();
      return async
          .<Object>evalsha(script.sha1(), ScriptOutputType.INTEGER, keys, args)
          .handle(
              (answer, failure) -> {
                if (failure == null) {
                  return CompletableFuture.completedFuture(answer);
                }
                if (unwrap(failure) instanceof RedisNoScriptException) {
                  return async
                      .<Object>eval(script.source(), ScriptOutputType.INTEGER, keys, args)
                      .toCompletableFuture();
                }
                return CompletableFuture.<Object>failedFuture(failure);
              })
          .thenCompose(Function.identity());
    } catch (RedisException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Sends a plain command without waiting for it; failures are ignored (leases expire anyway).
   *
   * @param command the command
   */
  public void fireCommand(Function<RedisAsyncCommands<String, String>, RedisFuture<?>> command) {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null || !up) {
      return;
    }
    try {
      command.apply(current.async());
    } catch (RedisException e) {
      // Rejected while disconnected: the lease expires on its own.
    }
  }

  private <T> T await(
      Scripts script,
      Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command,
      long timeoutNanos)
      throws RedisUnavailableException, InterruptedException, NoScriptException {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      throw new RedisUnavailableException(
          script + ": not connected to Redis at " + where, new IllegalStateException(), false);
    }
    RedisFuture<T> future;
    try {
      future = command.apply(current.async());
    } catch (RedisException e) {
      throw new RedisUnavailableException(script + ": " + describe(e), e, false);
    }
    try {
      return future.get(Math.max(timeoutNanos, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new RedisUnavailableException(
          script + ": no answer within " + Duration.ofNanos(Math.max(timeoutNanos, 0)), e, true);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RedisNoScriptException) {
        throw new NoScriptException();
      }
      throw new RedisUnavailableException(
          script + ": " + describe(cause),
          cause,
          cause instanceof io.lettuce.core.RedisCommandTimeoutException);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException
            || cause instanceof java.util.concurrent.CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The failure's class and message, and the TLS failure beneath it if any (such as an untrusted
   * certificate); Lettuce's and the JDK's messages name host and port, never credentials.
   */
  static String describe(Throwable failure) {
    Throwable cause = unwrap(failure);
    String message = cause.getMessage();
    String described = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException) {
        return described + "; TLS: " + t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return described;
  }

  /** EVALSHA named a script Redis does not hold. */
  private static final class NoScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    NoScriptException() {
      super(null, null, false, false);
    }
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    try {
      // A probe in the middle of connecting finishes before the client it uses shuts down.
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    StatefulRedisConnection<String, String> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "RedisLink{" + where + (up ? ", up" : ", down") + "}";
  }
}
