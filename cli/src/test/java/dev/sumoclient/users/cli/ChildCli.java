package dev.sumoclient.users.cli;

import dev.sumoclient.users.emulator.SumoEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs sumo-users in a child JVM, as a person or a script does. */
final class ChildCli {
  record Result(int exitCode, String out, String err) {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The command line of a child JVM running the CLI with this test's class path. */
  static List<String> command(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SumoUsersCli.class.getName());
    command.addAll(args);
    return command;
  }

  /** What a child's environment sets: the home, and the emulator to call with its key. */
  static Map<String, String> environment(SumoEmulator emulator, Path home) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", home.toString());
    env.put("SUMOLOGIC_BASE_URL", emulator.baseUri().toString());
    env.put("SUMOLOGIC_ACCESSID", SumoEmulator.DEFAULT_ACCESS_ID);
    env.put("SUMOLOGIC_ACCESSKEY", SumoEmulator.DEFAULT_ACCESS_KEY);
    return env;
  }

  static ProcessBuilder builder(
      SumoEmulator emulator, Path home, List<String> jvm, List<String> args) {
    ProcessBuilder pb = new ProcessBuilder(command(jvm, args));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("SUMO"));
    env.putAll(environment(emulator, home));
    return pb;
  }

  static Result run(SumoEmulator emulator, Path home, String... args) throws Exception {
    return run(builder(emulator, home, List.of(), List.of(args)), "", Duration.ofSeconds(60));
  }

  static Result run(ProcessBuilder pb, String stdin, Duration timeout) throws Exception {
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("sumo-users did not finish in " + timeout + ": " + read(err));
      }
      return new Result(p.exitValue(), read(out), read(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
