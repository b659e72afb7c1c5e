package dev.sumoclient.users.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.UserPage;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.pact.SumoPact;
import dev.sumoclient.users.pact.SumoProviderStates;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every pact with Sumo's User Management API (the SDK's and the example service's) against
 * the emulator, one test per interaction, with a fresh emulator state for each.
 *
 * <p>The state handlers build each provider state through the emulator's API with the real client,
 * so what a state promises is what a caller could have made, and hand back the values the pact
 * injects ({@code id}, {@code token}, {@code transferTo}).
 */
@Provider(SumoPact.PROVIDER)
@PactFolder("${sumo.pacts.dir}")
class EmulatorProviderVerificationIT {

  private static final String ROLE_ID = "0000000000000A01";

  private static SumoEmulator emulator;
  private static SumoUsersClient setup;

  @BeforeAll
  static void startEmulator() {
    emulator =
        SumoEmulator.builder()
            .port(0)
            .accessKey(ContractClients.ACCESS_ID, ContractClients.ACCESS_KEY)
            .accessKey(ExampleServiceCredentials.ACCESS_ID, ExampleServiceCredentials.ACCESS_KEY)
            .limits(false)
            .start();
    setup = ContractClients.against(URI.create("http://127.0.0.1:" + emulator.port()));
  }

  @AfterAll
  static void stopEmulator() {
    setup.close();
    emulator.close();
  }

  @BeforeEach
  void freshEmulator(PactVerificationContext context) {
    emulator.reset();
    context.setTarget(
        new HttpTestTarget("127.0.0.1", emulator.port(), "/", VerbatimHttpClientFactory::new));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theEmulatorHonoursTheInteraction(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(SumoProviderStates.USER_EXISTS)
  Map<String, Object> aUserExists(Map<String, Object> params) {
    UserModel user =
        setup.createUser(
            new CreateUserDefinition()
                .firstName(param(params, "firstName", "Alice"))
                .lastName(param(params, "lastName", "Liddell"))
                .email(param(params, "email", "alice@example.org"))
                .roleIds(List.of(ROLE_ID)));
    // Sign-in and MFA are the user's doing, not the API's: the emulator offers them to tests.
    emulator.recordSignIn(user.getId());
    emulator.enableMfa(user.getId());
    return Map.of("id", user.getId());
  }

  @State(SumoProviderStates.NO_USER_WITH_ID)
  Map<String, Object> noUserHasTheId(Map<String, Object> params) {
    String id = param(params, "id", "0000000000DEAD00");
    if (emulator.user(id).isPresent()) {
      throw new IllegalStateException("the emulator already has a user " + id);
    }
    return Map.of("id", id);
  }

  @State(SumoProviderStates.NO_USER_WITH_EMAIL)
  void noUserHasTheEmail(Map<String, Object> params) {
    String email = param(params, "email", "nobody@example.org");
    if (emulator.userByEmail(email).isPresent()) {
      throw new IllegalStateException("the emulator already has a user " + email);
    }
  }

  @State(SumoProviderStates.USERS_EXIST)
  Map<String, Object> usersExist(Map<String, Object> params) {
    int count = Integer.parseInt(param(params, "count", "3"));
    int pageSize = Integer.parseInt(param(params, "pageSize", "2"));
    for (int i = emulator.users().size(); i < count; i++) {
      UserModel user =
          setup.createUser(
              new CreateUserDefinition()
                  .firstName("User")
                  .lastName("Number " + i)
                  .email("user" + i + "@example.org")
                  .roleIds(List.of(ROLE_ID)));
      emulator.recordSignIn(user.getId());
    }
    UserPage first =
        setup
            .listUsers(ListUsersRequest.builder().limit(pageSize).build())
            .pages()
            .iterator()
            .next();
    return first.nextToken().<Map<String, Object>>map(t -> Map.of("token", t)).orElse(Map.of());
  }

  @State(SumoProviderStates.USER_AND_HEIR_EXIST)
  Map<String, Object> aUserAndTheirHeirExist() {
    String id = (String) aUserExists(Map.of()).get("id");
    UserModel heir =
        setup.createUser(
            new CreateUserDefinition()
                .firstName("Bob")
                .lastName("Heir")
                .email("bob@example.org")
                .roleIds(List.of(ROLE_ID)));
    return Map.of("id", id, "transferTo", heir.getId());
  }

  @State(SumoProviderStates.RATE_LIMIT_EXHAUSTED)
  void theRateLimitIsExhausted() {
    emulator.faults().failNext(1, 429);
  }

  @State(SumoProviderStates.CREDENTIALS_INVALID)
  void theAccessKeyIsNotValid() {
    // Nothing to set up: the interaction carries credentials the emulator was never given.
  }

  private static String param(Map<String, Object> params, String name, String otherwise) {
    Object value = params.get(name);
    return value == null ? otherwise : value.toString();
  }
}
