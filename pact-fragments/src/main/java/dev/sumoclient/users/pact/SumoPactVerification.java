package dev.sumoclient.users.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.State;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Verifies a service's pacts with Sumo Logic's User Management API against an embedded
 * sumo-users-emulator, with every state of {@link SumoProviderStates} served.
 *
 * <p>A JUnit 5 extension: register it in a Pact provider test, hand each interaction's context to
 * {@link #prepare(PactVerificationContext)} before it runs, and verify.
 *
 * <pre>{@code
 * @Provider(SumoPact.PROVIDER)
 * @PactFolder("target/pacts")
 * class SumoHonoursOurPactTest {
 *   @RegisterExtension static final SumoPactVerification sumo = SumoPactVerification.embedded();
 *
 *   @BeforeEach
 *   void onTheEmulator(PactVerificationContext context) {
 *     sumo.prepare(context);
 *   }
 *
 *   @TestTemplate
 *   @ExtendWith(PactVerificationInvocationContextProvider.class)
 *   void interaction(PactVerificationContext context) {
 *     context.verifyInteraction();
 *   }
 * }
 * }</pre>
 *
 * <p>The emulator accepts {@link SumoPact#EMULATOR_ACCESS_ID}/{@link SumoPact#EMULATOR_ACCESS_KEY}
 * (what {@link SumoPact#signed} records) and any keys added with {@link #embedded(Consumer)}. Each
 * interaction starts from a {@linkplain SumoEmulator#reset() reset} emulator and is replayed
 * exactly once: no retry of a 429 or 503, no redirect followed; proxy and trust-store system
 * properties are honoured.
 */
public final class SumoPactVerification implements BeforeAllCallback, AfterAllCallback {

  private final Consumer<SumoEmulator.Builder> configuration;
  private @Nullable SumoEmulator emulator;

  private SumoPactVerification(Consumer<SumoEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * An embedded emulator with no users and the documented access key.
   *
   * @return the extension, to register with {@code @RegisterExtension} on a static field
   */
  public static SumoPactVerification embedded() {
    return embedded(builder -> {});
  }

  /**
   * An embedded emulator configured further, e.g. with the access keys the consumer's pact used.
   *
   * <pre>{@code
   * SumoPactVerification.embedded(emulator -> emulator
   *     .accessKey(SumoPact.EMULATOR_ACCESS_ID, SumoPact.EMULATOR_ACCESS_KEY)
   *     .accessKey("suBillingTests", "billing-tests-key-not-a-secret"));
   * }</pre>
   *
   * @param configuration applied to the builder before the emulator starts; when it adds keys, the
   *     documented key is accepted only if it adds that one too
   * @return the extension, to register with {@code @RegisterExtension} on a static field
   */
  public static SumoPactVerification embedded(Consumer<SumoEmulator.Builder> configuration) {
    return new SumoPactVerification(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * Starts the emulator before the class's first interaction.
   *
   * @param context the test class's context
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    SumoEmulator.Builder builder = SumoEmulator.builder();
    configuration.accept(builder);
    emulator = builder.start();
  }

  /**
   * Stops the emulator after the class's last interaction.
   *
   * @param context the test class's context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    SumoEmulator running = emulator;
    emulator = null;
    if (running != null) {
      running.close();
    }
  }

  /**
   * Points the interaction at a freshly reset emulator, with the provider states served.
   *
   * <p>Call it from a {@code @BeforeEach} method that takes the {@link PactVerificationContext}:
   * Pact sets the states up after {@code @BeforeEach} and before the test method.
   *
   * @param context the context of the interaction about to be verified
   * @throws IllegalStateException if the emulator is not running (the extension is not registered
   *     on a static field)
   */
  public void prepare(PactVerificationContext context) {
    SumoEmulator running = emulator();
    running.reset();
    context.setTarget(
        new HttpTestTarget("127.0.0.1", running.port(), "/", VerbatimHttpClientFactory::new));
    context.addStateChangeHandlers(new States(running));
  }

  /**
   * The running emulator, e.g. to look at its journal after a failure.
   *
   * @return the emulator, between the first and last interaction of the class
   * @throws IllegalStateException if the emulator is not running
   */
  public SumoEmulator emulator() {
    SumoEmulator running = emulator;
    if (running == null) {
      throw new IllegalStateException(
          "the emulator is not running: register SumoPactVerification with @RegisterExtension"
              + " on a static field");
    }
    return running;
  }

  /** Shows where the emulator listens, if it runs. */
  @Override
  public String toString() {
    return "SumoPactVerification[" + emulator + "]";
  }

  /** Pact's state change methods, one per state, each served by the emulator itself. */
  static final class States {
    private final SumoEmulator emulator;

    States(SumoEmulator emulator) {
      this.emulator = emulator;
    }

    @State(SumoProviderStates.USER_EXISTS)
    public Map<String, Object> userExists(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.USER_EXISTS, params);
    }

    @State(SumoProviderStates.NO_USER_WITH_ID)
    public Map<String, Object> noUserWithId(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.NO_USER_WITH_ID, params);
    }

    @State(SumoProviderStates.USERS_EXIST)
    public Map<String, Object> usersExist(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.USERS_EXIST, params);
    }

    @State(SumoProviderStates.NO_USER_WITH_EMAIL)
    public Map<String, Object> noUserWithEmail(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.NO_USER_WITH_EMAIL, params);
    }

    @State(SumoProviderStates.USER_AND_HEIR_EXIST)
    public Map<String, Object> userAndHeirExist(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.USER_AND_HEIR_EXIST, params);
    }

    @State(SumoProviderStates.RATE_LIMIT_EXHAUSTED)
    public Map<String, Object> rateLimitExhausted(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.RATE_LIMIT_EXHAUSTED, params);
    }

    @State(SumoProviderStates.CREDENTIALS_INVALID)
    public Map<String, Object> credentialsInvalid(Map<String, Object> params) {
      return emulator.setUpProviderState(SumoProviderStates.CREDENTIALS_INVALID, params);
    }
  }
}
