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

  /**
   * Returns the lowest and highest of the pairwise ratios {@code ours[i] / other[i]}: the spread of
   * a ratio over a run's passes or alternations.
   *
   * @param ours the client's figures
   * @param other the other contender's figures, as many, in the same order
   * @return {min, max}
   */
  static double[] ratioRange(double[] ours, double[] other) {
    double low = Double.MAX_VALUE;
    double high = 0;
    for (int i = 0; i < ours.length; i++) {
      low = Math.min(low, ours[i] / other[i]);
      high = Math.max(high, ours[i] / other[i]);
    }
    return new double[] {low, high};
  }

  /**
   * Judges a ratio client / other against its target, given the spread the same run showed.
   *
   * @param ratio the ratio of the medians
   * @param low the lowest ratio over the run's blocks, passes or alternations
   * @param high the highest
   * @param target the highest acceptable ratio
   * @return MET, MISSED, or INCONCLUSIVE when the ratio misses but the run's own spread reaches the
   *     target
   */
  static String peerVerdict(double ratio, double low, double high, double target) {
    if (ratio <= target) {
      return "MET";
    }
    return low <= target
        ? String.format(
            "INCONCLUSIVE (missed, but the run's spread %.3f .. %.3f reaches it)", low, high)
        : "MISSED";
  }
}
