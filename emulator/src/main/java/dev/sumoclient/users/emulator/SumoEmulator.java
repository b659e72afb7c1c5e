package dev.sumoclient.users.emulator;

import dev.sumoclient.users.emulator.internal.EmulatorServer;
import dev.sumoclient.users.emulator.internal.ProviderStates;
import dev.sumoclient.users.emulator.internal.Quotas;
import dev.sumoclient.users.emulator.internal.SeedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A running stand-in for the Sumo Logic User Management API on a local port.
 *
 * <p>It serves the nine operations of our OpenAPI description under {@link #baseUri()} ({@code
 * http://127.0.0.1:<port>/api}, the same layout as a real deployment), with Basic auth against its
 * {@linkplain #accessKeys() access keys}, Sumo's error bodies, switchable {@linkplain #limits()
 * quotas} and {@linkplain #faults() faults}, and a {@linkplain #journal() journal} of requests.
 * Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (SumoEmulator emulator = SumoEmulator.builder().seedUsers(50).start()) {
 *   URI endpoint = emulator.baseUri();
 *   AccessKey key = emulator.accessKey();
 *   // point a client at endpoint with key.id() / key.key()
 * }
 * }</pre>
 */
public final class SumoEmulator implements AutoCloseable {

  /** The access id used when the builder names none. */
  public static final String DEFAULT_ACCESS_ID = "suEmulatorAccessId";

  /** The access key used when the builder names none; not a secret, it only opens the emulator. */
  public static final String DEFAULT_ACCESS_KEY = "emulator-access-key-not-a-secret";

  /**
   * Seconds a connection may stay silent, between requests or in the middle of one, before the
   * emulator closes it: {@value}. A silent connection holds no request thread, so clients that
   * never finish their headers cannot stop the emulator serving others.
   */
  public static final long IDLE_TIMEOUT_SECONDS = EmulatorServer.IDLE_TIMEOUT_MILLIS / 1000;

  /**
   * The longest request body the emulator reads, in bytes: {@value}. A longer one is answered 413
   * {@code api:payload_too_large} without being read.
   */
  public static final int MAX_REQUEST_BODY_BYTES = EmulatorServer.MAX_BODY_BYTES;

  private final EmulatorServer server;
  private final URI baseUri;
  private final Faults faults;
  private final Limits limits;
  private final RequestJournal journal;

  private SumoEmulator(EmulatorServer server) {
    this.server = server;
    String host = server.config().host().isAnyLocalAddress() ? "127.0.0.1" : hostLiteral(server);
    this.baseUri = URI.create("http://" + host + ":" + server.port() + "/api");
    this.faults = new Faults(server.faults());
    this.limits = new Limits(server.quotas());
    this.journal = new RequestJournal(server.journal());
  }

  private static String hostLiteral(EmulatorServer server) {
    String address = server.config().host().getHostAddress();
    return address.contains(":") ? "[" + address + "]" : address;
  }

  /**
   * Starts configuring an emulator: loopback, a random port, the default key, no users.
   *
   * @return a new builder with those defaults; call {@link Builder#start()} when done
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API base URL, {@code http://127.0.0.1:<port>/api}; operations live under {@code /v1}.
   *
   * @return the URL to point a client at, as the base of a real deployment
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The admin endpoint's base URL, {@code http://127.0.0.1:<port>/__admin}.
   *
   * @return the URL of the unauthenticated control endpoint, for tools outside the JVM
   */
  public URI adminUri() {
    return baseUri.resolve("/__admin");
  }

  /**
   * The port the emulator listens on.
   *
   * @return the bound port, the actual one when the builder asked for a free port
   */
  public int port() {
    return server.port();
  }

  /**
   * The first configured access key, the one to use when there is only one.
   *
   * @return the first key given to the builder, or the default key if none was
   */
  public AccessKey accessKey() {
    return server.config().accessKeys().get(0);
  }

  /**
   * Every access key the emulator accepts.
   *
   * @return the keys given to the builder, then those {@linkplain #addAccessKey added} since, in
   *     that order; never empty
   */
  public List<AccessKey> accessKeys() {
    return server.accessKeys();
  }

  /**
   * Accepts another access key of an existing owner (or a new one) from now on, as Sumo Logic lets
   * one user have several keys.
   *
   * <p>Keys of one owner share the owner's requests per second; each key has its own in-flight
   * limit. Added keys stay accepted after {@link #reset()}.
   *
   * @param accessId the access id, sent as the Basic user name; must not contain {@code :}
   * @param accessKey the access key, sent as the Basic password
   * @param ownerId the 16-hex-digit id of the user the key belongs to, such as {@link
   *     #accessKey()}{@code .ownerId()}
   * @return the key as registered
   * @throws IllegalArgumentException if a part is blank, the owner id is not 16 hex digits or the
   *     access id is already registered
   */
  public AccessKey addAccessKey(String accessId, String accessKey, String ownerId) {
    AccessKey key = new AccessKey(accessId, accessKey, checkedOwnerId(ownerId));
    server.addAccessKey(key);
    return key;
  }

  private static String checkedOwnerId(String ownerId) {
    return SeedData.ownerId(ownerId);
  }

  /**
   * The runtime switches for injected failures.
   *
   * @return the faults of this emulator; changes apply to the next request
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The runtime switches for Sumo Logic's quotas.
   *
   * @return the quotas of this emulator; changes apply to the next request
   */
  public Limits limits() {
    return limits;
  }

  /**
   * The journal of API requests received.
   *
   * @return the live journal of this emulator
   */
  public RequestJournal journal() {
    return journal;
  }

  /**
   * The user with this id, if it exists now.
   *
   * @param id the user id, matched exactly
   * @return a snapshot of the user, or empty if no user has this id (any more)
   */
  public Optional<EmulatedUser> user(String id) {
    return server.store().find(id);
  }

  /**
   * The user with this email address (any case), if one exists now.
   *
   * @param email the address, in any case
   * @return a snapshot of the user, or empty if no user has this address
   */
  public Optional<EmulatedUser> userByEmail(String email) {
    return server.store().findByEmail(email);
  }

  /**
   * Every user, in creation order.
   *
   * @return snapshots of every user, seed users first; later changes do not show
   */
  public List<EmulatedUser> users() {
    return server.store().all();
  }

  /**
   * Locks a user, as too many failed sign-ins would, so that {@code unlockUser} has work to do.
   *
   * @param id the id of an existing user
   * @return the user, now locked
   * @throws NoSuchElementException if no user has this id
   */
  public EmulatedUser lockUser(String id) {
    return server.store().lock(id);
  }

  /**
   * Turns MFA on for a user, so that {@code disableMfa} has work to do.
   *
   * @param id the id of an existing user
   * @return the user, now with MFA enabled
   * @throws NoSuchElementException if no user has this id
   */
  public EmulatedUser enableMfa(String id) {
    return server.store().enableMfa(id);
  }

  /**
   * Records a sign-in now, setting {@code lastLoginTimestamp}.
   *
   * @param id the id of an existing user
   * @return the user with {@code lastLoginTimestamp} set to the clock's now
   * @throws NoSuchElementException if no user has this id
   */
  public EmulatedUser recordSignIn(String id) {
    return server.store().recordSignIn(id);
  }

  /**
   * Every email change requested, oldest first, with what became of it.
   *
   * @return every email change accepted since start or the last {@link #reset()}
   */
  public List<EmailChange> emailChanges() {
    return server.store().emailChanges();
  }

  /**
   * Confirms the user's latest pending email change, as if they followed the emailed link.
   *
   * @param userId the id of the user who asked for the change
   * @return the user with the new address
   * @throws IllegalStateException if the user has no pending change, or another user took the
   *     address meanwhile
   * @throws NoSuchElementException if the user was deleted since asking
   */
  public EmulatedUser confirmEmailChange(String userId) {
    return server.store().confirmEmailChange(userId);
  }

  /**
   * Where each deleted user's content went, oldest first.
   *
   * @return one entry per user deleted since start or the last {@link #reset()}
   */
  public List<ContentTransfer> contentTransfers() {
    return server.store().contentTransfers();
  }

  /**
   * Every password reset requested, oldest first.
   *
   * @return every password reset accepted since start or the last {@link #reset()}
   */
  public List<PasswordReset> passwordResets() {
    return server.store().passwordResets();
  }

  /**
   * Makes a Pact provider state true, as {@code POST /__admin/provider-states} does for verifiers
   * outside the JVM.
   *
   * <p>The states and their parameters are those of {@code SumoProviderStates} in
   * sumo-users-pact-fragments, listed in the module README. Setting a state up twice is harmless.
   *
   * @param state the state's name, e.g. {@code "a user exists"}
   * @param params the parameters the pact gives the state; unknown ones are ignored
   * @return the values the state provides for {@code fromProviderState} expressions, e.g. {@code
   *     id}; empty when it provides none
   * @throws IllegalArgumentException if the state is unknown or a parameter has the wrong type
   */
  public Map<String, Object> setUpProviderState(String state, Map<String, ?> params) {
    return server.providerStates().setUp(state, params);
  }

  /**
   * The names of every Pact provider state the emulator can set up.
   *
   * @return the state names, sorted
   */
  public static List<String> providerStates() {
    return ProviderStates.NAMES.stream().sorted().toList();
  }

  /** Returns to the state at start: seed users, starting limits, no faults, records or journal. */
  public void reset() {
    server.reset();
  }

  /**
   * Blocks until the emulator is closed, by {@link #close()} or {@code POST /__admin/shutdown}.
   *
   * @throws InterruptedException if the waiting thread is interrupted first
   */
  public void awaitClose() throws InterruptedException {
    server.awaitClose();
  }

  /**
   * Whether the emulator has been closed.
   *
   * @return true once {@link #close()} or {@code POST /__admin/shutdown} has stopped it
   */
  public boolean isClosed() {
    return server.isClosed();
  }

  /** Stops serving at once and frees the port; safe to call more than once. */
  @Override
  public void close() {
    server.close();
  }

  /** Shows where the emulator listens and how many users it holds; never a key. */
  @Override
  public String toString() {
    return "SumoEmulator[" + baseUri + ", users=" + server.store().size() + "]";
  }

  /** Configures and starts a {@link SumoEmulator}; not thread-safe, use one per emulator. */
  public static final class Builder {
    private InetAddress host = InetAddress.getLoopbackAddress();
    private int port;
    private int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    private final Map<String, String> accessKeys = new LinkedHashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private int generatedUsers;
    private final List<byte[]> seedFiles = new ArrayList<>();
    private long randomSeed = 1;
    private Clock clock = Clock.systemUTC();
    private int journalCapacity = 10_000;
    private boolean limitsEnabled;
    private int requestsPerSecond = Quotas.SUMO_REQUESTS_PER_SECOND;
    private int maxInFlight = Quotas.SUMO_MAX_IN_FLIGHT;
    private boolean retryAfter;

    private Builder() {}

    /**
     * Sets the port to listen on, 0 (the default) for a free one.
     *
     * @param port the port, from 0 to 65535; 0 lets the system pick a free one
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is outside 0 to 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port: must be from 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the address to bind, loopback by default; {@code 0.0.0.0} serves other machines too (the
     * admin endpoint has no authentication, so only do so on a private network).
     *
     * @param address a host name or IP literal to bind, e.g. {@code 127.0.0.1} or {@code ::1}
     * @return this builder
     * @throws IllegalArgumentException if {@code address} cannot be resolved
     */
    public Builder host(String address) {
      try {
        this.host = InetAddress.getByName(Objects.requireNonNull(address, "address"));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("host: cannot resolve " + address, e);
      }
      return this;
    }

    /**
     * Adds an access id and key that requests may authenticate with. Without any, the emulator
     * accepts {@link #DEFAULT_ACCESS_ID} / {@link #DEFAULT_ACCESS_KEY}.
     *
     * @param accessId the access id, sent as the Basic user name; must not contain {@code :}
     * @param accessKey the access key, sent as the Basic password
     * @return this builder
     * @throws IllegalArgumentException if {@code accessId} was already added
     */
    public Builder accessKey(String accessId, String accessKey) {
      Objects.requireNonNull(accessId, "accessId");
      Objects.requireNonNull(accessKey, "accessKey");
      if (accessKeys.containsKey(accessId)) {
        throw new IllegalArgumentException("access id: " + accessId + " is given twice");
      }
      accessKeys.put(accessId, accessKey);
      return this;
    }

    /**
     * Adds an access id and key of the given owner, so that several keys can belong to one user:
     * they share the owner's requests per second, and each has its own in-flight limit.
     *
     * @param accessId the access id, sent as the Basic user name; must not contain {@code :}
     * @param accessKey the access key, sent as the Basic password
     * @param ownerId the 16-hex-digit id of the user the key belongs to
     * @return this builder
     * @throws IllegalArgumentException if {@code accessId} was already added or the owner id is not
     *     16 hex digits
     */
    public Builder accessKey(String accessId, String accessKey, String ownerId) {
      String owner = checkedOwnerId(ownerId);
      accessKey(accessId, accessKey);
      owners.put(accessId, owner);
      return this;
    }

    /**
     * Generates {@code count} plausible users at start (reproducible: see {@link #randomSeed}).
     *
     * @param count how many users to generate, 0 (the default) for none
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder seedUsers(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("seedUsers: must not be negative, was " + count);
      }
      this.generatedUsers = count;
      return this;
    }

    /**
     * Loads users from a JSON file at start: an array of users or a {@code listUsers} page. Each
     * needs {@code firstName}, {@code lastName} and {@code email}; ids, flags and metadata are kept
     * when given. Loaded users come before generated ones.
     *
     * @param jsonFile the file to read now; it is parsed by {@link #start()}
     * @return this builder
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder seedUsers(Path jsonFile) {
      try {
        seedFiles.add(Files.readAllBytes(jsonFile));
      } catch (IOException e) {
        throw new UncheckedIOException("seed users: cannot read " + jsonFile, e);
      }
      return this;
    }

    /**
     * Like {@link #seedUsers(Path)}, reading the stream to its end now (the caller closes it).
     *
     * @param json the JSON users, in the format {@link #seedUsers(Path)} describes
     * @return this builder
     * @throws UncheckedIOException if the stream cannot be read
     */
    public Builder seedUsers(InputStream json) {
      try {
        seedFiles.add(json.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("seed users: cannot read the stream", e);
      }
      return this;
    }

    /**
     * Sets the seed for generated users and ids; the same seed and clock give the same data.
     *
     * @param seed any value; the default is 1
     * @return this builder
     */
    public Builder randomSeed(long seed) {
      this.randomSeed = seed;
      return this;
    }

    /**
     * Sets the clock for timestamps and quota windows; a clock the test advances makes both
     * deterministic (with {@code Clock.fixed} the quota window never slides).
     *
     * @param clock the clock to read; the system UTC clock by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many requests are served at once (default: 16 or 4 per core, whichever is more).
     *
     * @param threads the size of the request thread pool, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads: must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how many of the latest requests the journal keeps (default 10,000).
     *
     * @param capacity the most requests kept, at least 1; older ones are forgotten first
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    public Builder journalCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("journalCapacity: must be at least 1, was " + capacity);
      }
      this.journalCapacity = capacity;
      return this;
    }

    /**
     * Starts with Sumo Logic's quotas on or off (off by default); see {@link Limits}.
     *
     * @param enabled true to enforce the quotas from the first request
     * @return this builder
     */
    public Builder limits(boolean enabled) {
      this.limitsEnabled = enabled;
      return this;
    }

    /**
     * Sets the per-access-id requests per second when limits are on (default 4, as Sumo).
     *
     * @param requests the requests allowed per access id in any one-second window, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code requests} is less than 1
     */
    public Builder requestsPerSecond(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException(
            "requestsPerSecond: must be at least 1, was " + requests);
      }
      this.requestsPerSecond = requests;
      return this;
    }

    /**
     * Sets the per-access-key requests in flight when limits are on (default 10, as Sumo).
     *
     * @param requests the concurrent requests allowed per access key, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code requests} is less than 1
     */
    public Builder maxInFlight(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("maxInFlight: must be at least 1, was " + requests);
      }
      this.maxInFlight = requests;
      return this;
    }

    /**
     * Chooses whether a quota's 429 carries {@code Retry-After} (default: no).
     *
     * @param send true to send {@code Retry-After} in whole seconds
     * @return this builder
     */
    public Builder retryAfter(boolean send) {
      this.retryAfter = send;
      return this;
    }

    /**
     * Seeds the users, binds the port and starts serving.
     *
     * @return the running emulator; close it when done
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalArgumentException if seed users are invalid or repeat an id or email
     */
    public SumoEmulator start() {
      Map<String, String> keys = new LinkedHashMap<>(accessKeys);
      if (keys.isEmpty()) {
        keys.put(DEFAULT_ACCESS_ID, DEFAULT_ACCESS_KEY);
      }
      SplittableRandom idSource = new SplittableRandom(randomSeed ^ 0x1D5L);
      List<AccessKey> keyList = new ArrayList<>();
      // One id drawn per key whether or not its owner is given, so the seed decides the same ids.
      keys.forEach(
          (id, key) -> {
            String generated = SeedData.hexId(idSource);
            keyList.add(new AccessKey(id, key, owners.getOrDefault(id, generated)));
          });
      String creator = keyList.get(0).ownerId();
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      List<EmulatedUser> seeds = new ArrayList<>();
      try {
        for (byte[] file : seedFiles) {
          seeds.addAll(
              SeedData.read(
                  new ByteArrayInputStream(file), now, creator, () -> SeedData.hexId(idSource)));
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("seed users: not valid JSON: " + e.getMessage(), e);
      }
      seeds.addAll(
          SeedData.generate(
              generatedUsers, randomSeed, now, creator, () -> SeedData.hexId(idSource)));
      EmulatorServer.Config config =
          new EmulatorServer.Config(
              host,
              port,
              threads,
              keyList,
              clock,
              randomSeed,
              journalCapacity,
              seeds,
              new EmulatorServer.LimitSettings(
                  limitsEnabled, requestsPerSecond, maxInFlight, retryAfter));
      try {
        return new SumoEmulator(new EmulatorServer(config));
      } catch (IOException e) {
        // The root cause's own words ("BindException: Address already in use") are what the user
        // needs to read; the server wraps them.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        throw new UncheckedIOException(
            "cannot listen on "
                + host.getHostAddress()
                + ":"
                + port
                + ": "
                + root.getClass().getSimpleName()
                + ": "
                + root.getMessage(),
            e);
      }
    }
  }
}
