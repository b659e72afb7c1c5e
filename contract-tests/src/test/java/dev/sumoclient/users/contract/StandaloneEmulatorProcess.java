package dev.sumoclient.users.contract;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Starts and stops the standalone emulator jar as a child JVM around the build's run of Pact's own
 * Maven verifier (see the contract-tests POM): {@code start <jar> <port> <log>} returns once the
 * emulator answers, {@code stop <port>} asks it to shut down.
 *
 * <p>The child runs the jar's own entry point with its own options, plus a watch on Maven's JVM:
 * should the stop never come (a failed verification ends the build before post-integration-test),
 * the child exits with the build instead of outliving it. A shutdown hook in Maven's JVM was seen
 * not to run for code loaded by exec:java.
 */
public final class StandaloneEmulatorProcess {

  private StandaloneEmulatorProcess() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "start" -> start(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      case "stop" -> stop(Integer.parseInt(args[1]));
      case "serve" -> serve(Long.parseLong(args[1]), Arrays.copyOfRange(args, 2, args.length));
      default ->
          throw new IllegalArgumentException(
              "usage: start <standalone jar> <port> <log file> | stop <port>"
                  + " | serve <parent pid> <emulator options>");
    }
  }

  private static void start(Path jar, int port, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String self =
        Path.of(
                StandaloneEmulatorProcess.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .toString();
    // The documented defaults: only the emulator's own key, no users; a pact must bring its states.
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    jar + File.pathSeparator + self,
                    StandaloneEmulatorProcess.class.getName(),
                    "serve",
                    Long.toString(ProcessHandle.current().pid()),
                    "--port",
                    Integer.toString(port),
                    "--users",
                    "0"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the standalone emulator exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> state =
            http.send(
                HttpRequest.newBuilder(admin(port, "")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (state.statusCode() == 200) {
          System.out.println("standalone emulator serving on port " + port + ", log " + log);
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    process.destroy();
    throw new IllegalStateException(
        "the standalone emulator did not answer within 60 s; see " + log);
  }

  /** In the child: the standalone jar's entry point, ended when the parent JVM ends. */
  private static void serve(long parentPid, String[] options) throws Exception {
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(
            parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    Class.forName("dev.sumoclient.users.emulator.internal.StandaloneMain")
        .getMethod("main", String[].class)
        .invoke(null, (Object) options);
  }

  private static void stop(int port) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(admin(port, "/shutdown"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    System.out.println("standalone emulator on port " + port + ": " + answer.body());
  }

  private static URI admin(int port, String route) {
    return URI.create("http://127.0.0.1:" + port + "/__admin" + route);
  }
}
