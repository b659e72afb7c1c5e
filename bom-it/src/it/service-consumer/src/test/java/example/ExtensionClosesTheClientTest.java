package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.sumoclient.users.SumoClientException;
import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.junit.SumoEmulatorClientExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** On the oldest JUnit we support, the injected client is closed with its test class. */
class ExtensionClosesTheClientTest {

  /** Run by the test below through the test kit (Surefire skips nested classes). */
  static class UsesTheClient {
    static SumoUsersClient seen;

    @RegisterExtension
    static final SumoEmulatorClientExtension SUMO = new SumoEmulatorClientExtension();

    @Test
    void listsUsers(SumoUsersClient client) {
      client.listUsers().iterator().hasNext();
      seen = client;
    }
  }

  @Test
  void runsOnTheOldestSupportedJUnit() {
    String version = Test.class.getPackage().getImplementationVersion();
    assertTrue(version.startsWith("5.10."), "JUnit Jupiter " + version);
  }

  @Test
  void theInjectedClientIsClosedAfterItsClass() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(UsesTheClient.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertNotNull(UsesTheClient.seen);
    SumoClientException e =
        assertThrows(
            SumoClientException.class, () -> UsesTheClient.seen.getUser("00000000000000A1"));
    assertEquals(
        "getUser: client closed; the call was stopped and nothing more is sent", e.getMessage());
  }
}
