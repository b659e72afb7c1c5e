package dev.sumoclient.users.contract;

import au.com.dius.pact.consumer.BaseMockServer;
import au.com.dius.pact.consumer.MockHttpServerKt;
import au.com.dius.pact.consumer.PactTestExecutionContext;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Answers the first request from the first pact's mock server, the second from the second, and so
 * on, then checks and writes each pact as Pact's JUnit extension would.
 *
 * <p>Why: a Pact mock server answers identical requests identically, so it cannot say "429, then
 * 200" to a client that retries the very same request. Each response of the sequence therefore gets
 * its own one-interaction pact and mock server, and a loopback relay in front hands the n-th
 * request to the n-th server. The interactions land in the same pact file as every other consumer
 * test, so the description check and the provider verification see them like any other.
 */
final class PactMockServersInSequence {

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private PactMockServersInSequence() {}

  /**
   * Runs {@code test} with the base URI of the relay, then fails unless every pact got exactly the
   * request it expects and nothing more.
   */
  static void run(List<V4Pact> pacts, Consumer<URI> test) throws IOException {
    List<BaseMockServer> servers = new ArrayList<>();
    for (V4Pact pact : pacts) {
      BaseMockServer server =
          MockHttpServerKt.mockServer(pact, MockProviderConfig.createDefault(PactSpecVersion.V4));
      server.start();
      servers.add(server);
    }
    AtomicInteger received = new AtomicInteger();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    HttpServer relay =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    relay.createContext(
        "/",
        exchange -> {
          int n = received.getAndIncrement();
          if (n >= servers.size()) {
            unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
          }
          relay(exchange, http, servers.get(n).getPort());
        });
    relay.start();
    try {
      for (BaseMockServer server : servers) {
        server.waitForServer();
      }
      test.accept(URI.create("http://127.0.0.1:" + relay.getAddress().getPort()));
    } finally {
      relay.stop(0);
      servers.forEach(BaseMockServer::stop);
    }
    List<String> failures = new ArrayList<>();
    if (!unexpected.isEmpty()) {
      failures.add("requests beyond the " + servers.size() + " expected: " + unexpected);
    }
    for (int i = 0; i < servers.size(); i++) {
      PactVerificationResult result =
          servers
              .get(i)
              .verifyResultAndWritePact(
                  null, new PactTestExecutionContext(), pacts.get(i), PactSpecVersion.V4);
      if (!(result instanceof PactVerificationResult.Ok)) {
        failures.add("request " + (i + 1) + " of the sequence: " + result.getDescription());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
  }

  private static void relay(HttpExchange exchange, HttpClient http, int port) throws IOException {
    try (exchange;
        InputStream requestBody = exchange.getRequestBody()) {
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + exchange.getRequestURI()))
              .method(
                  exchange.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(requestBody.readAllBytes()));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          header.getValue().forEach(v -> forward.header(header.getKey(), v));
        }
      }
      HttpResponse<byte[]> answer =
          http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] body = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while relaying " + exchange.getRequestURI(), e);
    }
  }
}
