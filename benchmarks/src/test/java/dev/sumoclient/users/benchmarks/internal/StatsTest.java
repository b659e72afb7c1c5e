package dev.sumoclient.users.benchmarks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The spread the peer verdicts judge by: pairwise ratios, not ratios of extremes. */
class StatsTest {
  @Test
  void ratioRangeIsTheLowestAndHighestPairwiseRatio() {
    double[] client = {2, 3, 8};
    double[] other = {1, 4, 8};
    assertThat(Stats.ratioRange(client, other)).containsExactly(0.75, 2.0);
  }

  @Test
  void aRatioMissingItsTargetIsInconclusiveOnlyWhenTheSpreadReachesIt() {
    double[] spread = Stats.ratioRange(new double[] {9, 11}, new double[] {10, 10});
    assertThat(Stats.peerVerdict(1.05, spread[0], spread[1], 1.00)).startsWith("INCONCLUSIVE");
    assertThat(Stats.peerVerdict(1.05, 1.02, 1.08, 1.00)).isEqualTo("MISSED");
    assertThat(Stats.peerVerdict(0.99, spread[0], spread[1], 1.00)).isEqualTo("MET");
  }
}
