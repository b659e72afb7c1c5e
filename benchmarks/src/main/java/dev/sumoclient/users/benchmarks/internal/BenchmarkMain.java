package dev.sumoclient.users.benchmarks.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmarks' single entry point: {@code java -jar benchmarks.jar <benchmark> [JMH options]}.
 *
 * <p>Each benchmark prints its figures, the verdict against the target, and the machine,
 * JDK and date. JMH options (such as {@code -wi 5 -i 10 -f 2}) override the short defaults, which
 * are sized for a shared 2-core machine.
 */
public final class BenchmarkMain {
  private static final Map<String, String> BENCHMARKS = new LinkedHashMap<>();

  static {
    BENCHMARKS.put("get-user", "1. getUser per call, client/raw median ratio + allocations");
    BENCHMARKS.put("list-page", "2. one listUsers page of 1,000 users, client/raw ratio");
    BENCHMARKS.put("iterate", "3. iterate 100,000 users at limit=1000: wall ratio + heap");
    BENCHMARKS.put("quotas", "4. 100 updateUser calls, 8 threads, 4 req/s + 10 in flight");
    BENCHMARKS.put("cold-start", "5. fresh process: build a client + first call, ms");
    BENCHMARKS.put("emulator-throughput", "6. emulator getUser requests/s, limits off");
  }

  private BenchmarkMain() {}

  /**
   * Runs the named benchmark; exits with 1 when a target is missed, 2 on a usage error.
   *
   * @param args the benchmark's name, then JMH options for the JMH-based ones
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
      System.err.println("usage: java -jar benchmarks.jar <benchmark> [JMH options]");
      BENCHMARKS.forEach((name, what) -> System.err.printf("  %-20s %s%n", name, what));
      System.exit(2);
      return;
    }
    String[] jmhArgs = Arrays.copyOfRange(args, 1, args.length);
    boolean met =
        switch (args[0]) {
          case "get-user" -> getUser(jmhArgs);
          case "list-page" -> listPage(jmhArgs);
          case "iterate" -> IterationHarness.run();
          case "quotas" -> QuotaHarness.run();
          case "cold-start" -> ColdStartHarness.run();
          case "emulator-throughput" -> emulatorThroughput(jmhArgs);
          default -> throw new IllegalStateException(args[0]);
        };
    System.exit(met ? 0 : 1);
  }

  private static boolean getUser(String[] jmhArgs) throws Exception {
    Map<String, RunResult> results = jmh(GetUserBenchmark.class, 100, jmhArgs, true);
    Machine.printHeader("Benchmark 1: getUser, client vs raw, median per call");
    printSampled(results);
    return ratio(results, "client", "rawJdk", "rawOkHttp", "per-call median client/raw");
  }

  private static boolean listPage(String[] jmhArgs) throws Exception {
    Map<String, RunResult> results =
        jmh(ListPageBenchmark.class, 2 * ListPageBenchmark.PAGE, jmhArgs, true);
    Machine.printHeader("Benchmark 2: one listUsers page of 1,000 users, client vs raw");
    printSampled(results);
    boolean met =
        ratio(results, "client", "rawJdk", "rawOkHttp", "fetch + decode median client/raw");
    ratio(results, "decodeClient", "decodeRaw", "decodeRaw", "decode only median client/raw");
    return met;
  }

  private static boolean emulatorThroughput(String[] jmhArgs) throws Exception {
    Map<String, RunResult> results = jmh(EmulatorThroughputBenchmark.class, 1000, jmhArgs, false);
    Machine.printHeader("Benchmark 6: emulator getUser throughput, limits off");
    RunResult r = results.get("getUser");
    Result<?> primary = r.getPrimaryResult();
    System.out.printf(
        "emulator getUser: %.0f ± %.0f requests/s (%d client threads in a separate JVM on the same"
            + " cores)%n",
        primary.getScore(), primary.getScoreError(), r.getParams().getThreads());
    System.out.println(
        Stats.verdict("requests/s (inverted: target >= 5000)", -primary.getScore(), -5000));
    return primary.getScore() >= 5000;
  }

  /**
   * Runs one JMH class with every contender against one emulator, started here and handed to the
   * forked JVMs by a system property.
   */
  private static Map<String, RunResult> jmh(
      Class<?> benchmark, int users, String[] args, boolean gc) throws Exception {
    CommandLineOptions given = new CommandLineOptions(args);
    Collection<RunResult> runs;
    try (EmulatorProcess emulator = EmulatorProcess.start(users, false)) {
      OptionsBuilder options = new OptionsBuilder();
      options.parent(given);
      options.include(benchmark.getName() + "\\.");
      if (gc) {
        options.addProfiler(GCProfiler.class);
      }
      // Replaces the annotation's jvmArgsAppend, so its heap settings are repeated here.
      options.jvmArgsAppend(
          "-Xms256m", "-Xmx256m", "-D" + EmulatorProcess.SHARED + "=" + emulator.baseUri());
      runs = new Runner(options.build()).run();
    }
    Map<String, RunResult> byMethod = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      byMethod.put(name.substring(name.lastIndexOf('.') + 1), run);
    }
    return byMethod;
  }

  private static void printSampled(Map<String, RunResult> results) {
    results.forEach(
        (name, run) ->
            System.out.printf(
                "%-13s median %9.1f us, p90 %9.1f us, mean %9.1f us, %8.0f bytes allocated per"
                    + " call (n=%d)%n",
                name,
                median(run),
                run.getPrimaryResult().getStatistics().getPercentile(90),
                run.getPrimaryResult().getStatistics().getMean(),
                allocatedPerCall(run),
                run.getPrimaryResult().getStatistics().getN()));
  }

  private static boolean ratio(
      Map<String, RunResult> results, String ours, String rawA, String rawB, String what) {
    double client = median(results.get(ours));
    double a = median(results.get(rawA));
    double b = median(results.get(rawB));
    String baseline = a <= b ? rawA : rawB;
    double ratio = client / Math.min(a, b);
    System.out.printf(
        "%s: fastest raw baseline is %s; allocation ratio %.2f%n",
        what,
        baseline,
        allocatedPerCall(results.get(ours)) / allocatedPerCall(results.get(baseline)));
    System.out.println(Stats.verdict(what, ratio, 1.10));
    return ratio <= 1.10;
  }

  private static double median(RunResult run) {
    return run.getPrimaryResult().getStatistics().getPercentile(50);
  }

  private static double allocatedPerCall(RunResult run) {
    for (Map.Entry<String, Result> e : run.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return e.getValue().getScore();
      }
    }
    return Double.NaN;
  }
}
