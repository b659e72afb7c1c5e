package dev.sumoclient.users.contract;

import static org.junit.jupiter.api.Assertions.fail;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.sumoclient.users.Credentials;
import dev.sumoclient.users.CredentialsProvider;
import dev.sumoclient.users.Deployment;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.UserPage;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.VerbatimHttpClientFactory;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays the read-only interactions of every pact against a real Sumo Logic organization.
 *
 * <p>Opt-in: {@code -Dsumo.live=true}, with the deployment in {@code SUMOLOGIC_ENVIRONMENT} (or
 * {@code SUMOLOGIC_BASE_URL}) and credentials in {@code SUMOLOGIC_ACCESSID} / {@code
 * SUMOLOGIC_ACCESSKEY}. Without the property JUnit reports the class as skipped, with the reason.
 * Nothing is written to the organization: the states only look for users that fit (at least three
 * users, one who has signed in), and each request is signed with the environment's credentials,
 * except the one whose contract is to be refused.
 *
 * <p>{@code -Dsumo.live.endpoint=http://127.0.0.1:PORT/api} points the replay at a standalone
 * emulator instead, to rehearse it without an organization.
 */
@Provider(SumoPact.PROVIDER)
@PactFolder("${sumo.pacts.dir}")
@PactFilter(value = "read-only", filter = ReadOnlyInteractions.class)
@EnabledIfSystemProperty(
    named = "sumo.live",
    matches = "true",
    disabledReason =
        "live verification is opt-in: run with -Dsumo.live=true and SUMOLOGIC_ACCESSID,"
            + " SUMOLOGIC_ACCESSKEY and SUMOLOGIC_ENVIRONMENT (or SUMOLOGIC_BASE_URL) set")
class LiveSumoVerificationIT {

  private static URI api;
  private static Credentials credentials;
  private static SumoUsersClient client;

  @BeforeAll
  static void connect() {
    credentials = CredentialsProvider.environment().resolveCredentials();
    String rehearsal = System.getProperty("sumo.live.endpoint", "");
    if (rehearsal.isBlank()) {
      api =
          Deployment.fromEnvironment()
              .map(Deployment::apiBaseUri)
              .orElseGet(
                  () ->
                      fail(
                          "-Dsumo.live=true needs the deployment: set SUMOLOGIC_ENVIRONMENT (e.g."
                              + " US2) or SUMOLOGIC_BASE_URL"));
      client = SumoUsersClient.builder().fromEnvironment().build();
    } else {
      api = URI.create(rehearsal);
      client =
          SumoUsersClient.builder()
              .endpoint(api)
              .credentials(credentials.accessId(), credentials.accessKey())
              .build();
    }
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    // Plain http only reaches a loopback emulator (the client refuses it for anything else), which
    // lets the live replay be rehearsed against the standalone emulator.
    if ("http".equals(api.getScheme())) {
      context.setTarget(
          new HttpTestTarget(api.getHost(), api.getPort(), "/", VerbatimHttpClientFactory::new));
    } else {
      int port = api.getPort() == -1 ? 443 : api.getPort();
      context.setTarget(
          new HttpsTestTarget(api.getHost(), port, "/", false, VerbatimHttpClientFactory::new));
    }
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theOrganizationHonoursTheInteraction(PactVerificationContext context, HttpRequest request) {
    boolean refusedOnPurpose =
        context.getInteraction().getProviderStates().stream()
            .anyMatch(s -> SumoProviderStates.CREDENTIALS_INVALID.equals(s.getName()));
    if (!refusedOnPurpose) {
      request.setHeader(
          "Authorization",
          SumoPact.basicAuthExample(credentials.accessId(), credentials.accessKey()));
    }
    context.verifyInteraction();
  }

  @State(SumoProviderStates.USER_EXISTS)
  Map<String, Object> aUserWhoHasSignedIn() {
    for (UserModel user : client.listUsers()) {
      if (user.getLastLoginTimestamp() != null) {
        return Map.of("id", user.getId());
      }
    }
    throw new IllegalStateException("the organization has no user who has ever signed in");
  }

  @State(SumoProviderStates.NO_USER_WITH_ID)
  Map<String, Object> noUserHasTheId(Map<String, Object> params) {
    String id = String.valueOf(params.get("id"));
    try {
      client.getUser(id);
    } catch (SumoNotFoundException expected) {
      return Map.of("id", id);
    }
    throw new IllegalStateException("the organization has a user " + id);
  }

  @State(SumoProviderStates.NO_USER_WITH_EMAIL)
  void noUserHasTheEmail(Map<String, Object> params) {
    String email = String.valueOf(params.get("email"));
    if (client.findByEmail(email).isPresent()) {
      throw new IllegalStateException("the organization has a user " + email);
    }
  }

  @State(SumoProviderStates.USERS_EXIST)
  Map<String, Object> enoughUsersForTwoPages(Map<String, Object> params) {
    int pageSize = Integer.parseInt(String.valueOf(params.getOrDefault("pageSize", 2)));
    Iterator<UserPage> pages =
        client.listUsers(ListUsersRequest.builder().limit(pageSize).build()).pages().iterator();
    String token =
        pages
            .next()
            .nextToken()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the organization needs more than " + pageSize + " users"));
    return Map.of("token", token);
  }

  @State(SumoProviderStates.CREDENTIALS_INVALID)
  void theAccessKeyIsNotValid() {
    // The interaction carries made-up credentials, which no organization accepts.
  }
}
