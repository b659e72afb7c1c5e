package dev.sumoclient.users.benchmarks.internal;

import dev.sumoclient.users.ListUsersRequest;
import dev.sumoclient.users.SumoUsersClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
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
  private static final Map<String, String> BENCHMARKS = benchmarks();

  private static Map<String, String> benchmarks() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("get-user", "1. getUser per call, client/raw and client/generated peers + allocations");
    all.put("list-page", "2. one listUsers page of 1,000 users, client/raw and client/peers");
    all.put("iterate", "3. iterate 100,000 users at limit=1000: wall ratios + heap");
    all.put("quotas", "4. 100 updateUser calls, 8 threads, 4 req/s + 10 in flight");
    all.put("cold-start", "5. fresh process: build a client + first call, ms; class path");
    all.put("get-user-latency", "6. getUser per call with the emulator 20 ms away");
    all.put("stamping", "quota stamping rule: written -> counted by the emulator, ms");
    all.put(
        "shared-quotas",
        "7. 4 client JVMs x 8 threads, 200 updateUser calls, one quota group: in-JVM, Redis,"
            + " Redis killed halfway; Redis cost per call");
    all.put(
        "machine",
        "prints the machine, JDK and date only (emulator throughput is the emulator module's"
            + " own harness, see docs/benchmarks.md)");
    return Collections.unmodifiableMap(all);
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
          case "stamping" -> StampingHarness.run();
          case "cold-start" -> ColdStartHarness.run();
          case "get-user-latency" -> getUserAtLatency();
          case "shared-quotas" -> SharedQuotaHarness.run();
          case "machine" -> {
            Machine.printHeader("Machine");
            yield true;
          }
          default -> throw new IllegalStateException(args[0]);
        };
    System.exit(met ? 0 : 1);
  }

  private static boolean getUser(String[] jmhArgs) throws Exception {
    try (EmulatorProcess emulator = EmulatorProcess.start(100, false);
        SumoUsersClient client = Clients.unlimited(emulator.baseUri());
        RawJdkClient rawJdk = new RawJdkClient(emulator.baseUri().toString());
        RawOkHttpClient rawOkHttp = new RawOkHttpClient(emulator.baseUri().toString());
        FeignBaseline feign =
            new FeignBaseline(emulator.baseUri().toString(), rawOkHttp.authorization, false);
        FeignBaseline feignBytes =
            new FeignBaseline(emulator.baseUri().toString(), rawOkHttp.authorization, true)) {
      Map<String, RunResult> results = jmh(GetUserBenchmark.class, emulator, jmhArgs, true);
      String id = rawOkHttp.listPage(1, null).getData().get(0).getId();
      List<Peer> peers = Peers.open(emulator.baseUri());
      // Diagnostics, not baselines: where the client's extra time goes.
      Map<String, Interleaved.Call> diagnostics = new LinkedHashMap<>();
      diagnostics.put("feignOnOkHttp", () -> feign.getUser(id));
      diagnostics.put("feignOnOkHttpBytes", () -> feignBytes.getUser(id));
      Map<String, Interleaved.Call> contenders =
          getUserContenders(id, client, rawJdk, rawOkHttp, diagnostics, peers);
      // Every contender shares OkHttp's code, but only the client and Feign run Feign's: too few
      // warm-up rounds leave that path less compiled than the raw one and overstate its cost.
      Interleaved.Figures figures =
          Interleaved.measure(contenders, Integer.getInteger("bench.warmupRounds", 15_000), 2500);
      Map<String, Double> interleaved = figures.medianMicros();
      Machine.printHeader("Benchmark 1: getUser, client vs raw, median per call");
      printSampled(results);
      ratio(results, interleaved, "client", "rawJdk", "rawOkHttp", "getUser per call");
      printCpu(figures);
      System.out.printf(
          "diagnostic medians: Feign alone on OkHttp %.1f us, the same decoding from bytes %.1f us"
              + " (raw OkHttp %.1f us, client %.1f us)%n",
          interleaved.get("feignOnOkHttp"),
          interleaved.get("feignOnOkHttpBytes"),
          interleaved.get("rawOkHttp"),
          interleaved.get("client"));
      boolean peersMet = comparePeers("getUser per call", results, figures, peers, 1.00);
      Peers.closeAll(peers);
      return verdict(interleaved, "client", "rawJdk", "rawOkHttp", "getUser per call") && peersMet;
    }
  }

  /**
   * The {@code getUser} contenders of measures 1 and 6, in report order: the client, the raw
   * baselines, any diagnostics, then the clients a team would generate itself from Sumo's
   * description.
   */
  private static Map<String, Interleaved.Call> getUserContenders(
      String id,
      SumoUsersClient client,
      RawJdkClient rawJdk,
      RawOkHttpClient rawOkHttp,
      Map<String, Interleaved.Call> diagnostics,
      List<Peer> peers) {
    Map<String, Interleaved.Call> contenders = new LinkedHashMap<>();
    contenders.put("client", () -> client.getUser(id));
    contenders.put("rawJdk", () -> rawJdk.getUser(id));
    contenders.put("rawOkHttp", () -> rawOkHttp.getUser(id));
    contenders.putAll(diagnostics);
    for (Peer peer : peers) {
      contenders.put(peer.name(), () -> peer.getUser(id));
    }
    return contenders;
  }

  /**
   * Measure 6: {@code getUser} with the emulator's latency fault at 20 ms, so that each contender's
   * per-call overhead is seen against a realistic network distance.
   */
  private static boolean getUserAtLatency() throws Exception {
    int latencyMillis = Integer.getInteger("bench.latencyMillis", 20);
    try (EmulatorProcess emulator = EmulatorProcess.start(100, false);
        SumoUsersClient client = Clients.unlimited(emulator.baseUri());
        RawJdkClient rawJdk = new RawJdkClient(emulator.baseUri().toString());
        RawOkHttpClient rawOkHttp = new RawOkHttpClient(emulator.baseUri().toString())) {
      String id = rawOkHttp.listPage(1, null).getData().get(0).getId();
      List<Peer> peers = Peers.open(emulator.baseUri());
      Map<String, Interleaved.Call> contenders =
          getUserContenders(id, client, rawJdk, rawOkHttp, Map.of(), peers);
      // Warm every path up without latency (the JIT needs calls, not time), then add the latency.
      Interleaved.measure(contenders, Integer.getInteger("bench.warmupRounds", 15_000), 1);
      emulator.latency(latencyMillis);
      Interleaved.Figures figures =
          Interleaved.measure(contenders, 20, Integer.getInteger("bench.latencyRounds", 500));
      Machine.printHeader(
          "Benchmark 6: getUser per call with the emulator " + latencyMillis + " ms away");
      List<String> others = new ArrayList<>(contenders.keySet());
      others.remove("client");
      PeerReport.print(
          "getUser at " + latencyMillis + " ms, median",
          figures.samplesMicros(),
          "client",
          others,
          1.02);
      String fastest = others.get(0);
      for (String other : others) {
        if (figures.medianMicros().get(other) < figures.medianMicros().get(fastest)) {
          fastest = other;
        }
      }
      double ratio = figures.medianMicros().get("client") / figures.medianMicros().get(fastest);
      double[] spread =
          PeerReport.blockRatios(
              figures.samplesMicros().get("client"), figures.samplesMicros().get(fastest));
      System.out.println(
          Stats.verdict(
                  "getUser at " + latencyMillis + " ms: client / fastest other (" + fastest + ")",
                  ratio,
                  1.02)
              + String.format(
                  " (over %d blocks %.3f .. %.3f)", PeerReport.BLOCKS, spread[0], spread[1]));
      Peers.closeAll(peers);
      return ratio <= 1.02;
    }
  }

  /**
   * Prints the client against each generated peer: JMH's allocations per call, and the interleaved
   * median ratios with their spread.
   */
  private static boolean comparePeers(
      String what,
      Map<String, RunResult> results,
      Interleaved.Figures figures,
      List<Peer> peers,
      double target) {
    List<String> names = new ArrayList<>();
    for (Peer peer : peers) {
      names.add(peer.name());
      RunResult run = results.get(jmhMethod(peer.name()));
      if (run != null) {
        System.out.printf(
            "%s: allocations per call client %.0f B, %s %.0f B (client / %s = %.2f)%n",
            what,
            allocatedPerCall(results.get("client")),
            peer.name(),
            allocatedPerCall(run),
            peer.name(),
            allocatedPerCall(results.get("client")) / allocatedPerCall(run));
      }
    }
    List<String> raw = List.of("rawOkHttp");
    PeerReport.print(what + " (median), against raw", figures.samplesMicros(), "client", raw, 1.10);
    if (names.isEmpty()) {
      return true;
    }
    return PeerReport.print(what + " (median)", figures.samplesMicros(), "client", names, target);
  }

  /** The JMH method that measures a peer, as named in {@link GetUserBenchmark}. */
  private static String jmhMethod(String peer) {
    return peer.equals("okhttp-gson") ? "okhttpGson" : "nativeJdk";
  }

  private static boolean listPage(String[] jmhArgs) throws Exception {
    int page = ListPageBenchmark.PAGE;
    try (EmulatorProcess emulator = EmulatorProcess.start(2 * page, false);
        SumoUsersClient client = Clients.unlimited(emulator.baseUri());
        RawJdkClient rawJdk = new RawJdkClient(emulator.baseUri().toString());
        RawOkHttpClient rawOkHttp = new RawOkHttpClient(emulator.baseUri().toString())) {
      Map<String, RunResult> results = jmh(ListPageBenchmark.class, emulator, jmhArgs, true);
      ListUsersRequest request = ListUsersRequest.builder().limit(page).build();
      Map<String, Interleaved.Call> contenders = new LinkedHashMap<>();
      contenders.put("client", () -> client.listUsers(request).pages().iterator().next());
      contenders.put("rawJdk", () -> rawJdk.listPage(page, null));
      contenders.put("rawOkHttp", () -> rawOkHttp.listPage(page, null));
      List<Peer> peers = Peers.open(emulator.baseUri());
      for (Peer peer : peers) {
        contenders.put(peer.name(), () -> peer.firstPage(page));
      }
      Interleaved.Figures figures = Interleaved.measure(contenders, 100, 200);
      Map<String, Double> interleaved = new LinkedHashMap<>(figures.medianMicros());
      ListPageBenchmark decoding = new ListPageBenchmark();
      decoding.prepareDecoding(rawOkHttp);
      Map<String, Interleaved.Call> decoders = new LinkedHashMap<>();
      decoders.put("decodeClient", decoding::decodeClient);
      decoders.put("decodeClientMapperBytes", decoding::decodeClientMapperBytes);
      decoders.put("decodeFeignReader", decoding::decodeFeignReader);
      decoders.put("decodeRaw", decoding::decodeRaw);
      interleaved.putAll(Interleaved.medians(decoders, 200, 400));
      Machine.printHeader("Benchmark 2: one listUsers page of 1,000 users, client vs raw");
      printSampled(results);
      ratio(results, interleaved, "client", "rawJdk", "rawOkHttp", "page fetch + decode");
      printCpu(figures);
      ratio(results, interleaved, "decodeClient", "decodeRaw", "decodeRaw", "page decode only");
      verdict(interleaved, "decodeClient", "decodeRaw", "decodeRaw", "page decode only");
      verdict(
          interleaved,
          "decodeClientMapperBytes",
          "decodeRaw",
          "decodeRaw",
          "page decode, client mapper from bytes");
      verdict(
          interleaved,
          "decodeFeignReader",
          "decodeRaw",
          "decodeRaw",
          "page decode, Feign's Reader-based JacksonDecoder on the client's mapper (before)");
      boolean peersMet = comparePeers("page fetch + decode", results, figures, peers, 1.00);
      Peers.closeAll(peers);
      return verdict(interleaved, "client", "rawJdk", "rawOkHttp", "page fetch + decode")
          && peersMet;
    }
  }

  /**
   * Runs one JMH class with every contender against the given emulator, handed to the forked JVMs
   * by a system property.
   */
  private static Map<String, RunResult> jmh(
      Class<?> benchmark, EmulatorProcess emulator, String[] args, boolean gc) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.parent(new CommandLineOptions(args));
    options.include(benchmark.getName() + "\\.");
    if (!Peers.available()) {
      options.exclude(benchmark.getName() + "\\.(okhttpGson|nativeJdk)$");
    }
    if (gc) {
      options.addProfiler(GCProfiler.class);
    }
    // Replaces the annotation's jvmArgsAppend, so its heap settings are repeated here.
    options.jvmArgsAppend(
        "-Xms256m", "-Xmx256m", "-D" + EmulatorProcess.SHARED + "=" + emulator.baseUri());
    Collection<RunResult> runs = new Runner(options.build()).run();
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

  private static void printCpu(Interleaved.Figures figures) {
    StringBuilder line = new StringBuilder("process CPU per call (all threads, interleaved run):");
    figures
        .cpuMicrosPerCall()
        .forEach((name, us) -> line.append(String.format(" %s %.1f us;", name, us)));
    System.out.println(line);
  }

  /** Prints JMH's view of the ratio (sequential, noisier) and the allocation ratio. */
  private static void ratio(
      Map<String, RunResult> results,
      Map<String, Double> interleaved,
      String ours,
      String rawA,
      String rawB,
      String what) {
    String baseline = interleaved.get(rawA) <= interleaved.get(rawB) ? rawA : rawB;
    double jmhBest = Math.min(median(results.get(rawA)), median(results.get(rawB)));
    System.out.printf(
        "%s: JMH median ratio %.3f (contenders measured one after another); allocation ratio"
            + " %.2f (%.0f B vs %.0f B per call, %s)%n",
        what,
        median(results.get(ours)) / jmhBest,
        allocatedPerCall(results.get(ours)) / allocatedPerCall(results.get(baseline)),
        allocatedPerCall(results.get(ours)),
        allocatedPerCall(results.get(baseline)),
        baseline);
  }

  /** Prints and judges the interleaved median ratio against the fastest raw baseline. */
  private static boolean verdict(
      Map<String, Double> interleaved, String ours, String rawA, String rawB, String what) {
    double a = interleaved.get(rawA);
    double b = interleaved.get(rawB);
    String baseline = a <= b ? rawA : rawB;
    double ratio = interleaved.get(ours) / Math.min(a, b);
    System.out.printf(
        "%s, interleaved medians: %s %.1f us, %s %.1f us, %s %.1f us; fastest raw = %s%n",
        what, ours, interleaved.get(ours), rawA, a, rawB, b, baseline);
    System.out.println(Stats.verdict(what + " median ratio client/raw", ratio, 1.10));
    return ratio <= 1.10;
  }

  private static double median(RunResult run) {
    return run.getPrimaryResult().getStatistics().getPercentile(50);
  }

  private static double allocatedPerCall(RunResult run) {
    for (String key : run.getSecondaryResults().keySet()) {
      if (key.endsWith("gc.alloc.rate.norm")) {
        return run.getSecondaryResults().get(key).getScore();
      }
    }
    return Double.NaN;
  }
}
