package dev.sumoclient.users.emulator;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs one {@link SumoEmulator} per test class on a free loopback port.
 *
 * <p>Test methods, constructors and lifecycle methods may declare a {@link SumoEmulator} or {@link
 * AccessKey} parameter to receive it. The emulator starts before the first test of the class and
 * closes after the last; {@code @Nested} classes share their outermost class's emulator.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SumoEmulatorExtension SUMO =
 *     SumoEmulatorExtension.configured(b -> b.seedUsers(50)).resetBeforeEachTest();
 *
 * @Test
 * void listsEveryone(SumoEmulator emulator) { ... emulator.baseUri() ... }
 * }</pre>
 *
 * <p>To inject more, such as a ready client, extend this class, override {@link #supportsParameter}
 * and {@link #resolveParameter}, and build from {@link #emulator(ExtensionContext)}.
 */
public class SumoEmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SumoEmulatorExtension.class);

  private final Consumer<SumoEmulator.Builder> configuration;
  private final boolean resetBeforeEach;

  /** An extension whose emulators use the builder's defaults (no users, the default key). */
  public SumoEmulatorExtension() {
    this(builder -> {}, false);
  }

  /**
   * An extension whose emulators are configured by {@code configuration}.
   *
   * @param configuration applied to each emulator's builder after the defaults (a free port on
   *     loopback), so it may override them
   * @param resetBeforeEach true to {@linkplain SumoEmulator#reset() reset} the emulator before each
   *     test
   */
  protected SumoEmulatorExtension(
      Consumer<SumoEmulator.Builder> configuration, boolean resetBeforeEach) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.resetBeforeEach = resetBeforeEach;
  }

  /**
   * An extension whose emulators are configured by {@code configuration}, applied after the
   * defaults (a free port on loopback), so it may override them.
   *
   * @param configuration what to set on each emulator's builder, e.g. {@code b -> b.seedUsers(50)}
   * @return an extension that keeps state between the tests of a class; see {@link
   *     #resetBeforeEachTest()}
   */
  public static SumoEmulatorExtension configured(Consumer<SumoEmulator.Builder> configuration) {
    return new SumoEmulatorExtension(configuration, false);
  }

  /**
   * A copy of this extension that {@linkplain SumoEmulator#reset() resets} before each test.
   *
   * <p>Subclasses override it to return their own type, built from {@link #configuration()}.
   *
   * @return a new extension with the same configuration; this one is unchanged
   */
  public SumoEmulatorExtension resetBeforeEachTest() {
    return new SumoEmulatorExtension(configuration, true);
  }

  /**
   * The configuration applied to each emulator's builder, for subclasses that copy themselves.
   *
   * @return the configuration this extension was made with
   */
  protected final Consumer<SumoEmulator.Builder> configuration() {
    return configuration;
  }

  /**
   * Whether the emulator is reset before each test.
   *
   * @return true if this extension was made to reset before each test
   */
  protected final boolean resetsBeforeEachTest() {
    return resetBeforeEach;
  }

  /**
   * The emulator of the test class that {@code context} belongs to, started on first use.
   *
   * <p>This is the hook for extensions that build on the emulator, for instance to inject a client.
   *
   * @param context any context within the test class, including its nested classes and tests
   * @return the emulator shared by the outermost test class
   */
  public SumoEmulator emulator(ExtensionContext context) {
    ExtensionContext classContext = outermostClassContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(this, key -> start(), SumoEmulator.class);
  }

  private SumoEmulator start() {
    SumoEmulator.Builder builder = SumoEmulator.builder().port(0);
    configuration.accept(builder);
    return builder.start();
  }

  private static ExtensionContext outermostClassContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get().getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /**
   * Starts the class's emulator before its first test.
   *
   * @param context the test class's context
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    emulator(context);
  }

  /**
   * Resets the emulator if this extension was made with {@link #resetBeforeEachTest()}.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (resetBeforeEach) {
      emulator(context).reset();
    }
  }

  /**
   * Closes the class's emulator after its last test.
   *
   * <p>JUnit 5.13 and later also close it with the store; doing it here as well keeps older
   * platforms from leaking the port.
   *
   * @param context the test class's context; nested classes leave the emulator running
   */
  @Override
  public void afterAll(ExtensionContext context) {
    if (outermostClassContext(context) != context) {
      return;
    }
    SumoEmulator emulator = context.getStore(NAMESPACE).get(this, SumoEmulator.class);
    if (emulator != null) {
      emulator.close();
    }
  }

  /**
   * Supports {@link SumoEmulator} and {@link AccessKey} parameters.
   *
   * @param parameterContext the parameter to resolve
   * @param extensionContext the context of the test or lifecycle method that declares it
   * @return true if the parameter's type is {@link SumoEmulator} or {@link AccessKey}
   * @throws ParameterResolutionException never; declared because subclasses may
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    Class<?> type = parameterContext.getParameter().getType();
    return type == SumoEmulator.class || type == AccessKey.class;
  }

  /**
   * Resolves the class's emulator, or its first access key.
   *
   * @param parameterContext the parameter to resolve, one {@link #supportsParameter} accepted
   * @param extensionContext the context of the test or lifecycle method that declares it
   * @return the emulator, or its {@link SumoEmulator#accessKey() first access key}
   * @throws ParameterResolutionException never; declared because subclasses may
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext)
      throws ParameterResolutionException {
    SumoEmulator emulator = emulator(extensionContext);
    Class<?> type = parameterContext.getParameter().getType();
    if (type == AccessKey.class) {
      return emulator.accessKey();
    }
    return emulator;
  }
}
