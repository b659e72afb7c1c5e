package dev.sumoclient.users.emulator.junit;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.SumoEmulatorExtension;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * A JUnit 5 extension that runs one emulator per test class and injects a ready client for it.
 *
 * <p>Besides the {@link SumoEmulator} and its access key, test methods, constructors and lifecycle
 * methods may declare a {@link SumoUsersClient} parameter: it points at the class's emulator with
 * the emulator's credentials, and is closed with it. The client's own rate limiter follows the
 * emulator's quotas at start-up (off by default, so suites run fast); turn it on with {@code
 * client(b -> b.rateLimiting(true))} to test against the emulator's limits.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SumoEmulatorClientExtension SUMO =
 *     SumoEmulatorClientExtension.configured(emulator -> emulator.seedUsers(20));
 *
 * @Test
 * void findsAUser(SumoUsersClient client, SumoEmulator emulator) { ... }
 * }</pre>
 */
public final class SumoEmulatorClientExtension extends SumoEmulatorExtension {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SumoEmulatorClientExtension.class);

  private final Consumer<SumoUsersClient.Builder> clientConfiguration;

  private SumoEmulatorClientExtension(
      Consumer<SumoEmulator.Builder> emulatorConfiguration,
      boolean resetBeforeEach,
      Consumer<SumoUsersClient.Builder> clientConfiguration) {
    super(emulatorConfiguration, resetBeforeEach);
    this.clientConfiguration = clientConfiguration;
  }

  /** An extension with the emulator's and the client's defaults. */
  public SumoEmulatorClientExtension() {
    this(emulator -> {}, false, client -> {});
  }

  /**
   * An extension whose emulators are configured by {@code emulatorConfiguration}.
   *
   * @param emulatorConfiguration applied to each emulator's builder after the defaults
   * @return the extension
   */
  public static SumoEmulatorClientExtension configured(
      Consumer<SumoEmulator.Builder> emulatorConfiguration) {
    return new SumoEmulatorClientExtension(emulatorConfiguration, false, client -> {});
  }

  /**
   * A copy of this extension whose clients are further configured by {@code configuration}.
   *
   * @param configuration applied to each client's builder after the endpoint and credentials
   * @return the copy
   */
  public SumoEmulatorClientExtension client(Consumer<SumoUsersClient.Builder> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return new SumoEmulatorClientExtension(
        configuration(), resetsBeforeEachTest(), clientConfiguration.andThen(configuration));
  }

  /** A copy of this extension that resets the emulator before each test. */
  @Override
  public SumoEmulatorClientExtension resetBeforeEachTest() {
    return new SumoEmulatorClientExtension(configuration(), true, clientConfiguration);
  }

  /**
   * The client of the test class that {@code context} belongs to, built on first use.
   *
   * @param context any context of the test class
   * @return the client, wired to {@link #emulator(ExtensionContext)}
   */
  public SumoUsersClient client(ExtensionContext context) {
    SumoEmulator emulator = emulator(context);
    return classContext(context)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(this, key -> new OpenClient(newClient(emulator)), OpenClient.class)
        .client;
  }

  /**
   * Closes the class's client, then its emulator, after the class's last test.
   *
   * <p>Done here rather than left to the store, which closes {@code AutoCloseable} values only from
   * JUnit 5.13: on JUnit 5.10 to 5.12 (Spring Boot 3.5 manages 5.12) the client is closed too.
   *
   * @param context the test class's context; nested classes leave the client open
   */
  @Override
  public void afterAll(ExtensionContext context) {
    if (classContext(context) == context) {
      OpenClient open = context.getStore(NAMESPACE).remove(this, OpenClient.class);
      if (open != null) {
        open.close();
      }
    }
    super.afterAll(context);
  }

  private SumoUsersClient newClient(SumoEmulator emulator) {
    SumoUsersClient.Builder builder =
        SumoUsersClient.builder()
            .endpoint(emulator.baseUri())
            .credentials(emulator.accessKey().id(), emulator.accessKey().key())
            .rateLimiting(emulator.limits().enabled());
    clientConfiguration.accept(builder);
    return builder.build();
  }

  /**
   * The store's handle on a client: JUnit 5.10 to 5.12 close {@code CloseableResource} values of a
   * store that is torn down without afterAll (an aborted class), 5.13 and later {@code
   * AutoCloseable} ones; implementing both closes it on every supported version, without 5.13's
   * warning about a resource that is not {@code AutoCloseable}.
   */
  @SuppressWarnings("deprecation")
  private static final class OpenClient
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final SumoUsersClient client;

    OpenClient(SumoUsersClient client) {
      this.client = client;
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get().getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** Supports {@link SumoUsersClient} parameters besides the emulator's own. */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    return parameterContext.getParameter().getType() == SumoUsersClient.class
        || super.supportsParameter(parameterContext, extensionContext);
  }

  /** Resolves the class's client, emulator or access key. */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    if (parameterContext.getParameter().getType() == SumoUsersClient.class) {
      return client(extensionContext);
    }
    return super.resolveParameter(parameterContext, extensionContext);
  }
}
