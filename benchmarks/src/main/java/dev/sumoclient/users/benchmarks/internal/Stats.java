package dev.sumoclient.users.benchmarks.internal;

import java.util.Arrays;

/** The few statistics the harnesses report. */
final class Stats {
  private Stats() {}

  /**
   * Returns the median, the mean of the middle two for an even count.
   *
   * @param values at least one value
   * @return the median
   */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * Formats a verdict line: the figure, the target and whether it is met.
   *
   * @param what the figure's name
   * @param value the figure
   * @param target the highest acceptable value
   * @return the line
   */
  static String verdict(String what, double value, double target) {
    return String.format(
        "%s = %.3f (target <= %.2f): %s", what, value, target, value <= target ? "MET" : "MISSED");
  }

  static String fmt(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format("%.1f", values[i]));
    }
    return sb.append(']').toString();
  }
}
