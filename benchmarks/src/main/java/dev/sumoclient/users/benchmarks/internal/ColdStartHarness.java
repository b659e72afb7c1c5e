package dev.sumoclient.users.benchmarks.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Benchmark 5: cold start, a fresh JVM building a client and completing its first call.
 *
 * <p>Each run launches a new {@code java} process on this jar's class path. Two figures per run:
 * the whole process as seen from outside (launch to exit, JVM boot included), and the time inside
 * {@code main} from the first line to the first answer. The raw baselines run the same way for
 * scale. Runs alternate between contenders; medians are reported.
 */
final class ColdStartHarness {
  private static final int RUNS = Integer.getInteger("bench.coldRuns", 11);
  private static final List<String> BASELINES = List.of("client", "raw-jdk", "raw-okhttp");

  private ColdStartHarness() {}

  /** Runs the benchmark and prints its figures. */
  static boolean run() throws Exception {
    Machine.printHeader("Benchmark 5: cold start, fresh process, build + first getUser");
    List<String> contenders = new java.util.ArrayList<>(BASELINES);
    if (Peers.available()) {
      contenders.addAll(Peers.CLASSES.keySet());
    } else {
      Peers.printSkipReason();
    }
    try (EmulatorProcess emulator = EmulatorProcess.start(10, false);
        RawOkHttpClient raw = new RawOkHttpClient(emulator.baseUri().toString())) {
      String id = raw.listPage(1, null).getData().get(0).getId();
      double[][] process = new double[contenders.size()][RUNS];
      double[][] inMain = new double[contenders.size()][RUNS];
      for (int c = 0; c < contenders.size(); c++) {
        once(contenders.get(c), emulator, id); // fills the OS page cache; not counted
      }
      for (int run = 0; run < RUNS; run++) {
        for (int c = 0; c < contenders.size(); c++) {
          long start = System.nanoTime();
          inMain[c][run] = once(contenders.get(c), emulator, id);
          process[c][run] = (System.nanoTime() - start) / 1e6;
        }
      }
      for (int c = 0; c < contenders.size(); c++) {
        System.out.printf(
            "%-11s whole process median %.0f ms %s; build + first call in main median %.0f ms %s%n",
            contenders.get(c),
            Stats.median(process[c]),
            Stats.fmt(process[c]),
            Stats.median(inMain[c]),
            Stats.fmt(inMain[c]));
      }
      System.out.printf(
          "cold start of the client: %.0f ms whole process, %.0f ms in main (no target set)%n",
          Stats.median(process[0]), Stats.median(inMain[0]));
      boolean met = true;
      for (int c = BASELINES.size(); c < contenders.size(); c++) {
        double ratio = Stats.median(process[0]) / Stats.median(process[c]);
        double inMainRatio = Stats.median(inMain[0]) / Stats.median(inMain[c]);
        double[] spread = Stats.ratioRange(process[0], process[c]);
        met &= ratio <= 1.00;
        System.out.printf(
            "cold start, whole process: client / %s = %.3f (per alternation %.3f .. %.3f; in main"
                + " %.3f), target <= 1.00: %s%n",
            contenders.get(c),
            ratio,
            spread[0],
            spread[1],
            inMainRatio,
            Stats.peerVerdict(ratio, spread[0], spread[1], 1.00));
      }
      ClassPathReport.print(contenders, emulator, id);
      return met;
    }
  }

  private static double once(String contender, EmulatorProcess emulator, String id)
      throws Exception {
    return once(contender, emulator, id, System.getProperty("java.class.path"), List.of());
  }

  /**
   * Runs one probe process and returns its time in main, in ms.
   *
   * @param classPath the probe's class path
   * @param jvmOptions extra options for its JVM
   */
  static double once(
      String contender,
      EmulatorProcess emulator,
      String id,
      String classPath,
      List<String> jvmOptions)
      throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(EmulatorProcess.javaExecutable());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            classPath,
            ColdStartProbe.class.getName(),
            contender,
            emulator.baseUri().toString(),
            id));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    StringBuilder all = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        all.append(line).append('\n');
        if (line.startsWith(ColdStartProbe.RESULT)) {
          result = line.substring(ColdStartProbe.RESULT.length()).split(" ")[0];
        }
      }
    }
    int status = process.waitFor();
    if (status != 0 || result == null) {
      throw new IllegalStateException(contender + " probe failed (" + status + "): " + all);
    }
    return Double.parseDouble(result);
  }
}
