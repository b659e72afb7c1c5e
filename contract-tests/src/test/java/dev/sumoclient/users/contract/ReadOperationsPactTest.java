package dev.sumoclient.users.contract;

import static dev.sumoclient.users.contract.ContractClients.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoNotFoundException;
import dev.sumoclient.users.SumoServiceException;
import dev.sumoclient.users.SumoUnauthorizedException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.UserPage;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoPactBodies;
import dev.sumoclient.users.pact.SumoProviderStates;
import dev.sumoclient.users.pact.SumoUserBody;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the client sends and expects when it reads users: pages, one user, and reads that fail. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SumoPact.PROVIDER, pactVersion = PactSpecVersion.V4)
class ReadOperationsPactTest {

  static final String ALICE_ID = "00000000000A11CE";
  static final String UNKNOWN_ID = "0000000000DEAD00";
  static final String FIRST_PAGE_NEXT = "c3VtbzpwYWdlOjI";

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact twoPages(PactDslWithProvider builder) {
    Map<String, Object> threeUsersTwoPerPage = Map.of("count", 3, "pageSize", 2);
    return signed(
            builder
                .given(SumoProviderStates.USERS_EXIST, threeUsersTwoPerPage)
                .uponReceiving("a request for the first page of users")
                .path(SumoPact.USERS_PATH)
                .method("GET")
                .query("limit=2"))
        .willRespondWith()
        .status(200)
        .body(SumoPactBodies.pageWithNext(SumoUserBody.user(), 2, FIRST_PAGE_NEXT))
        .given(SumoProviderStates.USERS_EXIST, threeUsersTwoPerPage)
        .uponReceiving("a request for the page after the first, with its next token")
        .path(SumoPact.USERS_PATH)
        .method("GET")
        .query("limit=2")
        .queryParameterFromProviderState("token", "${token}", FIRST_PAGE_NEXT)
        .matchHeader("Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.AUTHORIZATION)
        .willRespondWith()
        .status(200)
        .body(
            SumoPactBodies.lastPage(
                SumoUserBody.user().id("00000000000B0B00").email("bob@example.org"), 1))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "twoPages")
  void listingFollowsTheNextTokenUntilTheLastPage(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      List<UserPage> pages = new ArrayList<>();
      client.listUsers(ListUsersRequest.builder().limit(2).build()).pages().forEach(pages::add);

      assertThat(pages).hasSize(2);
      assertThat(pages.get(0).users()).hasSize(2);
      assertThat(pages.get(0).nextToken()).contains(FIRST_PAGE_NEXT);
      assertThat(pages.get(1).nextToken()).isEmpty();
      assertThat(pages.get(1).users())
          .extracting(UserModel::getEmail)
          .containsExactly("bob@example.org");
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact searchMatchingNobody(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.NO_USER_WITH_EMAIL, Map.of("email", "nobody@example.org"))
                .uponReceiving("a search by an email address that no user has")
                .path(SumoPact.USERS_PATH)
                .method("GET")
                .query("email=nobody@example.org"))
        .willRespondWith()
        .status(200)
        .body(SumoPactBodies.emptyPage())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "searchMatchingNobody")
  void findingAnEmailNobodyHasGivesAnEmptyResultFromAnEmptyPage(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      assertThat(client.findByEmail("nobody@example.org")).isEmpty();
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact oneUser(PactDslWithProvider builder) {
    return signed(
            builder
                .given(
                    SumoProviderStates.USER_EXISTS,
                    Map.of("email", "alice@example.org", "signedIn", true))
                .uponReceiving("a request for a user")
                .pathFromProviderState(SumoPact.USERS_PATH + "/${id}", userPath(ALICE_ID))
                .method("GET"))
        .willRespondWith()
        .status(200)
        .body(
            SumoUserBody.user()
                .id(ALICE_ID)
                .email("alice@example.org")
                .lastLogin("2026-03-14T15:09:26+01:00")
                .build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "oneUser")
  void getUserReadsEveryFieldIncludingBothTimestampForms(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      UserModel alice = client.getUser(ALICE_ID);

      assertThat(alice.getId()).isEqualTo(ALICE_ID);
      assertThat(alice.getEmail()).isEqualTo("alice@example.org");
      assertThat(alice.getFirstName()).isEqualTo("Alice");
      assertThat(alice.getRoleIds()).containsExactly("0000000000000A01");
      assertThat(alice.getIsActive()).isTrue();
      assertThat(alice.getCreatedAt())
          .isEqualTo(OffsetDateTime.of(2025, 11, 2, 8, 30, 0, 0, ZoneOffset.UTC));
      assertThat(alice.getModifiedAt())
          .isEqualTo(OffsetDateTime.of(2026, 1, 20, 17, 45, 12, 250_000_000, ZoneOffset.UTC));
      assertThat(alice.getLastLoginTimestamp())
          .isEqualTo(OffsetDateTime.of(2026, 3, 14, 15, 9, 26, 0, ZoneOffset.ofHours(1)));
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact unknownUser(PactDslWithProvider builder) {
    return signed(
            builder
                .given(SumoProviderStates.NO_USER_WITH_ID, Map.of("id", UNKNOWN_ID))
                .uponReceiving("a request for a user that does not exist")
                .path(userPath(UNKNOWN_ID))
                .method("GET"))
        .willRespondWith()
        .status(404)
        .body(SumoPactBodies.error("user:not_found", "No user has this id."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unknownUser")
  void anUnknownUserIsANotFoundExceptionCarryingSumosErrorBody(MockServer server) {
    try (SumoUsersClient client = ContractClients.against(root(server))) {
      assertThatThrownBy(() -> client.getUser(UNKNOWN_ID))
          .isInstanceOfSatisfying(
              SumoNotFoundException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.errorId()).contains("7QKZP-V2M4A-XY91C");
                assertThat(e.errors())
                    .extracting(SumoServiceException.ErrorDetail::code)
                    .containsExactly("user:not_found");
              });
    }
  }

  @Pact(consumer = SumoPact.SDK_CONSUMER)
  public V4Pact revokedKey(PactDslWithProvider builder) {
    return builder
        .given(SumoProviderStates.CREDENTIALS_INVALID)
        .uponReceiving("a request signed with an access key that is not valid")
        .path(SumoPact.USERS_PATH)
        .method("GET")
        .query("limit=1")
        .matchHeader(
            "Authorization", SumoPact.BASIC_AUTH_PATTERN, ContractClients.WRONG_AUTHORIZATION)
        .willRespondWith()
        .status(401)
        .body(SumoPactBodies.error("unauthorized", "Credential could not be verified."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "revokedKey")
  void aKeyThatIsNotValidIsAnUnauthorizedException(MockServer server) {
    try (SumoUsersClient client =
        ContractClients.against(root(server), ContractClients.WRONG_ACCESS_KEY)) {
      assertThatThrownBy(
              () -> client.listUsers(ListUsersRequest.builder().limit(1).build()).iterator().next())
          .isInstanceOfSatisfying(
              SumoUnauthorizedException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  static String userPath(String id) {
    return SumoPact.USERS_PATH + "/" + id;
  }

  static URI root(MockServer server) {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }
}
