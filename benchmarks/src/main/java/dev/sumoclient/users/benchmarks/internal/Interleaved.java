package dev.sumoclient.users.benchmarks.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times contenders call by call in a shuffled round robin, so that the noise of a shared machine
 * (other builds, the emulator's own collections) falls on all of them alike.
 *
 * <p>JMH measures one contender after another; on a busy machine one of them can draw a quiet
 * minute and another a loaded one. Here every round runs each contender once, in a fresh random
 * order, and each contender's median is taken over all rounds.
 *
 * <p>It also sums the process CPU time spent during each contender's calls (all threads: the
 * caller, HTTP helper threads, JIT, GC), which waiting for a loaded server does not inflate.
 */
final class Interleaved {
  private Interleaved() {}

  /** One call of a contender; its result is kept alive so that nothing can be optimised away. */
  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  /**
   * Runs the rounds and returns each contender's median call time in microseconds.
   *
   * @param contenders the contenders by name, in report order
   * @param warmupRounds rounds run first and not counted, for the JIT
   * @param rounds counted rounds
   * @return the median per contender
   */
  static Map<String, Double> medians(Map<String, Call> contenders, int warmupRounds, int rounds)
      throws Exception {
    return measure(contenders, warmupRounds, rounds).medianMicros();
  }

  /**
   * What {@link #measure} found, per contender.
   *
   * @param medianMicros the median wall time of one call
   * @param cpuMicrosPerCall the process CPU time per call, averaged over the counted rounds
   * @param samplesMicros every counted call's wall time, in round order
   */
  record Figures(
      Map<String, Double> medianMicros,
      Map<String, Double> cpuMicrosPerCall,
      Map<String, double[]> samplesMicros) {}

  /**
   * Runs the rounds and returns each contender's median call time and CPU time per call.
   *
   * @param contenders the contenders by name, in report order
   * @param warmupRounds rounds run first and not counted, for the JIT
   * @param rounds counted rounds
   * @return the figures
   */
  static Figures measure(Map<String, Call> contenders, int warmupRounds, int rounds)
      throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    Map<String, Long> cpu = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(contenders.keySet());
    Map<String, double[]> samples = new LinkedHashMap<>();
    for (String name : names) {
      samples.put(name, new double[rounds]);
      cpu.put(name, 0L);
    }
    Random shuffle = new Random(42);
    int sink = 0;
    for (int round = -warmupRounds; round < rounds; round++) {
      Collections.shuffle(names, shuffle);
      for (String name : names) {
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Object result = contenders.get(name).run();
        long took = System.nanoTime() - start;
        long cpuTook = os.getProcessCpuTime() - cpuStart;
        sink += System.identityHashCode(result) & 1;
        if (round >= 0) {
          samples.get(name)[round] = took / 1000.0;
          cpu.merge(name, cpuTook, Long::sum);
        }
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    Map<String, Double> cpuPerCall = new LinkedHashMap<>();
    for (String name : contenders.keySet()) {
      medians.put(name, Stats.median(samples.get(name)));
      cpuPerCall.put(name, cpu.get(name) / 1000.0 / rounds);
    }
    if (sink < 0) {
      System.out.println(sink);
    }
    return new Figures(medians, cpuPerCall, samples);
  }
}
