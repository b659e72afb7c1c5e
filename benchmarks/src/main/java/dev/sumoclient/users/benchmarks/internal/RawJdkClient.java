package dev.sumoclient.users.benchmarks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The baseline on {@code java.net.http.HttpClient}, HTTP/1.1 as the emulator and Sumo speak. */
final class RawJdkClient extends RawClient {
  private final HttpClient http;

  RawJdkClient(String baseUri) {
    super(baseUri);
    // HTTP/1.1 outright: the default HTTP/2 would add an upgrade attempt to plain-http requests.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @Override
  String name() {
    return "raw java.net.http + Jackson";
  }

  @Override
  byte[] get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw unexpected(response.statusCode(), response.body());
    }
    return response.body();
  }

  @Override
  public void close() {
    // HttpClient is not AutoCloseable before Java 21; its threads are daemons and die with it.
  }
}
