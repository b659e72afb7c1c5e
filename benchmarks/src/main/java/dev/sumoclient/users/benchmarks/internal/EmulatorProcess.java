package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.emulator.SumoEmulator;
import dev.sumoclient.users.emulator.internal.StandaloneMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An emulator in its own JVM, so that its CPU, allocations and heap never count as the client's.
 *
 * <p>It runs from the benchmark's own class path on a free loopback port, with limits off unless
 * asked otherwise.
 */
final class EmulatorProcess implements AutoCloseable {
  static final String ACCESS_ID = SumoEmulator.DEFAULT_ACCESS_ID;
  static final String ACCESS_KEY = SumoEmulator.DEFAULT_ACCESS_KEY;
  private static final String READY = "listening on ";

  private final @Nullable Process process;
  private final URI baseUri;

  private EmulatorProcess(@Nullable Process process, URI baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /**
   * Starts an emulator and waits until it serves.
   *
   * @param users how many users to seed
   * @param limits whether Sumo's quotas (4 requests/s, 10 in flight) are enforced
   * @return the running emulator
   */
  static EmulatorProcess start(int users, boolean limits) {
    return start(users, limits, List.of());
  }

  /**
   * Starts an emulator with more options, such as {@code --access-key id:key:owner}.
   *
   * @param users how many users to seed
   * @param limits whether Sumo's quotas are enforced
   * @param extra more command-line options
   * @return the running emulator
   */
  static EmulatorProcess start(int users, boolean limits, List<String> extra) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StandaloneMain.class.getName());
    command.addAll(
        List.of(
            "--port",
            "0",
            "--users",
            String.valueOf(users),
            "--access-id",
            ACCESS_ID,
            "--access-key",
            ACCESS_KEY,
            "--limits=" + limits));
    command.addAll(extra);
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        int at = line.indexOf(READY);
        if (at >= 0) {
          URI base = URI.create(line.substring(at + READY.length()).strip());
          drain(out);
          return new EmulatorProcess(process, base);
        }
      }
      process.destroy();
      throw new IllegalStateException("the emulator exited before serving: " + command);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator", e);
    }
  }

  /** Keeps reading its output, so that the emulator never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread drainer =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // discarded
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "emulator-output");
    drainer.setDaemon(true);
    drainer.start();
  }

  /**
   * The system property through which the launcher hands its emulator to JMH's forked JVMs, so that
   * every contender of a run talks to the same server.
   */
  static final String SHARED = "sumo.bench.emulator";

  /**
   * Returns the launcher's emulator when there is one, else starts a private one.
   *
   * @param users how many users to seed a private emulator with
   * @return a handle whose {@link #close()} stops only a private emulator
   */
  static EmulatorProcess sharedOrStart(int users) {
    String shared = System.getProperty(SHARED);
    if (shared != null) {
      return new EmulatorProcess(null, URI.create(shared));
    }
    return start(users, false);
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Returns the base URL, such as {@code http://127.0.0.1:41234/api}.
   *
   * @return the base URL
   */
  URI baseUri() {
    return baseUri;
  }

  /**
   * Sets the emulator's latency fault: every API request is answered this much later.
   *
   * @param millis the added latency, 0 for none
   */
  void latency(int millis) {
    URI admin = baseUri.resolve("/__admin/faults");
    try {
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(admin)
                      .PUT(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"latencyMillis\":" + millis + "}"))
                      .header("Content-Type", "application/json")
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("the emulator refused the latency fault: " + answer.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
