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
    List<String> names = new ArrayList<>(contenders.keySet());
    Map<String, double[]> samples = new LinkedHashMap<>();
    for (String name : names) {
      samples.put(name, new double[rounds]);
    }
    Random shuffle = new Random(42);
    int sink = 0;
    for (int round = -warmupRounds; round < rounds; round++) {
      Collections.shuffle(names, shuffle);
      for (String name : names) {
        long start = System.nanoTime();
        Object result = contenders.get(name).run();
        long took = System.nanoTime() - start;
        sink += System.identityHashCode(result) & 1;
        if (round >= 0) {
          samples.get(name)[round] = took / 1000.0;
        }
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String name : contenders.keySet()) {
      medians.put(name, Stats.median(samples.get(name)));
    }
    if (sink < 0) {
      System.out.println(sink);
    }
    return medians;
  }
}
