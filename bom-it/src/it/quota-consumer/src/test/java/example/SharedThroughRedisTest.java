package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumoclient.users.SumoUsersClient;
import dev.sumoclient.users.emulator.junit.SumoEmulatorClientExtension;
import dev.sumoclient.users.micrometer.MicrometerClientListener;
import dev.sumoclient.users.quota.redis.RedisQuotas;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same client against a real {@code redis-server} this test starts on a free loopback port:
 * Lettuce, Netty and Reactor in the versions the service's build converged on share the budget.
 */
class SharedThroughRedisTest {

  static final Process REDIS;
  static final int PORT;
  static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
  static final RedisQuotas QUOTAS;

  static {
    try {
      Path executable = redisServer();
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        PORT = socket.getLocalPort();
      }
      REDIS =
          executable == null
              ? null
              : new ProcessBuilder(
                      executable.toString(),
                      "--port",
                      Integer.toString(PORT),
                      "--bind",
                      "127.0.0.1",
                      "--save",
                      "",
                      "--appendonly",
                      "no")
                  .redirectErrorStream(true)
                  .redirectOutput(Files.createTempFile("redis-server", ".log").toFile())
                  .start();
      if (REDIS != null) {
        awaitPong();
      }
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
    QUOTAS = QuotaService.quotas(URI.create("redis://127.0.0.1:" + PORT), 5);
  }

  @RegisterExtension
  static final SumoEmulatorClientExtension SUMO =
      SumoEmulatorClientExtension.configured(b -> b.seedUsers(3))
          // The extension turns the client's limiter off unless the emulator enforces quotas: on
          // here,
          // so every call takes its permit from the coordinator.
          .client(b -> QuotaService.configure(b, QUOTAS, REGISTRY).rateLimiting(true));

  private static Path redisServer() {
    for (String dir :
        (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin")
            .split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Sends one command in RESP; returns a simple reply's line, or a bulk reply's text. */
  private static String command(String resp) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(resp.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      String first = line.toString().trim();
      if (!first.startsWith("$")) {
        return first;
      }
      return new String(
          in.readNBytes(Integer.parseInt(first.substring(1))), StandardCharsets.US_ASCII);
    }
  }

  private static void awaitPong() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        if ("+PONG".equals(command("PING\r\n"))) {
          return;
        }
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    QUOTAS.close();
    if (REDIS != null) {
      REDIS.destroy();
      REDIS.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void callsShareTheBudgetThroughRedis(SumoUsersClient client) throws IOException {
    Assumptions.assumeTrue(
        REDIS != null, "redis-server is not installed (apt-get install -y redis-server)");

    assertEquals(3, client.listUsers().stream().count());

    assertTrue(QUOTAS.isShared(), QUOTAS.toString());
    // The permit was taken in Redis: the coordinator's scripts ran there (EVALSHA, or EVAL).
    String stats = command("INFO commandstats\r\n");
    assertTrue(
        stats.contains("cmdstat_evalsha:calls=") || stats.contains("cmdstat_eval:calls="), stats);
    Timer requests =
        REGISTRY.find(MicrometerClientListener.REQUESTS).tag("outcome", "SUCCESS").timer();
    assertTrue(requests != null && requests.count() > 0, "the call was metered");
  }
}
