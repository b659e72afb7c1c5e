package dev.sumoclient.users.benchmarks.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints the client against every other contender of one interleaved run: the ratio of the medians
 * (client / other, so at most 1.00 means the client is ahead or equal) and its spread over the
 * run's consecutive blocks of rounds, which shows how far the machine's load moved it.
 */
final class PeerReport {
  /** Consecutive blocks a run's rounds are cut into for the spread. */
  static final int BLOCKS = 5;

  private PeerReport() {}

  /**
   * Prints one line per other contender and returns whether the client met the target against every
   * one of them.
   *
   * @param what the measure's name
   * @param samples every contender's per-round figures, in round order
   * @param ours the client's name in {@code samples}
   * @param others the contenders to compare with
   * @param target the highest acceptable ratio client / other
   * @return whether every ratio is at most the target
   */
  static boolean print(
      String what, Map<String, double[]> samples, String ours, List<String> others, double target) {
    boolean met = true;
    double oursMedian = Stats.median(samples.get(ours));
    for (String other : others) {
      double ratio = oursMedian / Stats.median(samples.get(other));
      double[] spread = blockRatios(samples.get(ours), samples.get(other));
      String verdict = Stats.peerVerdict(ratio, spread[0], spread[1], target);
      met &= ratio <= target;
      System.out.printf(
          "%s: client / %s = %.3f (client %.1f, %s %.1f; over %d blocks %.3f .. %.3f),"
              + " target <= %.2f: %s%n",
          what,
          other,
          ratio,
          oursMedian,
          other,
          Stats.median(samples.get(other)),
          BLOCKS,
          spread[0],
          spread[1],
          target,
          verdict);
    }
    return met;
  }

  /**
   * Returns the lowest and highest ratio of medians over {@link #BLOCKS} consecutive blocks.
   *
   * @param ours the client's samples
   * @param other the other contender's samples, as many
   * @return {min, max}
   */
  static double[] blockRatios(double[] ours, double[] other) {
    int size = ours.length / BLOCKS;
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int b = 0; b < BLOCKS && size > 0; b++) {
      double r =
          Stats.median(Arrays.copyOfRange(ours, b * size, (b + 1) * size))
              / Stats.median(Arrays.copyOfRange(other, b * size, (b + 1) * size));
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    return new double[] {min, max};
  }
}
