package dev.sumoclient.users.testing.redis;

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
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} for a test class or a benchmark: started on a free loopback port with
 * nothing persisted, polled with {@code PING} until it answers, and stopped after.
 *
 * <p>{@code --port 0} would disable TCP, so the port is picked with a {@link ServerSocket} first.
 * The server's output goes to a temporary log, quoted when it fails to start and deleted on {@link
 * #close()}.
 */
public final class RedisServer implements AutoCloseable {
  private final int port;
  private final Path log;
  private final List<String> extra;
  private final @Nullable TestCertificates tls;
  private @Nullable Process process;

  private RedisServer(int port, Path log, List<String> extra, @Nullable TestCertificates tls) {
    this.port = port;
    this.log = log;
    this.extra = extra;
    this.tls = tls;
  }

  /**
   * Returns the {@code redis-server} executable, or empty when it is not installed.
   *
   * @return the path
   */
  public static Optional<Path> executable() {
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

  /** What is missing, and how to install it. */
  private static final String NOT_INSTALLED =
      "redis-server is not installed (apt-get install -y redis-server)";

  /** The reason printed when a test skips: the only reason any Redis test may skip. */
  private static final String ABSENT = NOT_INSTALLED + "; the Redis tests skip";

  /**
   * Skips the calling test class, with the reason printed, when {@code redis-server} is absent: the
   * only reason a Redis test may skip ({@code .ci/check-skips} fails on any skipped Redis test).
   * Needs JUnit Jupiter on the class path (tests only).
   */
  public static void assumeInstalled() {
    if (executable().isEmpty()) {
      System.out.println("SKIPPED: " + ABSENT);
      org.junit.jupiter.api.Assumptions.abort(ABSENT);
    }
  }

  /**
   * Starts a server on a free loopback port and waits until it answers {@code PING}.
   *
   * @param extra more {@code redis-server} options, such as {@code --requirepass}
   * @return the running server
   */
  public static RedisServer start(String... extra) {
    return launch(null, null, extra);
  }

  /**
   * Starts a server that speaks only TLS ({@code --tls-port <free> --port 0}) with the given server
   * certificate, not asking clients for theirs, and waits until it answers {@code PING} over TLS.
   * Fails, never skips, when {@code redis-server} was built without TLS.
   *
   * @param certificates the CA and server certificate
   * @param extra more {@code redis-server} options, such as {@code --requirepass}
   * @return the running server
   */
  public static RedisServer startTls(TestCertificates certificates, String... extra) {
    return launch(null, certificates, extra);
  }

  /**
   * Starts a server on a given port, for a test that first needs a port where nothing answers.
   *
   * @param port the port
   * @param extra more {@code redis-server} options
   * @return the running server
   */
  public static RedisServer startOn(int port, String... extra) {
    return launch(port, null, extra);
  }

  private static RedisServer launch(
      @Nullable Integer port, @Nullable TestCertificates tls, String... extra) {
    RedisServer server;
    try {
      server =
          new RedisServer(
              port == null ? freePort() : port,
              Files.createTempFile("redis-server", ".log"),
              List.of(extra),
              tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.startProcess();
    return server;
  }

  /**
   * Returns a loopback port nothing listens on now.
   *
   * @return the port
   * @throws IOException when no socket can be opened
   */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void startProcess() {
    Path exe = executable().orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    if (tls == null) {
      command.addAll(List.of("--port", Integer.toString(port)));
    } else {
      command.addAll(
          List.of(
              "--tls-port",
              Integer.toString(port),
              // No plain-text port at all: only TLS answers.
              "--port",
              "0",
              "--tls-cert-file",
              tls.serverCertificate().toString(),
              "--tls-key-file",
              tls.serverKey().toString(),
              "--tls-ca-cert-file",
              tls.caCertificate().toString(),
              "--tls-auth-clients",
              "no"));
    }
    command.addAll(
        List.of(
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
        String tail = tail();
        if (tls != null && tail.contains("tls-")) {
          throw new IllegalStateException(
              "redis-server ("
                  + exe
                  + ") cannot serve TLS: it was built without TLS support; the TLS tests need a"
                  + " redis-server linked with OpenSSL, such as Debian's redis-server 7 (its log: "
                  + tail
                  + ")");
        }
        throw new IllegalStateException("redis-server exited: " + tail);
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
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", port), 200);
      plain.setSoTimeout(500);
      Socket socket = plain;
      if (tls != null) {
        SSLSocket secure =
            (SSLSocket)
                tls.clientContext().getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
        secure.startHandshake();
        socket = secure;
      }
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

  /**
   * Returns the version line {@code redis-server --version} prints, for a benchmark's report.
   *
   * @return the version, such as {@code Redis server v=7.0.15 ...}
   * @throws IllegalStateException when {@code redis-server} is not installed
   */
  public static String version() {
    Path exe = executable().orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
    try {
      Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + exe, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * Returns the port it listens on (TLS only, for {@link #startTls}).
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Returns {@code redis://127.0.0.1:<port>}, or {@code rediss://...} for {@link #startTls}.
   *
   * @return the address, without a password
   */
  public URI uri() {
    return URI.create((tls == null ? "redis" : "rediss") + "://127.0.0.1:" + port);
  }

  /** Kills the server at once (SIGKILL): nothing saved, clients see the connection drop. */
  public void kill() {
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
  public void restart() {
    kill();
    startProcess();
  }

  /**
   * Sends SIGSTOP or SIGCONT: a stopped Redis accepts connections but answers nothing.
   *
   * @param name the signal's name, {@code STOP} or {@code CONT}
   */
  public void signal(String name) {
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

  /** Stops it (SIGTERM, then SIGKILL after 10 s); {@link #close()} also deletes its log. */
  public void stop() {
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
