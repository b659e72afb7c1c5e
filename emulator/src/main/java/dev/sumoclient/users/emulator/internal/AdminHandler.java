package dev.sumoclient.users.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sumoclient.users.emulator.AccessKey;
import dev.sumoclient.users.emulator.EmulatedUser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /__admin/...}: the emulator's switches as JSON over HTTP, for tools that cannot call the
 * Java API. Unauthenticated by design: the emulator binds to loopback unless told otherwise.
 *
 * <p>The routes are documented in the module README; answers are JSON, failures {@code {"error":
 * "..."}} with 400, 404 or 405.
 */
final class AdminHandler {
  private final EmulatorServer server;

  AdminHandler(EmulatorServer server) {
    this.server = server;
  }

  private static final class AdminError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    AdminError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  void handle(Exchange exchange) throws IOException {
    byte[] body = exchange.body(EmulatorServer.MAX_ADMIN_BODY_BYTES);
    if (body == null) {
      byte[] answer =
          Json.MAPPER.writeValueAsBytes(
              Map.of(
                  "error",
                  "the body is longer than " + EmulatorServer.MAX_ADMIN_BODY_BYTES + " bytes"));
      exchange.send(413, Map.of(), answer, null);
      return;
    }
    String method = exchange.method();
    String path = exchange.decodedPath();
    if (path.endsWith("/") && path.length() > "/__admin".length()) {
      path = path.substring(0, path.length() - 1);
    }
    Object answer;
    int status = 200;
    try {
      answer = route(method, path, body);
    } catch (AdminError e) {
      status = e.status;
      answer = Map.of("error", e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      status = 400;
      answer = Map.of("error", String.valueOf(e.getMessage()));
    } catch (NoSuchElementException e) {
      status = 404;
      answer = Map.of("error", String.valueOf(e.getMessage()));
    }
    byte[] json = Json.MAPPER.writeValueAsBytes(answer);
    if (status == 200 && path.equals("/__admin/shutdown")) {
      // Only once the answer is out: closing earlier would cut it off.
      exchange.send(status, Map.of(), json, null, server::closeSoon);
    } else {
      exchange.send(status, Map.of(), json, null);
    }
  }

  private Object route(String method, String path, byte[] body) throws IOException {
    List<String> parts = List.of(path.substring(1).split("/"));
    String route = path.substring("/__admin".length());
    switch (route) {
      case "", "/state" -> {
        allow(method, "GET");
        return state();
      }
      case "/limits" -> {
        if (method.equals("GET")) {
          return limits();
        }
        allow(method, "PUT");
        applyLimits(object(body));
        return limits();
      }
      case "/faults" -> {
        if (method.equals("GET")) {
          return faults();
        }
        if (method.equals("DELETE")) {
          server.faults().clear();
          return faults();
        }
        allow(method, "PUT");
        applyFaults(object(body));
        return faults();
      }
      case "/journal" -> {
        if (method.equals("DELETE")) {
          server.journal().clear();
          return Map.of("size", 0);
        }
        if (method.equals("PUT")) {
          server.journal().enabled(bool(object(body), "enabled"));
          return Map.of("enabled", server.journal().enabled(), "size", server.journal().size());
        }
        allow(method, "GET");
        return server.journal().entries();
      }
      case "/email-changes" -> {
        allow(method, "GET");
        return server.store().emailChanges();
      }
      case "/content-transfers" -> {
        allow(method, "GET");
        return server.store().contentTransfers();
      }
      case "/password-resets" -> {
        allow(method, "GET");
        return server.store().passwordResets();
      }
      case "/provider-states" -> {
        allow(method, "POST");
        return providerState(object(body));
      }
      case "/access-keys" -> {
        if (method.equals("POST")) {
          ObjectNode spec = object(body);
          String owner =
              spec.hasNonNull("ownerId")
                  ? SeedData.ownerId(text(spec, "ownerId"))
                  : HexFormat.of()
                      .withUpperCase()
                      .toHexDigits(ThreadLocalRandom.current().nextLong());
          AccessKey key = new AccessKey(text(spec, "id"), text(spec, "key"), owner);
          server.addAccessKey(key);
          return keyJson(key);
        }
        allow(method, "GET");
        return server.accessKeys().stream().map(AdminHandler::keyJson).toList();
      }
      case "/quota-stats" -> {
        if (method.equals("DELETE")) {
          server.quotas().resetStatistics();
          return quotaStats();
        }
        allow(method, "GET");
        return quotaStats();
      }
      case "/reset" -> {
        allow(method, "POST");
        server.reset();
        return state();
      }
      case "/shutdown" -> {
        allow(method, "POST");
        return Map.of("shutdown", true);
      }
      default -> {
        // /__admin/users/{id}/{action}
        if (parts.size() >= 4 && parts.get(1).equals("users")) {
          allow(method, "POST");
          String id = parts.get(2);
          String action = String.join("/", parts.subList(3, parts.size()));
          return switch (action) {
            case "lock" -> userJson(server.store().lock(id));
            case "mfa/enable" -> userJson(server.store().enableMfa(id));
            case "sign-in" -> userJson(server.store().recordSignIn(id));
            case "email-change/confirm" -> userJson(server.store().confirmEmailChange(id));
            default -> throw new AdminError(404, "no admin route " + path);
          };
        }
        throw new AdminError(404, "no admin route " + path);
      }
    }
  }

  /**
   * Pact's provider state change call: {@code {"state", "params", "action": "setup"|"teardown"}}.
   * Setup answers the values the state provides; teardown returns the emulator to its start.
   */
  private Object providerState(ObjectNode body) {
    JsonNode state = body.get("state");
    if (state == null || !state.isTextual()) {
      throw new AdminError(400, "state: required, must be the provider state's name");
    }
    JsonNode action = body.get("action");
    String verb = action == null || action.isNull() ? "setup" : action.asText();
    JsonNode params = body.get("params");
    Map<String, Object> values = new LinkedHashMap<>();
    if (params != null && !params.isNull()) {
      if (!(params instanceof ObjectNode)) {
        throw new AdminError(400, "params: must be a JSON object");
      }
      params.fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue())));
    }
    return switch (verb) {
      case "setup" -> {
        if (!ProviderStates.NAMES.contains(state.textValue())) {
          throw new AdminError(
              400,
              "state: unknown provider state '"
                  + state.textValue()
                  + "'; known: "
                  + ProviderStates.NAMES.stream().sorted().toList());
        }
        yield server.providerStates().setUp(state.textValue(), values);
      }
      case "teardown" -> {
        server.providerStates().tearDown();
        yield Map.of();
      }
      default -> throw new AdminError(400, "action: must be setup or teardown, was " + verb);
    };
  }

  private static Object plain(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.toString();
  }

  private static JsonNode userJson(EmulatedUser user) throws IOException {
    return Json.MAPPER.readTree(Json.user(user));
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new AdminError(405, "use " + allowed);
    }
  }

  private static ObjectNode object(byte[] body) {
    try {
      JsonNode node = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // Falls through to the error below.
    }
    throw new AdminError(400, "the body must be a JSON object");
  }

  private Map<String, Object> state() {
    return Map.of(
        "users", server.store().size(),
        "limits", limits(),
        "faults", faults(),
        "journal",
            Map.of(
                "size", server.journal().size(),
                "capacity", server.journal().capacity(),
                "enabled", server.journal().enabled()));
  }

  private Map<String, Object> limits() {
    Quotas quotas = server.quotas();
    return Map.of(
        "enabled", quotas.enabled(),
        "requestsPerSecond", quotas.requestsPerSecond(),
        "maxInFlight", quotas.maxInFlight(),
        "retryAfter", quotas.retryAfter());
  }

  /** Never the key itself. */
  private static Map<String, Object> keyJson(AccessKey key) {
    return Map.of("id", key.id(), "ownerId", key.ownerId());
  }

  private Map<String, Object> quotaStats() {
    Quotas quotas = server.quotas();
    return Map.of(
        "throttled", quotas.refusedForRate() + quotas.refusedForInFlight(),
        "throttledForRate", quotas.refusedForRate(),
        "throttledForInFlight", quotas.refusedForInFlight(),
        "highestInFlight", quotas.highestInFlight());
  }

  private static String text(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual()) {
      throw new AdminError(400, field + ": must be a string");
    }
    return node.textValue();
  }

  private Map<String, Object> faults() {
    FaultState faults = server.faults();
    URI elsewhere = faults.wrongDeployment();
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    map.put("latencyMillis", faults.latency().toMillis());
    map.put("pendingFailures", faults.pendingFailures());
    map.put("pendingDrops", faults.pendingDrops());
    map.put("wrongDeployment", elsewhere == null ? null : elsewhere.toString());
    return map;
  }

  private void applyLimits(ObjectNode body) {
    Quotas quotas = server.quotas();
    // Numbers first, so that switching on applies them from the first request.
    if (body.has("requestsPerSecond")) {
      quotas.requestsPerSecond(integer(body, "requestsPerSecond"));
    }
    if (body.has("maxInFlight")) {
      quotas.maxInFlight(integer(body, "maxInFlight"));
    }
    if (body.has("retryAfter")) {
      quotas.retryAfter(bool(body, "retryAfter"));
    }
    if (body.has("enabled")) {
      quotas.enabled(bool(body, "enabled"));
    }
  }

  private void applyFaults(ObjectNode body) {
    FaultState faults = server.faults();
    if (body.has("latencyMillis")) {
      faults.latency(Duration.ofMillis(integer(body, "latencyMillis")));
    }
    if (body.has("wrongDeployment")) {
      JsonNode target = body.get("wrongDeployment");
      if (target.isNull()) {
        faults.wrongDeployment(null);
      } else if (target.isTextual()) {
        faults.wrongDeployment(URI.create(target.textValue()));
      } else {
        throw new AdminError(400, "wrongDeployment: must be a URL string or null");
      }
    }
    if (body.has("failNext")) {
      JsonNode failNext = body.get("failNext");
      if (!(failNext instanceof ObjectNode spec)) {
        throw new AdminError(400, "failNext: must be an object {count, status, retryAfterSeconds}");
      }
      Duration retryAfter =
          spec.has("retryAfterSeconds")
              ? Duration.ofSeconds(integer(spec, "retryAfterSeconds"))
              : null;
      faults.failNext(integer(spec, "count"), integer(spec, "status"), retryAfter);
    }
    if (body.has("dropNext")) {
      faults.dropNext(integer(body, "dropNext"));
    }
  }

  private static int integer(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new AdminError(400, field + ": must be an integer");
    }
    return node.intValue();
  }

  private static boolean bool(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isBoolean()) {
      throw new AdminError(400, field + ": must be true or false");
    }
    return node.booleanValue();
  }
}
