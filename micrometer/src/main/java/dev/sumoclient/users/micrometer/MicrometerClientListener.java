package dev.sumoclient.users.micrometer;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Deployment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records the client's traffic as Micrometer meters; pass it to {@code
 * SumoUsersClient.builder().listener(...)}.
 *
 * <p>Meters (every one tagged with {@code operation}, such as {@code getUser}, plus the extra tags
 * given to the constructor):
 *
 * <ul>
 *   <li>{@value #REQUESTS}, a timer per HTTP exchange (attempt), also tagged {@code method}, {@code
 *       status} (the HTTP status, {@code NONE} when no response arrived), {@code exception} (the
 *       simple class name of the I/O failure, {@code none} otherwise), {@code outcome} ({@code
 *       SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code
 *       UNKNOWN}), {@code deployment} (the code in lower case, such as {@code us2}, or {@code
 *       custom} for an endpoint) and {@code retry} ({@code true} for every attempt after the
 *       first);
 *   <li>{@value #ACTIVE_REQUESTS}, a long task timer of the exchanges in flight (its active count
 *       is the gauge of requests in flight);
 *   <li>{@value #RETRIES}, a counter of retries, tagged {@code cause} (the simple class name of the
 *       failure retried);
 *   <li>{@value #THROTTLED}, a counter of 429 answers;
 *   <li>{@value #QUOTA_WAIT}, a timer of the time calls waited for client-side quota (only calls
 *       that waited are recorded).
 * </ul>
 *
 * <p>Tags never carry user ids, emails or paths, so cardinality stays low. One instance may serve
 * several clients; meters with the same name and tags are shared in the registry.
 */
public final class MicrometerClientListener implements ClientListener {
  /** The timer of HTTP exchanges. */
  public static final String REQUESTS = "sumo.users.client.requests";

  /** The long task timer of exchanges in flight. */
  public static final String ACTIVE_REQUESTS = "sumo.users.client.requests.active";

  /** The counter of retries. */
  public static final String RETRIES = "sumo.users.client.retries";

  /** The counter of 429 (too many requests) answers. */
  public static final String THROTTLED = "sumo.users.client.throttled";

  /** The timer of waits for client-side quota. */
  public static final String QUOTA_WAIT = "sumo.users.client.quota.wait";

  private final MeterRegistry registry;
  private final Tags tags;

  // Name, description and the constructor's tags are set once; each event adds only its own tags.
  private final Meter.MeterProvider<LongTaskTimer> activeRequests;
  private final Meter.MeterProvider<Timer> requests;
  private final Meter.MeterProvider<Counter> retries;
  private final Meter.MeterProvider<Counter> throttled;
  private final Meter.MeterProvider<Timer> quotaWait;

  /**
   * The in-flight sample of the exchange this thread is sending; the client calls synchronously.
   */
  private final ThreadLocal<LongTaskTimer.@Nullable Sample> inFlight = new ThreadLocal<>();

  /**
   * Records into the given registry.
   *
   * @param registry the registry
   */
  public MicrometerClientListener(MeterRegistry registry) {
    this(registry, Tags.empty());
  }

  /**
   * Records into the given registry, adding tags to every meter, for example to tell two clients
   * apart.
   *
   * @param registry the registry
   * @param tags tags added to every meter
   */
  public MicrometerClientListener(MeterRegistry registry, Iterable<Tag> tags) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    this.activeRequests =
        LongTaskTimer.builder(ACTIVE_REQUESTS)
            .description("Sumo Logic user-management API exchanges in flight")
            .tags(this.tags)
            .withRegistry(registry);
    this.requests =
        Timer.builder(REQUESTS)
            .description("Sumo Logic user-management API exchanges (one per attempt)")
            .tags(this.tags)
            .withRegistry(registry);
    this.retries =
        Counter.builder(RETRIES)
            .description("Sumo Logic user-management API calls retried")
            .tags(this.tags)
            .withRegistry(registry);
    this.throttled =
        Counter.builder(THROTTLED)
            .description("429 answers from the Sumo Logic user-management API")
            .tags(this.tags)
            .withRegistry(registry);
    this.quotaWait =
        Timer.builder(QUOTA_WAIT)
            .description("Time calls waited for client-side quota before sending")
            .tags(this.tags)
            .withRegistry(registry);
  }

  @Override
  public void onRequestStarted(RequestStartEvent event) {
    LongTaskTimer.Sample previous = inFlight.get();
    if (previous != null) {
      previous.stop();
    }
    inFlight.set(activeRequests.withTag("operation", event.operation()).start());
  }

  @Override
  public void onRequest(RequestEvent event) {
    LongTaskTimer.Sample sample = inFlight.get();
    if (sample != null) {
      inFlight.remove();
      sample.stop();
    }
    Throwable failure = event.failure();
    requests
        .withTags(
            "operation",
            event.operation(),
            "method",
            event.method(),
            "status",
            event.status() == 0 ? "NONE" : Integer.toString(event.status()),
            "exception",
            failure == null ? "none" : failure.getClass().getSimpleName(),
            "outcome",
            outcome(event.status()),
            "deployment",
            deployment(event.deployment()),
            "retry",
            Boolean.toString(event.attempt() > 1))
        .record(event.latency());
  }

  @Override
  public void onRetry(RetryEvent event) {
    retries
        .withTags("operation", event.operation(), "cause", event.cause().getClass().getSimpleName())
        .increment();
  }

  @Override
  public void onThrottled(ThrottleEvent event) {
    if (event.source() == Source.SERVER) {
      throttled.withTag("operation", event.operation()).increment();
    } else {
      quotaWait.withTag("operation", event.operation()).record(event.waited());
    }
  }

  private static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "SUCCESS";
    }
    if (status >= 300 && status < 400) {
      return "REDIRECTION";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    if (status >= 500 && status < 600) {
      return "SERVER_ERROR";
    }
    return "UNKNOWN";
  }

  private static String deployment(@Nullable Deployment deployment) {
    return deployment == null ? "custom" : deployment.code().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns a description naming the registry's class. */
  @Override
  public String toString() {
    return "MicrometerClientListener[" + registry.getClass().getSimpleName() + ", " + tags + "]";
  }
}
