package dev.sumoclient.users.pact;

import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Names and matcher patterns shared by every contract with Sumo Logic's User Management API.
 *
 * <p>The patterns are anchored Java regular expressions that other Pact implementations read the
 * same way, so a pact written with them verifies identically in any language.
 */
public final class SumoPact {

  /** The provider name under which the User Management API is verified. */
  public static final String PROVIDER = "sumo-logic-user-management";

  /** The consumer name of the sumo-users-java client's own contract. */
  public static final String SDK_CONSUMER = "sumo-users-java";

  /**
   * The base path of the API on every deployment, e.g. {@code https://api.us2.sumologic.com/api};
   * request paths in a pact start with it.
   */
  public static final String BASE_PATH = "/api";

  /** The path of the users collection, {@value}. */
  public static final String USERS_PATH = BASE_PATH + "/v1/users";

  /** A user or role id as Sumo Logic issues them: 16 hexadecimal digits. */
  public static final String ID_PATTERN = "^[0-9A-Fa-f]{16}$";

  /**
   * An RFC 3339 timestamp, with or without fractional seconds, in UTC ({@code Z}) or with a numeric
   * offset; Sumo Logic uses both forms, so a contract must accept both.
   */
  public static final String TIMESTAMP_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$";

  /** An HTTP Basic {@code Authorization} header value, the only scheme the API accepts. */
  public static final String BASIC_AUTH_PATTERN = "^Basic [A-Za-z0-9+/]+={0,2}$";

  /**
   * The access id the emulator accepts when started without keys of its own, {@value}: sign a
   * pact's requests with it (see {@link #signed(PactDslRequestWithPath)}) and any emulator, the
   * standalone jar included, verifies the pact without being told the consumer's credentials.
   */
  public static final String EMULATOR_ACCESS_ID = "suEmulatorAccessId";

  /**
   * The access key that goes with {@link #EMULATOR_ACCESS_ID}, {@value}. Not a secret: it opens
   * only an emulator.
   */
  public static final String EMULATOR_ACCESS_KEY = "emulator-access-key-not-a-secret";

  private SumoPact() {}

  /**
   * Expects the request to carry HTTP Basic credentials, with the emulator's documented key as the
   * example the pact records.
   *
   * <p>The header is matched by {@link #BASIC_AUTH_PATTERN}, so the consumer may sign with any key;
   * the verifier replays the example, which every emulator accepts. Build the client under test
   * with {@link #EMULATOR_ACCESS_ID} and {@link #EMULATOR_ACCESS_KEY}.
   *
   * @param request the request being described, after its path
   * @return the same request, for chaining
   */
  public static PactDslRequestWithPath signed(PactDslRequestWithPath request) {
    return signed(request, EMULATOR_ACCESS_ID, EMULATOR_ACCESS_KEY);
  }

  /**
   * Expects the request to carry HTTP Basic credentials, with these made-up ones as the example.
   *
   * <p>The emulator that verifies the pact must then be started with the same pair.
   *
   * @param request the request being described, after its path
   * @param accessId the access id of the test's client
   * @param accessKey the access key of the test's client; never a real one
   * @return the same request, for chaining
   */
  public static PactDslRequestWithPath signed(
      PactDslRequestWithPath request, String accessId, String accessKey) {
    return request.matchHeader(
        "Authorization", BASIC_AUTH_PATTERN, basicAuthExample(accessId, accessKey));
  }

  /**
   * Returns the {@code Authorization} header value that HTTP Basic gives for an access id and key.
   *
   * <p>Use it for the example value of a header matched by {@link #BASIC_AUTH_PATTERN}: a pact file
   * records the example, so pass the made-up credentials of your test, never real ones.
   *
   * @param accessId the access id the test client is built with
   * @param accessKey the access key the test client is built with
   * @return {@code "Basic "} followed by the Base64 of {@code accessId:accessKey}
   */
  public static String basicAuthExample(String accessId, String accessKey) {
    byte[] pair = (accessId + ":" + accessKey).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }
}
