package dev.sumoclient.users.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.SumoBadRequestException;
import dev.sumoclient.users.SumoForbiddenException;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoServerException;
import dev.sumoclient.users.SumoServiceException;
import dev.sumoclient.users.SumoServiceException.ErrorDetail;
import dev.sumoclient.users.SumoThrottledException;
import dev.sumoclient.users.SumoUnauthorizedException;
import dev.sumoclient.users.SumoWrongDeploymentException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns every non-2xx response into the matching typed {@link SumoServiceException}. */
final class SumoErrorDecoder implements ErrorDecoder {
  private final ObjectMapper mapper;
  private final TimeSource time;

  SumoErrorDecoder(ObjectMapper mapper, TimeSource time) {
    this.mapper = mapper;
    this.time = time;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    Attempt attempt = Attempt.current();
    String operation =
        attempt != null ? attempt.operation().operationId() : methodKey.replaceAll("[#(].*", "");
    int status = response.status();
    if (status >= 300 && status < 400) {
      return wrongDeployment(operation, status, header(response, "Location"));
    }
    byte[] body = readBody(response);
    Duration retryAfter = RetryAfter.parse(header(response, "Retry-After"), time.now());
    List<String> secrets = attempt != null ? attempt.secrets() : List.of();
    // Read once: the errors and the id come from the same document.
    JsonNode root = readJson(body);
    List<ErrorDetail> errors = sumoErrors(root, secrets);
    String snippet = errors.isEmpty() ? Redaction.snippet(body, secrets) : null;
    String errorId = snippet == null ? sumoErrorId(root) : null;
    return switch (status) {
      case 400 ->
          new SumoBadRequestException(operation, status, errorId, errors, retryAfter, snippet);
      case 401 ->
          new SumoUnauthorizedException(operation, status, errorId, errors, retryAfter, snippet);
      case 403 ->
          new SumoForbiddenException(operation, status, errorId, errors, retryAfter, snippet);
      case 404 ->
          new SumoNotFoundException(operation, status, errorId, errors, retryAfter, snippet);
      case 429 ->
          new SumoThrottledException(operation, status, errorId, errors, retryAfter, snippet);
      default ->
          status >= 500
              ? new SumoServerException(operation, status, errorId, errors, retryAfter, snippet)
              : new SumoServiceException(operation, status, errorId, errors, retryAfter, snippet);
    };
  }

  static SumoWrongDeploymentException wrongDeployment(
      String operation, int status, @Nullable String location) {
    if (location == null || location.isBlank()) {
      return new SumoWrongDeploymentException(
          operation, status, null, null, "redirect without a Location header");
    }
    Optional<Deployment> target = sumoDeployment(location);
    // A location with user information is never followed, and never echoed with it.
    location = Endpoints.describe(location);
    if (target.isEmpty()) {
      return new SumoWrongDeploymentException(
          operation,
          status,
          location,
          null,
          "refusing to follow the redirect to "
              + location
              + ": credentials are only ever sent to https hosts under sumologic.com");
    }
    Deployment d = target.get();
    return new SumoWrongDeploymentException(
        operation,
        status,
        location,
        d,
        "the account lives on deployment "
            + d.code()
            + " ("
            + location
            + "). Build the client with deployment(Deployment."
            + d.code()
            + ") or enable followDeploymentRedirects(true)");
  }

  /** Returns the deployment of an https sumologic.com location; anything else is refused. */
  static Optional<Deployment> sumoDeployment(String location) {
    try {
      URI uri = new URI(location.strip());
      if (uri.getScheme() == null
          || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      return Deployment.forHost(uri.getHost());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Returns the body as JSON, or null when it is empty or not JSON. */
  private @Nullable JsonNode readJson(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns the entries of Sumo's {@code errors} array, redacted; none for any other body. */
  private static List<ErrorDetail> sumoErrors(@Nullable JsonNode root, List<String> secrets) {
    if (root == null || !root.isObject() || !root.path("errors").isArray()) {
      return List.of();
    }
    List<ErrorDetail> errors = new ArrayList<>();
    for (JsonNode e : root.path("errors")) {
      errors.add(
          new ErrorDetail(
              Redaction.redact(e.path("code").asText(""), secrets),
              Redaction.redact(e.path("message").asText(""), secrets),
              e.hasNonNull("detail")
                  ? Redaction.redact(e.path("detail").asText(), secrets)
                  : null));
    }
    return errors;
  }

  private static @Nullable String sumoErrorId(@Nullable JsonNode root) {
    if (root == null) {
      return null;
    }
    JsonNode id = root.path("id");
    return id.isValueNode() && !id.isNull() ? id.asText() : null;
  }

  private static byte[] readBody(Response response) {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static @Nullable String header(Response response, String name) {
    for (var entry : response.headers().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        Collection<String> values = entry.getValue();
        return values.isEmpty() ? null : values.iterator().next();
      }
    }
    return null;
  }
}
