package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scripts every operation, success and error paths, and checks each exchange against our OpenAPI
 * description with swagger-request-validator.
 *
 * <p>Every response must conform. Every request the script means to be valid must conform too;
 * requests the script makes invalid on purpose must be flagged by the validator (so the case really
 * breaks the description) and answered 400 or 401 by the emulator.
 */
class FidelityTest {
  private static OpenApiInteractionValidator validator;

  private SumoEmulator emulator;
  private HttpClient http;
  private String auth;
  private final List<String> violations = new ArrayList<>();
  private int exchanges;

  @BeforeAll
  static void loadDescription() throws IOException {
    String description;
    try (InputStream in =
        FidelityTest.class.getClassLoader().getResourceAsStream("openapi/sumo-users.yaml")) {
      Objects.requireNonNull(in, "openapi/sumo-users.yaml from sumo-users-api-spec");
      description = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(description)
            .withBasePathOverride("/api")
            // Merges UserModel's allOf parts into one schema, so that additional properties stay
            // forbidden (the validator's default) without each part rejecting the others' fields.
            .withResolveCombinators(true)
            .build();
  }

  @BeforeEach
  void start() {
    emulator = SumoEmulator.builder().seedUsers(30).start();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    auth = Api.basic(emulator.accessKey().id(), emulator.accessKey().key());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private enum Expect {
    VALID_REQUEST,
    INVALID_REQUEST,
    /** A path or method the description does not have: answered 404 or 405. */
    UNDESCRIBED
  }

  private record Exchange(int status, String body) {
    JsonNode json() {
      try {
        return Api.JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }

    String code() {
      return json().at("/errors/0/code").asText();
    }
  }

  /**
   * Sends one request and validates both sides.
   *
   * @param operationPath the described path to validate the response against when the request's own
   *     path is not described (405 and unknown paths: their error body must still be Sumo's)
   */
  private Exchange call(
      Expect expect,
      String method,
      String path,
      Map<String, String> query,
      @Nullable String body,
      @Nullable String authorization,
      @Nullable String operationPath) {
    StringBuilder uri = new StringBuilder(emulator.baseUri() + path);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, "/api" + path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      uri.append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
      request.withQueryParam(parameter.getKey(), parameter.getValue());
    }
    HttpRequest.Builder send =
        HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      send.header("Authorization", authorization);
      request.withAuthorization(authorization);
    }
    if (body != null) {
      send.header("Content-Type", "application/json");
      request.withContentType("application/json").withBody(body);
      send.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      send.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(send.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    exchanges++;
    String label = method + " " + uri.substring(emulator.baseUri().toString().length());

    ValidationReport requestReport = validator.validateRequest(request.build());
    if (expect == Expect.VALID_REQUEST && requestReport.hasErrors()) {
      violations.add(label + " request: " + messages(requestReport));
    }
    if (expect != Expect.VALID_REQUEST && !requestReport.hasErrors()) {
      violations.add(label + ": meant to break the description, but the validator accepts it");
    }
    if (expect == Expect.INVALID_REQUEST && response.statusCode() != 400) {
      violations.add(label + ": invalid request answered " + response.statusCode());
    }
    if (expect == Expect.UNDESCRIBED
        && response.statusCode() != 404
        && response.statusCode() != 405) {
      violations.add(label + ": undescribed request answered " + response.statusCode());
    }

    SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
    response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
    response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
    if (!response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    String validatedPath = operationPath == null ? "/api" + path : operationPath;
    Request.Method validatedMethod =
        operationPath == null ? Request.Method.valueOf(method) : Request.Method.GET;
    ValidationReport responseReport =
        validator.validateResponse(validatedPath, validatedMethod, answer.build());
    if (responseReport.hasErrors()) {
      violations.add(
          label + " -> " + response.statusCode() + " response: " + messages(responseReport));
    }
    return new Exchange(response.statusCode(), response.body());
  }

  private Exchange call(
      Expect expect, String method, String path, Map<String, String> query, @Nullable String body) {
    return call(expect, method, path, query, body, auth, null);
  }

  private Exchange call(String method, String path, @Nullable String body) {
    return call(Expect.VALID_REQUEST, method, path, Map.of(), body);
  }

  private static String messages(ValidationReport report) {
    List<String> messages = new ArrayList<>();
    report.getMessages().forEach(m -> messages.add(m.getKey() + ": " + m.getMessage()));
    return String.join("; ", messages);
  }

  private static Map<String, String> query(String... pairs) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.put(pairs[i], pairs[i + 1]);
    }
    return query;
  }

  @Test
  void everyOperationConformsToTheDescriptionOnSuccessAndErrorPaths() {
    Expect ok = Expect.VALID_REQUEST;
    Expect bad = Expect.INVALID_REQUEST;

    // listUsers
    assertThat(call("GET", "/v1/users", null).status()).isEqualTo(200);
    Exchange page = call(ok, "GET", "/v1/users", query("limit", "10", "sortBy", "-lastName"), null);
    assertThat(page.json().has("next")).isTrue();
    Exchange second =
        call(
            ok,
            "GET",
            "/v1/users",
            query("limit", "10", "sortBy", "-lastName", "token", page.json().get("next").asText()),
            null);
    assertThat(second.status()).isEqualTo(200);
    Exchange last = call(ok, "GET", "/v1/users", query("limit", "1000", "sortBy", "email"), null);
    assertThat(last.json().get("next").isNull()).as("next is null on the last page").isTrue();
    String someEmail = emulator.users().get(3).email();
    assertThat(call(ok, "GET", "/v1/users", query("email", someEmail), null).json().get("data"))
        .hasSize(1);
    assertThat(call(ok, "GET", "/v1/users", query("sortBy", "age"), null).code())
        .isEqualTo("api:invalid_sort");
    assertThat(call(ok, "GET", "/v1/users", query("token", "bogus"), null).code())
        .isEqualTo("api:invalid_token");
    call(bad, "GET", "/v1/users", query("limit", "0"), null);
    call(bad, "GET", "/v1/users", query("limit", "1001"), null);
    call(bad, "GET", "/v1/users", query("limit", "many"), null);
    call(bad, "GET", "/v1/users", query("email", ""), null);
    // The validator checks parameters and bodies, not credentials; the 401 itself is checked.
    assertThat(call(ok, "GET", "/v1/users", Map.of(), null, null, null).status()).isEqualTo(401);
    assertThat(
            call(ok, "GET", "/v1/users", Map.of(), null, Api.basic("suWho", "nope"), null).status())
        .isEqualTo(401);

    // createUser
    Exchange created =
        call(
            "POST",
            "/v1/users",
            "{\"firstName\":\"Alice\",\"lastName\":\"Liddell\",\"email\":\"alice@example.org\",\"roleIds\":[\"R1\"]}");
    assertThat(created.status()).isEqualTo(200);
    String alice = created.json().get("id").asText();
    assertThat(
            call(
                    "POST",
                    "/v1/users",
                    "{\"firstName\":\"Al\",\"lastName\":\"\",\"email\":\"ALICE@example.org\",\"roleIds\":[]}")
                .code())
        .isEqualTo("user:email_taken");
    call(
        bad,
        "POST",
        "/v1/users",
        Map.of(),
        "{\"lastName\":\"L\",\"email\":\"b@example.org\",\"roleIds\":[]}");
    call(
        bad,
        "POST",
        "/v1/users",
        Map.of(),
        "{\"firstName\":\""
            + "f".repeat(129)
            + "\",\"lastName\":\"L\",\"email\":\"b@example.org\",\"roleIds\":[]}");
    call(
        bad,
        "POST",
        "/v1/users",
        Map.of(),
        "{\"firstName\":\"F\",\"lastName\":\"L\",\"email\":\"not an email\",\"roleIds\":[]}");
    call(
        bad,
        "POST",
        "/v1/users",
        Map.of(),
        "{\"firstName\":\"F\",\"lastName\":\"L\",\"email\":\"b@example.org\",\"roleIds\":\"R1\"}");
    call(bad, "POST", "/v1/users", Map.of(), null);

    // getUser
    assertThat(call("GET", "/v1/users/" + alice, null).status()).isEqualTo(200);
    assertThat(call("GET", "/v1/users/0000000000000000", null).code()).isEqualTo("user:not_found");

    // updateUser
    assertThat(
            call(
                    "PUT",
                    "/v1/users/" + alice,
                    "{\"firstName\":\"Alicia\",\"lastName\":\"L\",\"isActive\":false,\"roleIds\":[\"R2\"]}")
                .status())
        .isEqualTo(200);
    assertThat(
            call(
                    "PUT",
                    "/v1/users/0000000000000000",
                    "{\"firstName\":\"A\",\"lastName\":\"L\",\"isActive\":true,\"roleIds\":[]}")
                .code())
        .isEqualTo("user:not_found");
    call(
        bad,
        "PUT",
        "/v1/users/" + alice,
        Map.of(),
        "{\"firstName\":\"A\",\"lastName\":\"L\",\"roleIds\":[]}");
    call(
        bad,
        "PUT",
        "/v1/users/" + alice,
        Map.of(),
        "{\"firstName\":\"A\",\"lastName\":\""
            + "l".repeat(129)
            + "\",\"isActive\":true,\"roleIds\":[]}");

    // requestChangeEmail
    String bob = emulator.users().get(0).id();
    String bobEmail = emulator.users().get(0).email();
    assertThat(
            call(
                    "POST",
                    "/v1/users/" + alice + "/email/requestChange",
                    "{\"email\":\"alice2@example.org\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            call(
                    "POST",
                    "/v1/users/" + alice + "/email/requestChange",
                    "{\"email\":\"" + bobEmail + "\"}")
                .code())
        .isEqualTo("user:email_taken");
    assertThat(
            call(
                    "POST",
                    "/v1/users/0000000000000000/email/requestChange",
                    "{\"email\":\"z@example.org\"}")
                .code())
        .isEqualTo("user:not_found");
    call(
        bad,
        "POST",
        "/v1/users/" + alice + "/email/requestChange",
        Map.of(),
        "{\"email\":\"nope\"}");
    call(bad, "POST", "/v1/users/" + alice + "/email/requestChange", Map.of(), "{}");

    // resetPassword
    assertThat(call("POST", "/v1/users/" + alice + "/password/reset", null).status())
        .isEqualTo(204);
    assertThat(call("POST", "/v1/users/0000000000000000/password/reset", null).code())
        .isEqualTo("user:not_found");

    // unlockUser
    emulator.lockUser(alice);
    assertThat(call("POST", "/v1/users/" + alice + "/unlock", null).status()).isEqualTo(204);
    assertThat(call("POST", "/v1/users/0000000000000000/unlock", null).code())
        .isEqualTo("user:not_found");

    // disableMfa
    emulator.enableMfa(alice);
    assertThat(
            call(
                    "PUT",
                    "/v1/users/" + alice + "/mfa/disable",
                    "{\"email\":\"" + bobEmail + "\",\"password\":\"pw\"}")
                .code())
        .isEqualTo("user:mfa_email_mismatch");
    assertThat(
            call(
                    "PUT",
                    "/v1/users/" + alice + "/mfa/disable",
                    "{\"email\":\"alice@example.org\",\"password\":\"\"}")
                .code())
        .isEqualTo("user:mfa_password_required");
    assertThat(
            call(
                    "PUT",
                    "/v1/users/" + alice + "/mfa/disable",
                    "{\"email\":\"alice@example.org\",\"password\":\"pw\"}")
                .status())
        .isEqualTo(204);
    call(
        bad,
        "PUT",
        "/v1/users/" + alice + "/mfa/disable",
        Map.of(),
        "{\"email\":\"alice@example.org\"}");
    assertThat(
            call(
                    "PUT",
                    "/v1/users/0000000000000000/mfa/disable",
                    "{\"email\":\"a@example.org\",\"password\":\"pw\"}")
                .code())
        .isEqualTo("user:not_found");

    // deleteUser
    String carol = emulator.users().get(1).id();
    String dave = emulator.users().get(2).id();
    assertThat(call(ok, "DELETE", "/v1/users/" + alice, query("transferTo", alice), null).code())
        .isEqualTo("user:transfer_to_self");
    assertThat(
            call(ok, "DELETE", "/v1/users/" + alice, query("transferTo", "0000000000000000"), null)
                .code())
        .isEqualTo("user:transfer_target_not_found");
    assertThat(
            call(
                    ok,
                    "DELETE",
                    "/v1/users/" + alice,
                    query("transferTo", bob, "deleteContent", "true"),
                    null)
                .code())
        .isEqualTo("user:conflicting_delete_options");
    call(bad, "DELETE", "/v1/users/" + alice, query("deleteContent", "maybe"), null);
    assertThat(call(ok, "DELETE", "/v1/users/" + alice, query("transferTo", bob), null).status())
        .isEqualTo(204);
    assertThat(
            call(ok, "DELETE", "/v1/users/" + carol, query("deleteContent", "true"), null).status())
        .isEqualTo(204);
    assertThat(call(ok, "DELETE", "/v1/users/" + dave, Map.of(), null).status()).isEqualTo(204);
    assertThat(call(ok, "DELETE", "/v1/users/" + dave, Map.of(), null).code())
        .isEqualTo("user:not_found");

    // Undescribed paths and methods: the request cannot conform, the error body still must.
    Expect undescribed = Expect.UNDESCRIBED;
    call(undescribed, "PATCH", "/v1/users/" + bob, Map.of(), "{}", auth, "/api/v1/users/" + bob);
    call(undescribed, "GET", "/v1/roles", Map.of(), null, auth, "/api/v1/users");

    // Quotas and faults answer in the described error shape too.
    emulator.limits().requestsPerSecond(1).retryAfter(true).enabled(true);
    call("GET", "/v1/users/" + bob, null);
    assertThat(call("GET", "/v1/users/" + bob, null).code()).isEqualTo("rate.limit.exceeded");
    emulator.limits().enabled(false);
    emulator.faults().wrongDeployment(URI.create("https://api.us2.sumologic.com/api"));
    assertThat(call("GET", "/v1/users/" + bob, null).status()).isEqualTo(301);
    emulator.faults().rightDeployment().failNext(1, 503);
    assertThat(call("DELETE", "/v1/users/" + bob, null).code()).isEqualTo("service.unavailable");

    assertThat(exchanges).isGreaterThan(50);
    assertThat(violations).as("exchanges that break the description").isEmpty();
  }
}
