package dev.sumoclient.users.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoConfigurationException;
import dev.sumoclient.users.SumoException;
import dev.sumoclient.users.SumoIoException;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoServerException;
import dev.sumoclient.users.SumoServiceException;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoTimeoutException;
import dev.sumoclient.users.SumoWrongDeploymentException;
import dev.sumoclient.users.generated.api.UserManagementApi;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.RequestTemplate;
import feign.Retryer;
import feign.Target;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import feign.jackson.JacksonEncoder;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Runs each call: the retry loop, the call deadline, deployment redirects, and the Feign proxy of
 * the generated interface underneath.
 *
 * <p>Feign's own retryer is {@link Retryer#NEVER_RETRY} and OkHttp neither follows redirects nor
 * silently retries, so every re-send is decided here, where the operation is known.
 */
public final class Engine implements AutoCloseable {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

  private final EngineConfig config;
  private final OkHttpClient http;
  private final UserManagementApi api;
  private final Listeners listener;
  private final AtomicReference<Route> route;
  private final Lifecycle lifecycle = new Lifecycle();

  /**
   * Where calls go.
   *
   * @param baseUri the normalized base URL: no trailing slash, query or fragment
   * @param deployment the deployment, or null for a custom endpoint
   * @param base {@code baseUri} as text, the prefix of every request's URL
   */
  private record Route(URI baseUri, @Nullable Deployment deployment, String base) {
    Route(URI baseUri, @Nullable Deployment deployment) {
      this(baseUri, deployment, baseUri.toString());
    }
  }

  /**
   * Creates the engine and its HTTP client.
   *
   * @param config the checked configuration
   * @param mapper the client's JSON mapper
   */
  public Engine(EngineConfig config, ObjectMapper mapper) {
    this.config = config;
    this.route = new AtomicReference<>(new Route(config.baseUri(), config.deployment()));
    this.listener = new Listeners(config.listener(), () -> route.get().deployment());
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
            // A redirect could turn a POST or DELETE into a GET and carry credentials anywhere.
            .followRedirects(false)
            .followSslRedirects(false)
            // On: a failed connect (nothing sent) moves on to the host's next IP address, as a
            // default OkHttp client does; off would also stop that, and one dead load-balancer
            // address would fail every call. What OkHttp must not do, re-send a request that
            // reached the network, is prevented by NoReplayAfterSending and one-shot bodies.
            .retryOnConnectionFailure(true)
            .addNetworkInterceptor(new SumoTransport.NoReplayAfterSending());
    if (config.proxy() != null) {
      builder.proxy(config.proxy());
    }
    if (config.dns() != null) {
      builder.dns(config.dns());
    }
    if (config.quotas() != null) {
      builder.eventListener(SumoTransport.PERMIT_EVENTS);
    }
    this.http = builder.build();
    WireContract contract = new WireContract();
    SumoTransport transport =
        new SumoTransport(
            http,
            config.credentials(),
            config.quotas(),
            config.quotaCoordinator(),
            config.quotaGroup(),
            config.time(),
            config.userAgent(),
            listener,
            lifecycle,
            contract);
    this.api =
        Feign.builder()
            .client(transport)
            .encoder(new JacksonEncoder(mapper))
            .decoder(new BytesDecoder(mapper))
            .errorDecoder(new SumoErrorDecoder(mapper, config.time()))
            .retryer(Retryer.NEVER_RETRY)
            .options(
                new FixedOptions(
                    config.connectTimeout().toMillis(), config.readTimeout().toMillis()))
            .contract(contract)
            .logLevel(Logger.Level.NONE)
            .target(new RoutedTarget());
  }

  /**
   * Returns the base URL calls currently go to (it changes after a followed redirect).
   *
   * @return the base URL
   */
  public URI currentBaseUri() {
    return route.get().baseUri();
  }

  /**
   * Returns the deployment calls currently go to, when known.
   *
   * @return the deployment, or null for a custom endpoint
   */
  public @Nullable Deployment currentDeployment() {
    return route.get().deployment();
  }

  /**
   * Runs one operation with retries, the deadline and redirect handling.
   *
   * @param operation the operation
   * @param invocation calls the generated interface once
   * @param <T> the result type
   * @return the result
   */
  public <T> T call(Operation operation, Function<UserManagementApi, T> invocation) {
    if (lifecycle.isClosed()) {
      throw Lifecycle.closedFailure(operation.operationId(), null);
    }
    TimeSource time = config.time();
    long deadline = time.nanoTime() + config.callTimeout().toNanos();
    int attempt = 1;
    int retries = 0;
    boolean redirected = false;
    // Whether an earlier attempt may have been applied although its answer never arrived.
    boolean mayHaveApplied = false;
    while (true) {
      SumoException failure;
      new Attempt(operation, attempt, deadline).install();
      try {
        return invocation.apply(api);
      } catch (SumoWrongDeploymentException e) {
        if (redirected || !follow(operation, e)) {
          throw e;
        }
        redirected = true;
        attempt++;
        continue;
      } catch (SumoNotFoundException e) {
        if (mayHaveApplied && operation.notFoundOnRetryMeansDone()) {
          LOG.debug(
              "{}: attempt {} found nothing left to do; an earlier attempt did it",
              operation.operationId(),
              attempt);
          return null;
        }
        failure = e;
      } catch (SumoException e) {
        failure = e;
      } catch (DecodeException e) {
        throw new SumoClientException(
            operation.operationId() + ": could not read the answer: " + e.getMessage(), e);
      } catch (EncodeException e) {
        throw new SumoClientException(
            operation.operationId() + ": could not write the request: " + e.getMessage(), e);
      } catch (FeignException e) {
        throw new SumoClientException(operation.operationId() + ": " + e.getMessage(), e);
      } finally {
        Attempt.clear();
      }

      if (lifecycle.isClosed()) {
        throw Lifecycle.closedFailure(operation.operationId(), failure);
      }
      if (failure instanceof SumoThrottledException throttled) {
        listener.onThrottled(
            new ClientListener.ThrottleEvent(
                operation.operationId(),
                ClientListener.Source.SERVER,
                throttled.retryAfter().orElse(Duration.ZERO)));
      }
      if (!retryable(operation, failure, deadline)
          || retries >= config.retryPolicy().maxRetries()) {
        throw failure;
      }
      retries++;
      // A throttled request was not processed; anything else retried here may have been.
      mayHaveApplied |= !(failure instanceof SumoThrottledException);
      Duration delay = delayBefore(retries, failure);
      long remaining = deadline - time.nanoTime();
      // Compared as durations: a Retry-After of centuries does not fit in nanoseconds.
      if (delay.compareTo(Duration.ofNanos(Math.max(remaining, 0))) >= 0) {
        LOG.debug(
            "{}: not retrying, a wait of {} would pass the call deadline",
            operation.operationId(),
            delay);
        throw failure;
      }
      attempt++;
      LOG.debug(
          "{}: retrying in {} ms (attempt {}) after: {}",
          operation.operationId(),
          delay.toMillis(),
          attempt,
          failure.getMessage());
      listener.onRetry(
          new ClientListener.RetryEvent(operation.operationId(), attempt, delay, failure));
      Duration wait = delay;
      // close() ends this wait at once with a "client closed" failure.
      lifecycle.await(
          operation.operationId(),
          () -> {
            time.sleep(wait);
            return null;
          });
    }
  }

  private boolean retryable(Operation operation, SumoException failure, long deadline) {
    if (failure instanceof SumoThrottledException) {
      return true;
    }
    if (!operation.safeToRepeat()) {
      return false;
    }
    if (failure instanceof SumoServerException server) {
      return GATEWAY_FAILURES.contains(server.status());
    }
    if (failure instanceof SumoTimeoutException) {
      // Only a socket timeout is worth another try; a passed deadline or quota wait is final.
      return failure.getCause() instanceof SocketTimeoutException
          && config.time().nanoTime() - deadline < 0;
    }
    return failure instanceof SumoIoException;
  }

  private Duration delayBefore(int retry, SumoException failure) {
    if (config.retryPolicy().honorRetryAfter()
        && failure instanceof SumoServiceException service
        && service.retryAfter().isPresent()) {
      return service.retryAfter().get();
    }
    return config.retryPolicy().backoff(retry, config.time().random());
  }

  private boolean follow(Operation operation, SumoWrongDeploymentException e) {
    if (!config.followDeploymentRedirects() || e.targetDeployment().isEmpty()) {
      return false;
    }
    Deployment target = e.targetDeployment().get();
    URI newBase;
    try {
      newBase =
          Endpoints.normalize(
              config.deploymentEndpoint().apply(target), config.allowInsecureHttp());
    } catch (SumoConfigurationException refused) {
      LOG.warn("Not following the redirect to {}: {}", target, refused.getMessage());
      return false;
    }
    Route old = route.get();
    Route updated = new Route(newBase, target);
    if (route.compareAndSet(old, updated)) {
      LOG.warn(
          "Sumo Logic redirected {} to deployment {}; this client now uses {}. Configure"
              + " deployment(Deployment.{}) to avoid the extra round trip.",
          operation.operationId(),
          target.code(),
          newBase,
          target.code());
      listener.onRedirected(
          new ClientListener.RedirectEvent(operation.operationId(), old.deployment(), target));
    }
    return true;
  }

  /**
   * Stops every call: after this returns nothing more is sent.
   *
   * <p>Calls waiting for quota or for a retry fail at once with a "client closed" {@link
   * SumoClientException}, exchanges under way are cancelled, and later calls are refused; then the
   * HTTP client's threads and connections are released. Like OkHttp's {@code
   * Dispatcher.cancelAll()} and AWS SDK v2's {@code close()}, closing is not a graceful drain.
   */
  @Override
  public void close() {
    boolean first = !lifecycle.isClosed();
    lifecycle.close();
    if (first) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      if (config.ownsQuotaCoordinator()) {
        try {
          config.quotaCoordinator().close();
        } catch (RuntimeException e) {
          LOG.warn("Closing the quota coordinator failed: {}", e.getClass().getSimpleName());
        }
      }
    }
  }

  private final class RoutedTarget implements Target<UserManagementApi> {
    @Override
    public Class<UserManagementApi> type() {
      return UserManagementApi.class;
    }

    @Override
    public String name() {
      return "sumo-users";
    }

    @Override
    public String url() {
      return route.get().baseUri().toString();
    }

    /**
     * Prefixes the template's path and query with the current base URL.
     *
     * <p>The same URL as Feign's {@code HardCodedTarget} builds ({@code target(url())} then {@code
     * request()}), without parsing the base URL again and building the template's URL twice on
     * every call: the base is already normalized (no trailing slash, query or fragment), and {@link
     * WireContract} refuses methods taking a URL argument, so the template's URL is always
     * relative.
     */
    @Override
    public Request apply(RequestTemplate input) {
      return Request.create(
          Request.HttpMethod.valueOf(input.method()),
          route.get().base() + input.url(),
          input.headers(),
          input.requestBody(),
          input);
    }
  }
}
