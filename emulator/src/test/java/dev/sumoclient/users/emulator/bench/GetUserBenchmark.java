package dev.sumoclient.users.emulator.bench;

import dev.sumoclient.users.emulator.AccessKey;
import dev.sumoclient.users.emulator.EmulatedUser;
import dev.sumoclient.users.emulator.SumoEmulator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures the emulator's getUser throughput with limits off: a benchmark, not a test.
 *
 * <p>Run: {@code ./mvnw -B -q -pl emulator -am -Pbench -DskipTests test}. Options as system
 * properties: {@code bench.connections} (default 8), {@code bench.warmupSeconds} (3), {@code
 * bench.seconds} (10), {@code bench.users} (1000), {@code bench.journal} (true).
 *
 * <p>The load comes from keep-alive connections speaking minimal HTTP/1.1 over loopback, each a
 * thread sending a {@code GET /api/v1/users/{id}} with Basic auth and reading the whole response
 * before the next, so the figure is what a test suite's own client could at most get. Client and
 * emulator share the machine's cores.
 */
public final class GetUserBenchmark {
  private GetUserBenchmark() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("bench.connections", 8);
    int warmup = Integer.getInteger("bench.warmupSeconds", 3);
    int seconds = Integer.getInteger("bench.seconds", 10);
    int userCount = Integer.getInteger("bench.users", 1000);
    boolean journal = Boolean.parseBoolean(System.getProperty("bench.journal", "true"));

    try (SumoEmulator emulator = SumoEmulator.builder().seedUsers(userCount).start()) {
      emulator.journal().enabled(journal);
      AccessKey key = emulator.accessKey();
      String auth =
          Base64.getEncoder()
              .encodeToString((key.id() + ":" + key.key()).getBytes(StandardCharsets.UTF_8));
      List<String> ids = emulator.users().stream().map(EmulatedUser::id).toList();

      LongAdder completed = new LongAdder();
      LongAdder failed = new LongAdder();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int offset = c;
        Thread client =
            new Thread(
                () -> drive(emulator.port(), auth, ids, offset, running, completed, failed),
                "bench-client-" + c);
        client.setDaemon(true);
        client.start();
        clients.add(client);
      }

      Thread.sleep(Duration.ofSeconds(warmup).toMillis());
      long before = completed.sum();
      long failedBefore = failed.sum();
      long start = System.nanoTime();
      Thread.sleep(Duration.ofSeconds(seconds).toMillis());
      long done = completed.sum() - before;
      long errors = failed.sum() - failedBefore;
      double elapsed = (System.nanoTime() - start) / 1e9;
      running.set(false);
      for (Thread client : clients) {
        client.join(5000);
      }

      System.out.printf(
          "getUser: %,.0f requests/s (%,d in %.1f s, %d errors, %d connections, journal %s)%n",
          done / elapsed, done, elapsed, errors, connections, journal ? "on" : "off");
      System.out.printf(
          "machine: %d cores available, %s %s (%s); JDK %s (%s); %s%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"),
          System.getProperty("os.version"),
          System.getProperty("os.arch"),
          System.getProperty("java.version"),
          System.getProperty("java.vm.name"),
          Instant.now());
      if (errors > 0) {
        System.exit(1);
      }
    }
  }

  private static void drive(
      int port,
      String auth,
      List<String> ids,
      int offset,
      AtomicBoolean running,
      LongAdder completed,
      LongAdder failed) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      int i = offset;
      while (running.get()) {
        String id = ids.get(i++ % ids.size());
        byte[] request =
            ("GET /api/v1/users/"
                    + id
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                    + auth
                    + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        out.write(request);
        out.flush();
        if (readResponse(in) == 200) {
          completed.increment();
        } else {
          failed.increment();
        }
      }
    } catch (IOException e) {
      if (running.get()) {
        failed.increment();
        System.err.println("client failed: " + e);
      }
    }
  }

  /** Reads one response with a Content-Length body and returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int status = -1;
    int length = 0;
    boolean first = true;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b == '\n') {
        String header = line.toString().trim();
        line.setLength(0);
        if (header.isEmpty()) {
          break;
        }
        if (first) {
          status = Integer.parseInt(header.substring(9, 12));
          first = false;
        } else if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      } else {
        line.append((char) b);
      }
    }
    long skipped = in.readNBytes(length).length;
    if (skipped != length) {
      throw new IOException("short body");
    }
    return status;
  }
}
