package dev.sumoclient.users.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.V4Pact;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the fragments the way a provider verification uses them: a real provider's answer is
 * matched against the expected body with Pact's own matching engine.
 */
class SumoPactFragmentsTest {

  private static final String OTHER_USER =
      """
      {"id":"0123456789abcdef","firstName":"Bob","lastName":"","email":"bob@example.com",
       "roleIds":["00000000000000B2","00000000000000C3"],"isActive":false,"isLocked":true,
       "isMfaEnabled":true,"createdAt":"2024-02-29T23:59:59+05:30","createdBy":"FEDCBA9876543210",
       "modifiedAt":"2024-03-01T00:00:00.123456789Z","modifiedBy":"FEDCBA9876543210",
       "lastLoginTimestamp":null,"someFieldAddedLater":42}
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-11-02T08:30:00Z",
        "2026-01-20T17:45:12.250Z",
        "2026-01-20T17:45:12.250+00:00",
        "2024-02-29T23:59:59.123456789-05:30"
      })
  void timestampPatternAcceptsEveryRfc3339FormSumoSends(String timestamp) {
    assertThat(timestamp).matches(SumoPact.TIMESTAMP_PATTERN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-11-02 08:30:00Z",
        "2025-11-02T08:30:00",
        "2025-11-02T08:30Z",
        "2025-11-02T08:30:00.Z",
        "1700000000"
      })
  void timestampPatternRejectsWhatIsNotRfc3339(String notATimestamp) {
    assertThat(notATimestamp).doesNotMatch(SumoPact.TIMESTAMP_PATTERN);
  }

  @Test
  void anyUserOfTheSameShapeSatisfiesTheUserFragment() {
    assertThat(mismatches(SumoUserBody.user().build(), OTHER_USER)).isEmpty();
  }

  @Test
  void aUserWhoseIdIsNotSixteenHexDigitsDoesNotSatisfyTheUserFragment() {
    String badId = OTHER_USER.replace("0123456789abcdef", "user-42");

    assertThat(descriptions(mismatches(SumoUserBody.user().build(), badId)))
        .anySatisfy(d -> assertThat(d).contains("user-42"));
  }

  @Test
  void aTimestampWithoutZoneDoesNotSatisfyTheUserFragment() {
    String noZone = OTHER_USER.replace("2024-02-29T23:59:59+05:30", "2024-02-29T23:59:59");

    assertThat(descriptions(mismatches(SumoUserBody.user().build(), noZone)))
        .anySatisfy(d -> assertThat(d).contains("2024-02-29T23:59:59"));
  }

  @Test
  void aUserWithoutModifiedAtDoesNotSatisfyTheUserFragment() {
    String missing = OTHER_USER.replace("\"modifiedAt\":\"2024-03-01T00:00:00.123456789Z\",", "");

    assertThat(descriptions(mismatches(SumoUserBody.user().build(), missing)))
        .anySatisfy(d -> assertThat(d).contains("modifiedAt"));
  }

  @Test
  void lastLoginIsDemandedOnlyWhenAsked() {
    DslPart withLastLogin = SumoUserBody.user().lastLogin("2026-03-14T15:09:26Z").build();

    assertThat(descriptions(mismatches(withLastLogin, OTHER_USER)))
        .anySatisfy(d -> assertThat(d).contains("lastLoginTimestamp"));
  }

  @Test
  void aPageWithNextDemandsATokenAndAtLeastTheMinimumOfUsers() {
    DslPart twoAndNext = SumoPactBodies.pageWithNext(SumoUserBody.user(), 2, "c3VtbzpwYWdlOjI");

    assertThat(
            mismatches(
                twoAndNext, "{\"data\":[" + OTHER_USER + "," + OTHER_USER + "],\"next\":\"x\"}"))
        .isEmpty();
    assertThat(mismatches(twoAndNext, "{\"data\":[" + OTHER_USER + "," + OTHER_USER + "]}"))
        .isNotEmpty();
    assertThat(mismatches(twoAndNext, "{\"data\":[" + OTHER_USER + "],\"next\":\"x\"}"))
        .isNotEmpty();
  }

  @Test
  void theLastPageAcceptsANullNextButTheEmptyPageAcceptsNoUser() {
    assertThat(
            mismatches(
                SumoPactBodies.lastPage(SumoUserBody.user(), 1),
                "{\"data\":[" + OTHER_USER + "],\"next\":null}"))
        .isEmpty();
    assertThat(mismatches(SumoPactBodies.emptyPage(), "{\"data\":[]}")).isEmpty();
    assertThat(mismatches(SumoPactBodies.emptyPage(), "{\"data\":[" + OTHER_USER + "]}"))
        .isNotEmpty();
  }

  @Test
  void anErrorBodyNeedsAnIdAndAtLeastOneReason() {
    DslPart error = SumoPactBodies.error("user:not_found", "No user has this id.");

    assertThat(
            mismatches(
                error,
                "{\"id\":\"ABCDE\",\"errors\":[{\"code\":\"x\",\"message\":\"y\",\"detail\":\"z\"}]}"))
        .isEmpty();
    assertThat(mismatches(error, "{\"id\":\"ABCDE\",\"errors\":[]}")).isNotEmpty();
    assertThat(mismatches(error, "{\"errors\":[{\"code\":\"x\",\"message\":\"y\"}]}")).isNotEmpty();
  }

  @Test
  void anExampleThatBreaksItsOwnPatternIsRefusedNamingTheField() {
    assertThatThrownBy(() -> SumoUserBody.user().id("alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id")
        .hasMessageContaining("16 hexadecimal digits");
    assertThatThrownBy(() -> SumoUserBody.user().modified("yesterday", "0000000000C0FFEE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modifiedAt")
        .hasMessageContaining("RFC 3339");
    assertThatThrownBy(() -> SumoUserBody.user().roleIds("admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roleIds");
  }

  @Test
  void aUserWithoutRolesMatchesAsTheApiAcceptsNone() {
    String withoutRoles = OTHER_USER.replace("\"00000000000000B2\",\"00000000000000C3\"", "");
    assertThat(withoutRoles).contains("\"roleIds\":[]");
    assertThat(mismatches(SumoUserBody.user().build(), withoutRoles)).isEmpty();
    assertThat(mismatches(SumoUserBody.user().roleIds().build(), withoutRoles)).isEmpty();
    assertThat(mismatches(SumoUserBody.user().roleIds().build(), OTHER_USER)).isEmpty();
  }

  @Test
  void signedRecordsTheEmulatorsDocumentedKeyAndMatchesAnyBasicCredentials() {
    V4Pact pact =
        SumoPact.signed(
                ConsumerPactBuilder.consumer("fragments-test")
                    .hasPactWith(SumoPact.PROVIDER)
                    .uponReceiving("a signed request")
                    .path(SumoPact.USERS_PATH))
            .willRespondWith()
            .status(200)
            .toPact(V4Pact.class);
    var request = pact.getInteractions().get(0).asSynchronousRequestResponse().getRequest();
    assertThat(request.getHeaders().get("Authorization"))
        .containsExactly(
            SumoPact.basicAuthExample(SumoPact.EMULATOR_ACCESS_ID, SumoPact.EMULATOR_ACCESS_KEY));
    assertThat(request.getMatchingRules().rulesForCategory("header").getMatchingRules())
        .containsKey("Authorization");
  }

  @Test
  void basicAuthExampleIsWhatHttpBasicSendsAndMatchesItsPattern() {
    String header = SumoPact.basicAuthExample("Aladdin", "open sesame");

    assertThat(header).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    assertThat(header).matches(SumoPact.BASIC_AUTH_PATTERN);
  }

  private static List<Mismatch> mismatches(DslPart expectedBody, String actualJson) {
    V4Pact pact =
        ConsumerPactBuilder.consumer("fragments-test")
            .hasPactWith(SumoPact.PROVIDER)
            .uponReceiving("a request")
            .path("/")
            .willRespondWith()
            .status(200)
            .body(expectedBody)
            .toPact(V4Pact.class);
    IResponse expected = pact.getInteractions().get(0).asSynchronousRequestResponse().getResponse();
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    Response actual =
        new Response(
            200,
            headers,
            OptionalBody.body(
                actualJson.getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON()));
    return ResponseMatching.responseMismatches(expected, actual);
  }

  private static List<String> descriptions(List<Mismatch> mismatches) {
    return mismatches.stream()
        .map(
            m ->
                m instanceof BodyMismatch b
                    ? b.getPath() + ": " + b.description()
                    : m.description())
        .toList();
  }
}
