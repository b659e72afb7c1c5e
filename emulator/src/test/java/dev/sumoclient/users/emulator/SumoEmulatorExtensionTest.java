package dev.sumoclient.users.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the JUnit engine and checks what the extension gave them. */
class SumoEmulatorExtensionTest {
  static final List<SumoEmulator> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> testClass) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  @Test
  void startsOneEmulatorPerClassOnALoopbackPortAndClosesItAfterwards() throws Exception {
    Events events = run(DeclarativeFixture.class);
    events.assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN).hasSize(3);
    assertThat(SEEN).allSatisfy(e -> assertThat(e).isSameAs(SEEN.get(0)));
    SumoEmulator emulator = SEEN.get(0);
    assertThat(emulator.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(emulator.isClosed()).isTrue();
    assertThat(portAcceptsConnections(emulator.port())).isFalse();
  }

  @Test
  void eachClassGetsItsOwnEmulator() {
    run(DeclarativeFixture.class);
    SumoEmulator first = SEEN.get(0);
    run(DeclarativeFixture.class);
    assertThat(SEEN.get(0)).isNotSameAs(first);
  }

  @Test
  void configurationAppliesAndResetRestoresTheSeedBeforeEachTest() {
    Events events = run(ConfiguredFixture.class);
    events.assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void aSubclassCanInjectMoreBuiltFromTheClassEmulator() {
    Events events = run(SubclassFixture.class);
    events.assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  private static boolean portAcceptsConnections(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return socket.isConnected();
    } catch (ConnectException e) {
      return false;
    }
  }

  @ExtendWith(SumoEmulatorExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class DeclarativeFixture {
    private final SumoEmulator fromConstructor;

    DeclarativeFixture(SumoEmulator emulator) {
      this.fromConstructor = emulator;
    }

    @Test
    @Order(1)
    void injectsTheEmulatorAndItsKey(SumoEmulator emulator, AccessKey key) {
      assertThat(emulator).isSameAs(fromConstructor);
      assertThat(key).isEqualTo(emulator.accessKey());
      assertThat(new Api(emulator).get("/v1/users").status()).isEqualTo(200);
      SEEN.add(emulator);
    }

    @Test
    @Order(2)
    void keepsTheSameEmulatorForTheNextTest(SumoEmulator emulator) {
      SEEN.add(emulator);
    }

    @Nested
    class Inner {
      @Test
      void sharesTheOuterClassEmulator(SumoEmulator emulator) {
        SEEN.add(emulator);
      }
    }
  }

  /** What a client-injecting extension would look like: here it injects the base URI. */
  static final class BaseUriExtension extends SumoEmulatorExtension {
    BaseUriExtension() {
      super(b -> b.seedUsers(2), false);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == URI.class
          || super.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == URI.class
          ? emulator(context).baseUri()
          : super.resolveParameter(parameter, context);
    }
  }

  static class SubclassFixture {
    @RegisterExtension static final BaseUriExtension SUMO = new BaseUriExtension();

    @Test
    void receivesTheEmulatorsBaseUri(URI baseUri, SumoEmulator emulator) {
      assertThat(baseUri).isEqualTo(emulator.baseUri());
      assertThat(emulator.users()).hasSize(2);
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ConfiguredFixture {
    @RegisterExtension
    static final SumoEmulatorExtension SUMO =
        SumoEmulatorExtension.configured(b -> b.seedUsers(7).accessKey("suCustom", "custom-key"))
            .resetBeforeEachTest();

    @Test
    @Order(1)
    void seesTheConfiguredEmulatorAndChangesIt(SumoEmulator emulator) {
      assertThat(emulator.users()).hasSize(7);
      assertThat(emulator.accessKey().id()).isEqualTo("suCustom");
      new Api(emulator).delete("/v1/users/" + emulator.users().get(0).id());
      assertThat(emulator.users()).hasSize(6);
    }

    @Test
    @Order(2)
    void startsFromTheSeedAgain(SumoEmulator emulator) {
      assertThat(emulator.users()).hasSize(7);
      assertThat(emulator.journal().size()).isZero();
    }
  }
}
