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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
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
    String path = okRequest.url().encodedPath();

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
            path,
            Redaction.redactJson(new String(request.body(), StandardCharsets.UTF_8)));
      }
      long start = time.nanoTime();
      try (Response response = call.execute()) {
        ResponseBody body = response.body();
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        Duration latency = Duration.ofNanos(time.nanoTime() - start);
        LOG.debug(
            "{} {} {} -> {} in {} ms (attempt {})",
            operation,
            okRequest.method(),
            path,
            response.code(),
            latency.toMillis(),
            attempt.number());
        listener.onRequest(
            new ClientListener.RequestEvent(
                operation, okRequest.method(), path, attempt.number(), response.code(), latency));
        return feign.Response.builder()
            .status(response.code())
            .reason(response.message())
            .headers(toFeignHeaders(response.headers().toMultimap()))
            .body(bytes)
            .request(request)
            .build();
      } catch (IOException e) {
        Duration latency = Duration.ofNanos(time.nanoTime() - start);
        LOG.debug(
            "{} {} {} -> {} after {} ms (attempt {})",
            operation,
            okRequest.method(),
            path,
            e.getClass().getSimpleName(),
            latency.toMillis(),
            attempt.number());
        listener.onRequest(
            new ClientListener.RequestEvent(
                operation, okRequest.method(), path, attempt.number(), 0, latency));
        throw failure(operation, attempt, e);
      }
    } finally {
      if (limiter != null) {
        limiter.release();
      }
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
    builder.header(
        "Authorization",
        okhttp3.Credentials.basic(creds.accessId(), creds.accessKey(), StandardCharsets.UTF_8));
    builder.header("User-Agent", userAgent);
    byte[] body = request.body();
    String method = request.httpMethod().name();
    RequestBody requestBody = null;
    if (body != null || method.equals("POST") || method.equals("PUT")) {
      requestBody = RequestBody.create(body == null ? new byte[0] : body, mediaType);
    }
    return builder.method(method, requestBody).build();
  }

  private static Map<String, Collection<String>> toFeignHeaders(Map<String, List<String>> headers) {
    return Map.copyOf(headers);
  }
}
