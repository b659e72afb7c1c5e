package dev.sumoclient.users.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its answer, in the terms the emulator needs: the raw path and query as sent,
 * headers, a body read up to a cap, and exactly one answer or a dropped connection.
 */
final class Exchange {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final AtomicBoolean ended = new AtomicBoolean();

  Exchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  String method() {
    return request.getMethod();
  }

  /** The path exactly as sent, escapes included. */
  String rawPath() {
    String path = request.getHttpURI().getPath();
    return path == null ? "/" : path;
  }

  /** The query exactly as sent, or null when the target has none. */
  @Nullable String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  /** The path with its escapes decoded, for routes that take no identifiers. */
  String decodedPath() {
    String path = request.getHttpURI().getDecodedPath();
    return path == null ? "/" : path;
  }

  @Nullable String header(String name) {
    return request.getHeaders().get(name);
  }

  /** Every request header, names compared without case, values in the order sent. */
  Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
    }
    return headers;
  }

  /** The length the client announced, or -1 when it announced none (chunked) or an invalid one. */
  long declaredLength() {
    return request.getLength();
  }

  /**
   * The body, or null when it is longer than {@code cap}; reads at most {@code cap + 1} bytes and
   * leaves the rest unread (the server then closes the connection after the answer).
   */
  byte @Nullable [] body(int cap) throws IOException {
    long declared = declaredLength();
    if (declared > cap) {
      return null;
    }
    InputStream in = Request.asInputStream(request);
    byte[] body = in.readNBytes(cap + 1);
    return body.length > cap ? null : body;
  }

  /** Sends the answer; for HEAD, the headers only. Later calls do nothing. */
  void send(int status, Map<String, String> headers, byte[] body, @Nullable String contentType) {
    send(status, headers, body, contentType, callback);
  }

  /**
   * Like {@link #send(int, Map, byte[], String)}, then runs {@code afterSent} once the answer has
   * been written out (or could not be): the write itself completes later, on another thread.
   */
  void send(
      int status,
      Map<String, String> headers,
      byte[] body,
      @Nullable String contentType,
      Runnable afterSent) {
    send(
        status,
        headers,
        body,
        contentType,
        new Callback() {
          @Override
          public void succeeded() {
            try {
              callback.succeeded();
            } finally {
              afterSent.run();
            }
          }

          @Override
          public void failed(Throwable failure) {
            try {
              callback.failed(failure);
            } finally {
              afterSent.run();
            }
          }
        });
  }

  private void send(
      int status,
      Map<String, String> headers,
      byte[] body,
      @Nullable String contentType,
      Callback callback) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    response.setStatus(status);
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    if (status == 204 || body.length == 0) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, null, callback);
      return;
    }
    response
        .getHeaders()
        .put(HttpHeader.CONTENT_TYPE, contentType == null ? "application/json" : contentType);
    if (method().equals("HEAD")) {
      response.write(true, null, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Hangs up without an answer, as a failing network would. Later calls do nothing. */
  void drop() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    // Closed first, so that completing the exchange can write nothing more on it.
    request.getConnectionMetaData().getConnection().getEndPoint().close();
    callback.succeeded();
  }

  /** Ends an exchange that no code answered (an unexpected failure): the server answers 500. */
  void abandon(Throwable failure) {
    if (ended.compareAndSet(false, true)) {
      callback.failed(failure);
    }
  }

  /** Keeps a request held on purpose (the latency fault) from being failed by the idle timeout. */
  void holdThroughIdleTimeouts() {
    request.addIdleTimeoutListener(timeout -> false);
  }
}
