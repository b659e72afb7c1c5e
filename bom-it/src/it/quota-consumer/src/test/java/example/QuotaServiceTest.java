package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.junit.SumoEmulatorClientExtension;
import dev.sumoclient.users.generated.model.CreateUserDefinition;
import dev.sumoclient.users.generated.model.UserModel;
import dev.sumoclient.users.micrometer.MicrometerClientListener;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client with Redis quotas and Micrometer meters calls the emulator. No Redis listens on the
 * port given, so the coordinator falls back to this JVM's own limiter and every call still
 * succeeds.
 */
class QuotaServiceTest {

  static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
  static final RedisQuotas QUOTAS =
      QuotaService.quotas(URI.create("redis://127.0.0.1:" + unusedLoopbackPort()), 5);

  @RegisterExtension
  static final SumoEmulatorClientExtension SUMO =
      SumoEmulatorClientExtension.configured(b -> b.seedUsers(3))
          // The extension turns the client's limiter off unless the emulator enforces quotas: on
          // here,
          // so every call takes its permit from the coordinator.
          .client(b -> QuotaService.configure(b, QUOTAS, REGISTRY).rateLimiting(true));

  private static int unusedLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void closeQuotas() {
    QUOTAS.close();
  }

  @Test
  void callsSucceedOnTheInJvmFallbackAndAreMetered(SumoUsersClient client, SumoEmulator emulator) {
    int requestsBefore = emulator.journal().size();

    UserModel created =
        client.createUser(
            new CreateUserDefinition()
                .firstName("Quinn")
                .lastName("Example")
                .email("quinn@example.com")
                .roleIds(List.of()));
    UserModel read = client.getUser(created.getId());

    assertEquals(created.getId(), read.getId());
    assertFalse(QUOTAS.isShared(), "no Redis listens, yet the coordinator says it shares");
    assertTrue(QUOTAS.toString().contains("IN_JVM at 20%"), QUOTAS.toString());
    int sent = emulator.journal().size() - requestsBefore;
    assertEquals(2, sent, "requests the emulator received");
    // One timer per operation and status: createUser (201) and getUser (200).
    assertEquals(
        sent,
        REGISTRY.find(MicrometerClientListener.REQUESTS).tag("outcome", "SUCCESS").timers().stream()
            .mapToLong(Timer::count)
            .sum(),
        "successful exchanges metered");
    assertEquals(
        sent,
        REGISTRY.find(MicrometerClientListener.REQUESTS).timers().stream()
            .mapToLong(Timer::count)
            .sum(),
        "every exchange metered, none failed");
  }
}
