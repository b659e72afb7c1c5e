package dev.sumoclient.users.internal;

import dev.sumoclient.users.ClientListener;
import dev.sumoclient.users.Credentials;
import dev.sumoclient.users.CredentialsProvider;
import dev.sumoclient.users.Quotas;
import dev.sumoclient.users.SumoClientException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
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
  private final TimeSource time;
  private final String userAgent;
  private final Listeners listener;
  private final AtomicReference<@Nullable QuotaLimiter> lastLimiter = new AtomicReference<>();

  /**
   * The Basic header of the credentials last seen: the provider is still asked per request, and a
   * different instance (a rotated key) builds a new value; the same one reuses it instead of
   * encoding Base64 on every call.
   */
  private volatile @Nullable Authorization authorization;

  private record Authorization(Credentials credentials, String header) {}

  private static final byte[] NO_BYTES = new byte[0];

  SumoTransport(
      OkHttpClient http,
      CredentialsProvider credentials,
      @Nullable Quotas quotas,
      TimeSource time,
      String userAgent,
      Listeners listener) {
    this.http = http;
    this.credentials = credentials;
    this.quotas = quotas;
    this.time = time;
    this.userAgent = userAgent;
    this.listener = listener;
  }

  @Override
  public feign.Response execute(feign.Request request, feign.Request.Options options) {
    Attempt attempt = Attempt.require();
    String operation = attempt.operation().operationId();
    Credentials creds = credentials.resolveCredentials();
    Request okRequest = toOkHttp(request, creds);
    // Logging and events are off by default; only pay for their arguments when someone listens.
    boolean observed = LOG.isDebugEnabled() || listener.active();

    QuotaLimiter limiter = limiterFor(creds.accessId());
    if (limiter != null) {
      acquire(limiter, attempt);
    }
    try {
      long remaining = attempt.deadlineNanos() - time.nanoTime();
      if (remaining <= 0) {
        throw new SumoTimeoutException(
            operation + ": the call deadline passed before sending", null);
      }
      Call call = http.newCall(okRequest);
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      if (LOG.isTraceEnabled() && request.body() != null) {
        LOG.trace(
            "{} {} request body: {}",
            request.httpMethod(),
            okRequest.url().encodedPath(),
            Redaction.redactJson(new String(request.body(), StandardCharsets.UTF_8)));
      }
      if (observed && listener.active()) {
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
        }
        return feignResponse.build();
      } catch (IOException e) {
        if (observed && !ended) {
          ended = true;
          observe(operation, okRequest, attempt, 0, e, time.nanoTime() - start);
        }
        throw failure(operation, attempt, e);
      } catch (RuntimeException e) {
        if (observed && !ended) {
          observe(operation, okRequest, attempt, 0, e, time.nanoTime() - start);
        }
        throw e;
      }
    } finally {
      if (limiter != null) {
        limiter.release();
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

  private void acquire(QuotaLimiter limiter, Attempt attempt) {
    String operation = attempt.operation().operationId();
    try {
      Duration waited = limiter.acquire(attempt.deadlineNanos());
      if (waited.toMillis() >= 1) {
        LOG.debug("{} waited {} ms for client-side quota", operation, waited.toMillis());
        listener.onThrottled(
            new ClientListener.ThrottleEvent(
                operation, ClientListener.Source.CLIENT_QUOTA, waited));
      }
    } catch (QuotaLimiter.QuotaTimeoutException e) {
      throw new SumoTimeoutException(operation + ": " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SumoClientException(operation + ": interrupted while waiting for quota", e);
    }
  }

  private @Nullable QuotaLimiter limiterFor(String accessId) {
    Quotas q = quotas;
    if (q == null) {
      return null;
    }
    QuotaLimiter last = lastLimiter.get();
    // Keep a strong reference to the limiter in use so the registry's weak entry stays alive.
    QuotaLimiter limiter = QuotaRegistry.limiterFor(accessId, q, time);
    if (limiter != last) {
      lastLimiter.set(limiter);
    }
    return limiter;
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

  private Request toOkHttp(feign.Request request, Credentials creds) {
    Request.Builder builder = new Request.Builder().url(HttpUrl.get(request.url()));
    MediaType mediaType = null;
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
    builder.header("Authorization", authorizationFor(creds));
    builder.header("User-Agent", userAgent);
    byte[] body = request.body();
    String method = request.httpMethod().name();
    RequestBody requestBody = null;
    if (body != null || method.equals("POST") || method.equals("PUT")) {
      requestBody = RequestBody.create(body == null ? NO_BYTES : body, mediaType);
    }
    return builder.method(method, requestBody).build();
  }

  private String authorizationFor(Credentials creds) {
    Authorization cached = authorization;
    if (cached != null && cached.credentials() == creds) {
      return cached.header();
    }
    String header =
        okhttp3.Credentials.basic(creds.accessId(), creds.accessKey(), StandardCharsets.UTF_8);
    authorization = new Authorization(creds, header);
    return header;
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
