package dev.sumoclient.users.emulator.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sumoclient.users.emulator.AccessKey;
import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side: one JDK {@link HttpServer} on a fixed pool of daemon threads, routing {@code
 * /api/...} through faults, auth and quotas to the operations, and {@code /__admin/...} to the
 * admin endpoint.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());
  private static final AtomicInteger INSTANCES = new AtomicInteger();

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
  private final HttpServer server;
  private final ExecutorService executor;
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
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 512);
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            config.threads(),
            config.threads(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(
                      runnable,
                      "sumo-emulator-" + instance + "-worker-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
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
    return server.getAddress().getPort();
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

  private void dispatch(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/__admin") || path.startsWith("/__admin/")) {
        admin.handle(exchange);
      } else {
        handleApi(exchange);
      }
    } catch (RuntimeException | IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "request ended abnormally", e);
    } finally {
      exchange.close();
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

  private void handleApi(HttpExchange exchange) throws IOException {
    Instant arrived = config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Headers headers = exchange.getRequestHeaders();
    String rawPath = uri.getRawPath();
    String rawQuery = uri.getRawQuery();
    if (faults.takeDrop()) {
      record(arrived, method, rawPath, rawQuery, headers, body, null, 0);
      // Closing an exchange before any response bytes makes the JDK server drop the connection.
      return;
    }
    AccessKey caller = null;
    boolean admitted = false;
    try {
      Outcome outcome;
      URI elsewhere = faults.wrongDeployment();
      if (elsewhere != null) {
        outcome =
            error(
                ApiException.of(ErrorCode.WRONG_DEPLOYMENT),
                null,
                location(elsewhere, rawPath, rawQuery));
      } else {
        caller = authenticate(headers.getFirst("Authorization"));
        if (caller == null) {
          outcome = error(ApiException.of(ErrorCode.UNAUTHORIZED), null, null);
        } else {
          long wait = quotas.tryAcquire(caller);
          if (wait > 0) {
            outcome =
                error(
                    ApiException.of(ErrorCode.RATE_LIMIT_EXCEEDED),
                    quotas.retryAfter() ? Long.toString(wait) : null,
                    null);
          } else {
            admitted = true;
            outcome = serve(method, rawPath, rawQuery, body, headers, caller);
            if (outcome == null) {
              // Interrupted while delaying: the emulator is closing, there is no one to answer.
              return;
            }
          }
        }
      }
      // Recorded before the answer goes out, so a client that has its answer sees the entry.
      record(arrived, method, rawPath, rawQuery, headers, body, caller, outcome.status());
      Headers response = exchange.getResponseHeaders();
      if (outcome.retryAfter() != null) {
        response.set("Retry-After", outcome.retryAfter());
      }
      if (outcome.allow() != null) {
        response.set("Allow", outcome.allow());
      }
      if (outcome.location() != null) {
        response.set("Location", outcome.location());
      }
      if (admitted) {
        // Before the answer leaves: a client may send its next request the moment it has the
        // answer, and that one must not find this one still counted in flight.
        admitted = false;
        quotas.release(caller);
      }
      send(exchange, outcome.status(), outcome.body(), null);
    } finally {
      if (admitted) {
        quotas.release(caller);
      }
    }
  }

  private @Nullable Outcome serve(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      byte[] body,
      Headers headers,
      AccessKey caller) {
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
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
      return Outcome.of(
          api.handle(method, rawPath, query, body, headers.getFirst("Content-Type"), caller));
    } catch (ApiException e) {
      return error(e, null, null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "emulator failed on " + method + " " + rawPath, e);
      return error(ApiException.of(ErrorCode.INTERNAL_ERROR), null, null);
    }
  }

  private void record(
      Instant arrived,
      String method,
      String rawPath,
      @Nullable String rawQuery,
      Headers headers,
      byte[] body,
      @Nullable AccessKey caller,
      int status) {
    if (!journal.enabled()) {
      return;
    }
    Map<String, List<String>> query;
    try {
      query = PathCodec.query(rawQuery);
    } catch (ApiException e) {
      query = Map.of("<malformed query>", List.of(rawQuery == null ? "" : rawQuery));
    }
    Map<String, List<String>> keptHeaders = Redaction.headers(headers);
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

  static int send(HttpExchange exchange, int status, byte[] body, @Nullable String contentType)
      throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (status == 204 || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return status;
    }
    exchange
        .getResponseHeaders()
        .set("Content-Type", contentType == null ? "application/json" : contentType);
    if (head) {
      exchange.sendResponseHeaders(status, -1);
      return status;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    return status;
  }

  /** Stops serving at once; requests in progress are cut off. Safe to call more than once. */
  @Override
  public void close() {
    if (closing.getAndIncrement() > 0) {
      return;
    }
    try {
      server.stop(0);
    } finally {
      executor.shutdownNow();
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
