package dev.sumoclient.users.emulator.internal;

import dev.sumoclient.users.emulator.AccessKey;
import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side: one embedded Jetty server on a bounded pool of daemon threads, routing {@code
 * /api/...} through faults, auth and quotas to the operations, and {@code /__admin/...} to the
 * admin endpoint.
 *
 * <p>Jetty, not the JDK's {@code com.sun.net.httpserver}: the JDK server answers a malformed
 * request target with its own HTML page before any handler runs, sends no reason phrase for 429,
 * and is tuned only through JVM-wide system properties. Here every answer, protocol errors
 * included, is Sumo's JSON error body, and every setting belongs to this instance.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final byte[] NO_BODY = new byte[0];

  /**
   * Milliseconds a connection may stay silent, between requests or inside one, before it is closed.
   * Idle connections hold no thread, so a client that never finishes its headers freezes nothing;
   * this only bounds how long its socket stays open.
   */
  public static final long IDLE_TIMEOUT_MILLIS = 30_000;

  /** The largest admin request body read, in bytes: 16 MiB, room for large seed files. */
  static final int MAX_ADMIN_BODY_BYTES = 16 * 1024 * 1024;

  /**
   * The largest request body read, in bytes: 64 KiB, far above any body of the nine operations
   * (Sumo's own limits for them are well below 1 MB). A longer body is answered 413 unread.
   */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Everything the server needs, fixed at start. */
  public record Config(
      InetAddress host,
      int port,
      int threads,
      List<AccessKey> accessKeys,
      Clock clock,
      long randomSeed,
      int journalCapacity,
      List<EmulatedUser> seedUsers,
      LimitSettings limits) {
    /** Copies the lists. */
    public Config {
      accessKeys = List.copyOf(accessKeys);
      seedUsers = List.copyOf(seedUsers);
    }
  }

  private final Config config;
  private final UserStore store;
  private final Quotas quotas;
  private final FaultState faults = new FaultState();
  private final Journal journal;
  private final ErrorIds errorIds;
  private final ApiHandler api;
  private final AdminHandler admin;
  private final Map<String, AccessKey> byHeader = new ConcurrentHashMap<>();
  private final Map<String, AccessKey> byId = new ConcurrentHashMap<>();
  private final List<AccessKey> accessKeys = new CopyOnWriteArrayList<>();
  private final Server server;
  private final ServerConnector connector;
  private final int port;
  private final ScheduledExecutorScheduler scheduler;
  private final ProviderStates providerStates = new ProviderStates(this);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger closing = new AtomicInteger();

  /** The quota settings to start with and to return to on reset. */
  public record LimitSettings(
      boolean enabled, int requestsPerSecond, int maxInFlight, boolean retryAfter) {}

  /** Binds the port and starts serving. */
  public EmulatorServer(Config config) throws IOException {
    this.config = config;
    this.store = new UserStore(config.clock(), config.randomSeed());
    store.replaceAll(config.seedUsers(), config.randomSeed());
    this.quotas = new Quotas(config.clock()::millis);
    applyLimits(config.limits());
    this.journal = new Journal(config.journalCapacity());
    // Not from randomSeed: two emulators with the same seed must still never share an error id.
    this.errorIds = new ErrorIds(ThreadLocalRandom.current().nextLong());
    this.api = new ApiHandler(store);
    this.admin = new AdminHandler(this);
    for (AccessKey key : config.accessKeys()) {
      addAccessKey(key);
    }
    int instance = INSTANCES.incrementAndGet();
    String name = "sumo-emulator-" + instance;
    // The request threads, plus one to accept connections and one to select on them.
    QueuedThreadPool threads = new QueuedThreadPool(config.threads() + 2, config.threads() + 2);
    threads.setName(name);
    threads.setDaemon(true);
    threads.setReservedThreads(0);
    this.scheduler = new ScheduledExecutorScheduler(name + "-scheduler", true);
    this.server = new Server(threads, scheduler, null);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Paths reach the handler as sent ("%2F" included): routing decides, as Sumo's would.
    http.setUriCompliance(UriCompliance.UNSAFE);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host().getHostAddress());
    connector.setPort(config.port());
    connector.setAcceptQueueSize(512);
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    server.addConnector(connector);
    server.setStopTimeout(0);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            dispatch(new Exchange(request, response, callback));
            return true;
          }
        });
    // What Jetty itself refuses (a malformed target such as "%zz", a bad request line, headers
    // too large) and any request that ended in an unexpected failure: Sumo's JSON, not HTML.
    server.setErrorHandler(this::protocolError);
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      throw new IOException(e.getMessage(), e);
    }
    this.port = connector.getLocalPort();
  }

  private boolean protocolError(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    ErrorCode code = status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
    String message = code.message();
    if (code == ErrorCode.BAD_REQUEST
        && request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String reason
        && !reason.isBlank()
        && !reason.equals(HttpStatus.getMessage(status))) {
      message += " (" + reason + ")";
    }
    byte[] body =
        Json.error(errorIds.next(), List.of(new ApiException.Problem(code, message, Map.of())));
    new Exchange(request, response, callback).send(status, Map.of(), body, null);
    return true;
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "stopping after a failed start", e);
    }
  }

  private void applyLimits(LimitSettings limits) {
    quotas.enabled(false);
    quotas.requestsPerSecond(limits.requestsPerSecond());
    quotas.maxInFlight(limits.maxInFlight());
    quotas.retryAfter(limits.retryAfter());
    quotas.enabled(limits.enabled());
  }

  /**
   * Accepts another access key from now on; keys are kept across {@link #reset()}.
   *
   * @throws IllegalArgumentException if the access id is taken
   */
  public void addAccessKey(AccessKey key) {
    synchronized (accessKeys) {
      if (byId.putIfAbsent(key.id(), key) != null) {
        throw new IllegalArgumentException("access id: " + key.id() + " is already registered");
      }
      byHeader.put(basic(key), key);
      accessKeys.add(key);
    }
  }

  /** Every access key accepted now, in the order added. */
  public List<AccessKey> accessKeys() {
    return List.copyOf(accessKeys);
  }

  private static String basic(AccessKey key) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((key.id() + ":" + key.key()).getBytes(StandardCharsets.UTF_8));
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** The users and records. */
  public UserStore store() {
    return store;
  }

  /** The quota switches. */
  public Quotas quotas() {
    return quotas;
  }

  /** The fault switches. */
  public FaultState faults() {
    return faults;
  }

  /** The Pact provider states. */
  public ProviderStates providerStates() {
    return providerStates;
  }

  /** The request journal. */
  public Journal journal() {
    return journal;
  }

  /** The settings fixed at start. */
  public Config config() {
    return config;
  }

  /** Restores the seed users and the starting limits; clears faults, records and journal. */
  public void reset() {
    store.replaceAll(config.seedUsers(), config.randomSeed());
    faults.clear();
    journal.clear();
    applyLimits(config.limits());
    quotas.resetStatistics();
  }

  private void dispatch(Exchange exchange) {
    try {
      String path = exchange.rawPath();
      if (path.equals("/__admin") || path.startsWith("/__admin/")) {
        admin.handle(exchange);
      } else {
        handleApi(exchange);
      }
    } catch (RuntimeException | IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "request ended abnormally", e);
      exchange.abandon(e);
    }
  }

  /** What an API request is answered with, decided before anything is written. */
  private record Outcome(
      int status,
      byte[] body,
      @Nullable String retryAfter,
      @Nullable String allow,
      @Nullable String location) {
    static Outcome of(ApiHandler.Reply reply) {
      return new Outcome(reply.status(), reply.body(), null, null, null);
    }
  }

  private Outcome error(
      ApiException error, @Nullable String retryAfter, @Nullable String location) {
    return new Outcome(
        error.status(),
        Json.error(errorIds.next(), error.problems()),
        retryAfter,
        error.allow(),
        location);
  }

  private void handleApi(Exchange exchange) throws IOException {
    Instant arrived = config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    String method = exchange.method();
    String rawPath = exchange.rawPath();
    String rawQuery = exchange.rawQuery();
    if (faults.takeDrop()) {
      record(arrived, exchange, NO_BODY, null, 0);
      exchange.drop();
      return;
    }
    // Credentials first, the body only for a caller who may send one: an unauthenticated upload
    // is answered at once and never read (the server then hangs up rather than drain it).
    AccessKey caller = authenticate(exchange.header("Authorization"));
    if (caller == null) {
      respond(exchange, arrived, NO_BODY, null, error(ApiException.of(ErrorCode.UNAUTHORIZED)));
      return;
    }
    URI elsewhere = faults.wrongDeployment();
    if (elsewhere != null) {
      // Only a valid key tells Sumo which deployment serves the account.
      respond(
          exchange,
          arrived,
          NO_BODY,
          caller,
          error(
              ApiException.of(ErrorCode.WRONG_DEPLOYMENT),
              null,
              location(elsewhere, rawPath, rawQuery)));
      return;
    }
    byte[] body = exchange.body(MAX_BODY_BYTES);
    if (body == null) {
      respond(
          exchange, arrived, NO_BODY, caller, error(ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE)));
      return;
    }
    long wait = quotas.tryAcquire(caller);
    if (wait > 0) {
      respond(
          exchange,
          arrived,
          body,
          caller,
          error(
              ApiException.of(ErrorCode.RATE_LIMIT_EXCEEDED),
              quotas.retryAfter() ? Long.toString(wait) : null,
              null));
      return;
    }
    Duration latency = faults.latency();
    InFlight inFlight = new InFlight(caller);
    if (latency.isZero()) {
      try {
        respond(
            exchange,
            arrived,
            body,
            caller,
            serve(method, rawPath, rawQuery, body, exchange.header("Content-Type"), caller),
            inFlight);
      } finally {
        inFlight.release();
      }
      return;
    }
    // The latency fault holds the request, not a thread: a slowed API leaves the workers (and so
    // /__admin) free, and as many requests can be in flight as clients send.
    AccessKey admitted = caller;
    String contentType = exchange.header("Content-Type");
    exchange.holdThroughIdleTimeouts();
    scheduler.schedule(
        () ->
            server
                .getThreadPool()
                .execute(
                    () -> {
                      try {
                        respond(
                            exchange,
                            arrived,
                            body,
                            admitted,
                            serve(method, rawPath, rawQuery, body, contentType, admitted),
                            inFlight);
                      } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.DEBUG, "request ended abnormally", e);
                        exchange.abandon(e);
                      } finally {
                        inFlight.release();
                      }
                    }),
        latency.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** A request counted in flight for its key, given back once. */
  private final class InFlight {
    private final AccessKey key;
    private boolean released;

    InFlight(AccessKey key) {
      this.key = key;
    }

    void release() {
      if (!released) {
        released = true;
        quotas.release(key);
      }
    }
  }

  private void respond(
      Exchange exchange,
      Instant arrived,
      byte[] body,
      @Nullable AccessKey caller,
      Outcome outcome) {
    respond(exchange, arrived, body, caller, outcome, null);
  }

  private void respond(
      Exchange exchange,
      Instant arrived,
      byte[] body,
      @Nullable AccessKey caller,
      Outcome outcome,
      @Nullable InFlight inFlight) {
    // Recorded before the answer goes out, so a client that has its answer sees the entry.
    record(arrived, exchange, body, caller, outcome.status());
    Map<String, String> response = new LinkedHashMap<>();
    if (outcome.retryAfter() != null) {
      response.put("Retry-After", outcome.retryAfter());
    }
    if (outcome.allow() != null) {
      response.put("Allow", outcome.allow());
    }
    if (outcome.location() != null) {
      response.put("Location", outcome.location());
    }
    if (inFlight != null) {
      // Before the answer leaves: a client may send its next request the moment it has the
      // answer, and that one must not find this one still counted in flight.
      inFlight.release();
    }
    exchange.send(outcome.status(), response, outcome.body(), null);
  }

  private Outcome error(ApiException error) {
    return error(error, null, null);
  }

  private Outcome serve(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      byte[] body,
      @Nullable String contentType,
      AccessKey caller) {
    FaultState.PlannedFailure failure = faults.takeFailure();
    if (failure != null) {
      Duration retryAfter = failure.retryAfter();
      return error(
          ApiException.withStatus(failure.status(), ErrorCode.forInjectedStatus(failure.status())),
          retryAfter == null ? null : Long.toString(retryAfter.toSeconds()),
          null);
    }
    try {
      Map<String, List<String>> query = PathCodec.query(rawQuery);
      return Outcome.of(api.handle(method, rawPath, query, body, contentType, caller));
    } catch (ApiException e) {
      return error(e, null, null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "emulator failed on " + method + " " + rawPath, e);
      return error(ApiException.of(ErrorCode.INTERNAL_ERROR), null, null);
    }
  }

  private void record(
      Instant arrived, Exchange exchange, byte[] body, @Nullable AccessKey caller, int status) {
    if (!journal.enabled()) {
      return;
    }
    String method = exchange.method();
    String rawPath = exchange.rawPath();
    String rawQuery = exchange.rawQuery();
    Map<String, List<String>> query;
    try {
      query = PathCodec.query(rawQuery);
    } catch (ApiException e) {
      query = Map.of("<malformed query>", List.of(rawQuery == null ? "" : rawQuery));
    }
    Map<String, List<String>> keptHeaders = Redaction.headers(exchange.headers());
    String keptBody = Redaction.body(body);
    String accessId = caller == null ? null : caller.id();
    Map<String, List<String>> finalQuery = query;
    journal.add(
        sequence ->
            new RecordedRequest(
                sequence,
                arrived,
                method,
                rawPath,
                finalQuery,
                keptHeaders,
                keptBody,
                accessId,
                status));
  }

  private static String location(URI elsewhere, String rawPath, @Nullable String rawQuery) {
    String base = elsewhere.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String tail = rawPath.startsWith("/api") ? rawPath.substring(4) : rawPath;
    return base + tail + (rawQuery == null ? "" : "?" + rawQuery);
  }

  private @Nullable AccessKey authenticate(@Nullable String authorization) {
    if (authorization == null) {
      return null;
    }
    AccessKey known = byHeader.get(authorization);
    if (known != null) {
      return known;
    }
    // Slow path for spellings the fast path misses, e.g. "basic" in lower case.
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(space + 1).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    AccessKey candidate = byId.get(decoded.substring(0, colon));
    if (candidate == null) {
      return null;
    }
    boolean same =
        MessageDigest.isEqual(
            candidate.key().getBytes(StandardCharsets.UTF_8),
            decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    return same ? candidate : null;
  }

  /** Stops serving at once; requests in progress are cut off. Safe to call more than once. */
  @Override
  public void close() {
    if (closing.getAndIncrement() > 0) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "stopping the emulator", e);
    } finally {
      closed.countDown();
    }
  }

  /** Closes from a request thread without waiting for that request: used by the admin endpoint. */
  void closeSoon() {
    Thread closer = new Thread(this::close, "sumo-emulator-shutdown");
    closer.setDaemon(true);
    closer.start();
  }

  /** Blocks until the server is closed. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Whether the server is closed. */
  public boolean isClosed() {
    return closed.getCount() == 0;
  }
}
