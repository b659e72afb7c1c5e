package dev.sumoclient.users.quota.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} for one test class: started on a free loopback port with nothing
 * persisted, polled with {@code PING} until it answers, and stopped after.
 *
 * <p>{@code --port 0} would disable TCP, so the port is picked with a {@link ServerSocket} first.
 */
final class RedisServer implements AutoCloseable {
  private final int port;
  private final Path log;
  private final List<String> extra;
  private @Nullable Process process;

  private RedisServer(int port, Path log, List<String> extra) {
    this.port = port;
    this.log = log;
    this.extra = extra;
  }

  /**
   * Returns the {@code redis-server} executable, or empty when it is not installed.
   *
   * @return the path
   */
  static Optional<Path> executable() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir :
        (path + File.pathSeparator + "/usr/sbin:/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The reason printed when a test skips: the only reason any Redis test may skip. */
  static final String ABSENT =
      "redis-server is not installed (apt-get install -y redis-server); the Redis tests skip";

  /**
   * Starts a server on a free loopback port and waits until it answers {@code PING}.
   *
   * @param extra more {@code redis-server} options, such as {@code --requirepass}
   * @return the running server
   */
  static RedisServer start(String... extra) {
    RedisServer server;
    try {
      server =
          new RedisServer(freePort(), Files.createTempFile("redis-server", ".log"), List.of(extra));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.startProcess();
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void startProcess() {
    Path exe = executable().orElseThrow(() -> new IllegalStateException(ABSENT));
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            System.getProperty("java.io.tmpdir")));
    command.addAll(extra);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + exe, e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited: " + tail());
      }
      if (answersPing()) {
        return;
      }
      sleep(20);
    }
    stop();
    throw new IllegalStateException("redis-server did not answer PING within 10 s: " + tail());
  }

  /** Sends an inline PING (with AUTH first when a password is set) and expects +PONG or NOAUTH. */
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[64];
      int n = in.read(buffer);
      String answer = n > 0 ? new String(buffer, 0, n, StandardCharsets.US_ASCII) : "";
      return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  private String tail() {
    try {
      String text = Files.readString(log);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  int port() {
    return port;
  }

  URI uri() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the server at once (SIGKILL): nothing saved, clients see the connection drop. */
  void kill() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    process = null;
  }

  /** Starts it again on the same port, empty. */
  void restart() {
    kill();
    startProcess();
  }

  /** Sends SIGSTOP or SIGCONT: a stopped Redis accepts connections but answers nothing. */
  void signal(String name) {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException("not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    Process p = process;
    if (p != null) {
      if (!p.isAlive()) {
        process = null;
        return;
      }
      signal("CONT");
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a temporary file
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
