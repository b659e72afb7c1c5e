package dev.sumoclient.users.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Credentials;
import dev.sumoclient.users.CredentialsProvider;
import dev.sumoclient.users.QuotaCoordinator;
import dev.sumoclient.users.QuotaKey;
import dev.sumoclient.users.QuotaPermit;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoException;
import dev.sumoclient.users.SumoIoException;
import dev.sumoclient.users.SumoTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's transport: one HTTP exchange on OkHttp, with credentials, quotas and the call deadline.
 *
 * <p>Credentials are resolved here, per request, so a rotated key is used at once. The quota permit
 * is held only while the exchange is on the wire, and the body is read fully before it is given
 * back, so the concurrency limit counts what the server sees.
 */
final class SumoTransport implements feign.Client {
  private static final Logger LOG = LoggerFactory.getLogger("dev.sumoclient.users.http");

  private final OkHttpClient http;
  private final CredentialsProvider credentials;
  private final @Nullable Quotas quotas;
  private final QuotaCoordinator coordinator;
  private final @Nullable String quotaGroup;
  private final TimeSource time;
  private final String userAgent;
  private final Listeners listener;
  private final Lifecycle lifecycle;
  private final WireContract contract;

  /**
   * Tells a request's permit when OkHttp has written the request; set on the client when quotas are
   * on.
   */
  static final EventListener PERMIT_EVENTS =
      new EventListener() {
        @Override
        public void requestHeadersEnd(Call call, Request request) {
          if (request.body() == null) {
            sent(call);
          }
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
          sent(call);
        }

        private void sent(Call call) {
          QuotaPermit permit = call.request().tag(QuotaPermit.class);
          if (permit != null) {
            permit.sent();
          }
        }
      };

  /**
   * What the transport derives from the credentials last seen: the provider is still asked per
   * request, and a different instance (a rotated key) builds new values; the same one reuses them
   * instead of encoding Base64 and building the quota key on every call.
   */
  private volatile @Nullable Authorization authorization;

  /**
   * A Basic header, what no message may show of it, and the quota key of its access id.
   *
   * @param credentials the credentials it was built from
   * @param header the header value
   * @param secrets the access key and the Base64 token, for redaction
   * @param quotaKey the group (the access id by default) and access id requests are counted under
   */
  private record Authorization(
      Credentials credentials, String header, List<String> secrets, QuotaKey quotaKey) {}

  private static final byte[] NO_BYTES = new byte[0];

  SumoTransport(
      OkHttpClient http,
      CredentialsProvider credentials,
      @Nullable Quotas quotas,
      QuotaCoordinator coordinator,
      @Nullable String quotaGroup,
      TimeSource time,
      String userAgent,
      Listeners listener,
      Lifecycle lifecycle,
      WireContract contract) {
    this.http = http;
    this.credentials = credentials;
    this.quotas = quotas;
    this.coordinator = coordinator;
    this.quotaGroup = quotaGroup;
    this.time = time;
    this.userAgent = userAgent;
    this.listener = listener;
    this.lifecycle = lifecycle;
    this.contract = contract;
  }

  @Override
  public feign.Response execute(feign.Request request, feign.Request.Options options) {
    Attempt attempt = Attempt.require();
    String operation = attempt.operation().operationId();
    Authorization auth = authorizationFor(credentials.resolveCredentials());
    // Logging and events are off by default; only pay for their arguments when someone listens.
    boolean observed = LOG.isDebugEnabled() || listener.active();

    Quotas q = quotas;
    // The permit is taken inside the try, so nothing that happens once it is held (a listener, a
    // log appender, an Error of any kind) can keep it from being given back.
    QuotaPermit permit = null;
    try {
      if (q != null) {
        permit = acquire(q, auth.quotaKey(), attempt);
        throttledByQuota(operation, permit.waited());
      }
      // Built once the permit is held, so it travels as a tag to PERMIT_EVENTS (request written).
      Request okRequest = toOkHttp(request, auth, attempt, permit);
      long remaining = attempt.deadlineNanos() - time.nanoTime();
      if (remaining <= 0) {
        throw new SumoTimeoutException(
            operation + ": the call deadline passed before sending", null);
      }
      Call call = http.newCall(okRequest);
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      lifecycle.start(operation, call);
      if (LOG.isTraceEnabled() && request.body() != null) {
        LOG.trace(
            "{} {} request body: {}",
            request.httpMethod(),
            okRequest.url().encodedPath(),
            Redaction.redact(
                new String(request.body(), StandardCharsets.UTF_8), attempt.secrets()));
      }
      if (listener.active()) {
        listener.onRequestStarted(
            new ClientListener.RequestStartEvent(operation, okRequest.method(), attempt.number()));
      }
      long start = time.nanoTime();
      // Every started exchange gets exactly one end event, so in-flight gauges never drift.
      boolean ended = false;
      try (Response response = call.execute()) {
        ResponseBody body = response.body();
        byte[] bytes = body == null ? NO_BYTES : body.bytes();
        int status = response.code();
        if (observed) {
          ended = true;
          observe(operation, okRequest, attempt, status, null, time.nanoTime() - start);
        }
        feign.Response.Builder feignResponse =
            feign.Response.builder()
                .status(status)
                .reason(response.message())
                .body(bytes)
                .request(request);
        // Only the error decoder reads headers (Retry-After, Location); a success skips the copy.
        if (status < 200 || status >= 300) {
          feignResponse.headers(toFeignHeaders(response.headers()));
        } else {
          // Kept for a readable message should the body turn out not to be JSON.
          attempt.answered(response.header("Content-Type"));
        }
        return feignResponse.build();
      } catch (IOException thrown) {
        IOException e = NoReplayAfterSending.unwrap(thrown);
        if (observed && !ended) {
          ended = true;
          observe(operation, okRequest, attempt, 0, e, time.nanoTime() - start);
        }
        if (lifecycle.isClosed()) {
          throw Lifecycle.closedFailure(operation, e);
        }
        throw failure(operation, attempt, e);
      } catch (RuntimeException e) {
        if (observed && !ended) {
          observe(operation, okRequest, attempt, 0, e, time.nanoTime() - start);
        }
        throw e;
      } finally {
        lifecycle.finish(call);
      }
    } finally {
      if (permit != null) {
        permit.close();
      }
    }
  }

  private void observe(
      String operation,
      Request okRequest,
      Attempt attempt,
      int status,
      @Nullable Exception failure,
      long latencyNanos) {
    String path = okRequest.url().encodedPath();
    Duration latency = Duration.ofNanos(latencyNanos);
    if (failure == null) {
      LOG.debug(
          "{} {} {} -> {} in {} ms (attempt {})",
          operation,
          okRequest.method(),
          path,
          status,
          latency.toMillis(),
          attempt.number());
    } else {
      LOG.debug(
          "{} {} {} -> {} after {} ms (attempt {})",
          operation,
          okRequest.method(),
          path,
          failure.getClass().getSimpleName(),
          latency.toMillis(),
          attempt.number());
    }
    if (listener.active()) {
      listener.onRequest(
          new ClientListener.RequestEvent(
              operation,
              okRequest.method(),
              path,
              attempt.number(),
              status,
              latency,
              null,
              failure));
    }
  }

  private QuotaPermit acquire(Quotas q, QuotaKey key, Attempt attempt) {
    String operation = attempt.operation().operationId();
    Duration maxWait = Duration.ofNanos(Math.max(0, attempt.deadlineNanos() - time.nanoTime()));
    QuotaPermit permit;
    try {
      // close() ends this wait at once with a "client closed" failure.
      permit = lifecycle.await(operation, () -> coordinator.acquire(key, q, maxWait));
    } catch (SumoTimeoutException e) {
      throw new SumoTimeoutException(operation + ": " + e.getMessage(), e.getCause());
    } catch (SumoException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SumoClientException(
          operation + ": the quota coordinator failed: " + e.getClass().getSimpleName(), e);
    }
    return permit;
  }

  private void throttledByQuota(String operation, Duration waited) {
    if (waited.toMillis() >= 1) {
      LOG.debug("{} waited {} ms for client-side quota", operation, waited.toMillis());
      listener.onThrottled(
          new ClientListener.ThrottleEvent(operation, ClientListener.Source.CLIENT_QUOTA, waited));
    }
  }

  private RuntimeException failure(String operation, Attempt attempt, IOException e) {
    boolean deadlinePassed = time.nanoTime() - attempt.deadlineNanos() >= 0;
    if (deadlinePassed
        || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))) {
      return new SumoTimeoutException(operation + ": the call deadline passed", e);
    }
    if (e instanceof SocketTimeoutException) {
      return new SumoTimeoutException(
          operation + ": timed out talking to Sumo Logic (" + e.getMessage() + ")", e);
    }
    return new SumoIoException(
        operation + ": I/O failure talking to Sumo Logic: " + e.getClass().getSimpleName(), e);
  }

  private Request toOkHttp(
      feign.Request request,
      Authorization authorization,
      Attempt attempt,
      @Nullable QuotaPermit permit) {
    Request.Builder builder = new Request.Builder().url(HttpUrl.get(request.url()));
    // The interface's constant headers, first, as they came first in Feign's sorted header map.
    WireContract.ConstantHeaders constant = contract.constantHeaders(request);
    if (constant.accept() != null) {
      builder.header("Accept", constant.accept());
    }
    MediaType mediaType = constant.contentType();
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("User-Agent")) {
        continue;
      }
      for (String value : header.getValue()) {
        if (name.equalsIgnoreCase("Content-Type")) {
          mediaType = MediaType.parse(value);
        } else {
          builder.addHeader(name, value);
        }
      }
    }
    builder.header("Authorization", authorization.header());
    attempt.sentWith(authorization.secrets());
    builder.header("User-Agent", userAgent);
    byte[] body = request.body();
    String method = request.httpMethod().name();
    RequestBody requestBody = null;
    if (body != null || method.equals("POST") || method.equals("PUT")) {
      requestBody = RequestBody.create(body == null ? NO_BYTES : body, mediaType);
      if (!attempt.operation().safeToRepeat()) {
        requestBody = new OneShotBody(requestBody);
      }
    }
    if (permit != null) {
      builder.tag(QuotaPermit.class, permit);
    }
    return builder.method(method, requestBody).build();
  }

  private Authorization authorizationFor(Credentials creds) {
    Authorization cached = authorization;
    if (cached != null && cached.credentials() == creds) {
      return cached;
    }
    String header =
        okhttp3.Credentials.basic(creds.accessId(), creds.accessKey(), StandardCharsets.UTF_8);
    String group = quotaGroup;
    Authorization fresh =
        new Authorization(
            creds,
            header,
            List.of(creds.accessKey(), header.substring(header.indexOf(' ') + 1)),
            new QuotaKey(group == null ? creds.accessId() : group, creds.accessId()));
    authorization = fresh;
    return fresh;
  }

  /**
   * Keeps OkHttp from re-sending a request that reached the network, while it still moves on to the
   * host's next address after a failed connect.
   *
   * <p>With {@code retryOnConnectionFailure(true)} OkHttp both tries the next route after a failed
   * connect (wanted: nothing was sent) and silently re-sends a request whose connection broke after
   * it was written (not wanted: the server may have acted on it, and the retry would bypass the
   * retry policy, the quota and the listener). As a network interceptor this runs only once a
   * connection is established; an I/O failure from here on is rethrown as a {@link
   * java.net.ProtocolException}, which OkHttp never retries, and unwrapped again by the transport.
   */
  static final class NoReplayAfterSending implements okhttp3.Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      try {
        return chain.proceed(chain.request());
      } catch (IOException e) {
        throw new Sent(e);
      }
    }

    static IOException unwrap(IOException e) {
      return e instanceof Sent && e.getCause() instanceof IOException cause ? cause : e;
    }

    /** An I/O failure after the request may have been sent. */
    private static final class Sent extends java.net.ProtocolException {
      private static final long serialVersionUID = 1L;

      Sent(IOException cause) {
        super(cause.getMessage());
        initCause(cause);
      }
    }
  }

  /**
   * A body OkHttp must not send twice.
   *
   * <p>OkHttp may retry a request on another route (the host's next IP address) after a failed
   * connect, when nothing was sent; but once a one-shot body may have been written it never replays
   * it, neither after a broken connection nor on a 408. The engine decides every other re-send.
   */
  private static final class OneShotBody extends RequestBody {
    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(okio.BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }

  /** Groups repeated headers; Feign makes its own case-insensitive map from this one. */
  private static Map<String, Collection<String>> toFeignHeaders(Headers headers) {
    Map<String, Collection<String>> grouped = new HashMap<>();
    for (int i = 0, n = headers.size(); i < n; i++) {
      grouped.computeIfAbsent(headers.name(i), name -> new ArrayList<>(1)).add(headers.value(i));
    }
    return grouped;
  }
}
