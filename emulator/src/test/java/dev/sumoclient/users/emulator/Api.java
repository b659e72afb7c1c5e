package dev.sumoclient.users.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A plain HTTP client for tests, so the emulator is tested without any SDK code. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;
  private final @Nullable String authorization;

  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String errorCode() {
      return json().path("errors").path(0).path("code").asText();
    }

    @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Api(SumoEmulator emulator) {
    this(emulator.baseUri(), basic(emulator.accessKey().id(), emulator.accessKey().key()));
  }

  Api(URI base, @Nullable String authorization) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.base = base;
    this.authorization = authorization;
  }

  static String basic(String id, String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  Api withAuthorization(@Nullable String value) {
    return new Api(base, value);
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, @Nullable Object body) {
    return send("POST", path, body);
  }

  Response put(String path, @Nullable Object body) {
    return send("PUT", path, body);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a request; a String body goes as is, anything else as JSON. */
  Response send(String method, String path, @Nullable Object body) {
    return send(method, path, body, Map.of());
  }

  Response send(String method, String path, @Nullable Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String text;
      try {
        text = body instanceof String s ? s : JSON.writeValueAsString(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!headers.containsKey("Content-Type")) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> newUser(String first, String last, String email) {
    return Map.of(
        "firstName", first, "lastName", last, "email", email, "roleIds", java.util.List.of("R1"));
  }
}
